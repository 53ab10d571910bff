import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown

/// The pages Handbook derives from roles, processes and ladders: the org
/// chart, the process index, one matrix per ladder track, one page per level
/// with what changes from the level below, the tracks side by side, and the
/// review reports. Also the role, process and ladder panels of their pages.
extension SiteRenderer {
    package static let orgChartPath = "org-chart/"
    package static let processesPath = "reports/processes/"
    package static let stalePath = "reports/stale/"
    package static let unownedPath = "reports/unowned/"
    package static let ownershipFeedPath = "reports/ownership.json"

    func pageLink(_ i: Int, detail: String? = nil) -> LinkView {
        LinkView(title: index.pages[i].title, url: index.url(of: index.pages[i]), detail: detail)
    }

    // MARK: URLs of ladder pages

    static func slug(_ id: String) -> String { HeadingSlugger.baseSlug(id) }

    func ladderURLPath(_ ladder: Ladder) -> String { index.pages[ladder.page].urlPath }
    func matrixURL(_ ladder: Ladder, track: String) -> String { index.url(ladderURLPath(ladder) + "tracks/" + Self.slug(track) + "/") }
    func levelURL(_ ladder: Ladder, level: String) -> String { index.url(ladderURLPath(ladder) + "levels/" + Self.slug(level) + "/") }
    func sideBySideURL(_ ladder: Ladder) -> String { index.url(ladderURLPath(ladder) + "side-by-side/") }

    func levelLink(_ ref: LeadershipModel.LevelRef) -> LinkView {
        let ladder = leadership.ladders[ref.ladder]
        return LinkView(title: ladder.level(ref.level)?.title ?? ref.level, url: levelURL(ladder, level: ref.level), detail: ref.level)
    }

    // MARK: Panels on the kinds' own pages

    func roleView(_ r: Int) -> RoleView? {
        guard case .role(let spec) = index.pages[r].spec else { return nil }
        return RoleView(
            track: spec.track?.value, responsibilities: spec.responsibilities,
            reportingLine: leadership.reportingLine(of: r).map { pageLink($0) },
            directReports: (leadership.reports[r] ?? []).map { pageLink($0) },
            levels: (leadership.levelsByRole[r] ?? []).map(levelLink),
            processes: (leadership.processesByRole[r] ?? []).map { pageLink($0.process, detail: Self.describe(letters: $0.letters)) })
    }

    static func describe(letters: String) -> String {
        let names = ["O": "owner", "R": "responsible", "A": "accountable", "C": "consulted", "I": "informed"]
        var seen: [String] = []
        for letter in letters.map(String.init) where !seen.contains(letter) { seen.append(letter) }
        return seen.compactMap { names[$0] }.joined(separator: ", ")
    }

    func processView(_ p: Int) -> ProcessView? {
        guard case .process(let spec) = index.pages[p].spec else { return nil }
        let meanings = ["R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"]
        return ProcessView(
            owner: leadership.processOwner[p].map { pageLink($0) },
            raci: (leadership.raciRows[p] ?? []).map { row in
                RACIRowView(letter: row.letter, meaning: meanings[row.letter] ?? row.letter, roles: row.roles.map { pageLink($0) })
            },
            triggers: spec.triggers, cadence: spec.cadence)
    }

    func ladderView(_ page: Int) -> LadderView? {
        guard let ladder = leadership.ladders.first(where: { $0.page == page }) else { return nil }
        return LadderView(
            tracks: ladder.tracks.map { LinkView(title: $0.title, url: matrixURL(ladder, track: $0.id), detail: "\($0.levels.count) levels") },
            sideBySide: LinkView(title: "Tracks side by side", url: sideBySideURL(ladder)),
            rows: sideBySideRows(ladder), trackTitles: ladder.tracks.map(\.title))
    }

    /// Rows of levels across tracks: a level shares a row with its equivalents;
    /// other levels keep their order on their track.
    func sideBySideRows(_ ladder: Ladder) -> [[LinkView]] {
        var rows: [[String?]] = []
        var rowOf: [String: Int] = [:]
        for (t, track) in ladder.tracks.enumerated() {
            var lastRow = -1
            for level in track.levels {
                // An equivalent already placed on an earlier track fixes the row.
                if let row = (ladder.equivalents[level] ?? []).compactMap({ rowOf[$0] }).min(), row > lastRow, rows[row][t] == nil {
                    rows[row][t] = level
                    rowOf[level] = row
                    lastRow = row
                    continue
                }
                var row = lastRow + 1
                while row < rows.count, rows[row][t] != nil { row += 1 }
                if row == rows.count { rows.append(Array(repeating: nil, count: ladder.tracks.count)) }
                rows[row][t] = level
                rowOf[level] = row
                lastRow = row
            }
        }
        return rows.map { row in
            row.map { id in
                guard let id else { return LinkView(title: "", url: "") }
                let equivalents = (ladder.equivalents[id] ?? []).joined(separator: ", ")
                return LinkView(
                    title: ladder.level(id)?.title ?? id, url: levelURL(ladder, level: id),
                    detail: equivalents.isEmpty ? id : "\(id) ≈ \(equivalents)")
            }
        }
    }

    func reviewView(_ page: Int) -> ReviewView? {
        guard let status = reviews.status[page] else { return nil }
        return ReviewView(lastReviewed: status.lastReviewed.description, due: status.due.description, isStale: status.isStale)
    }

    /// Level pages are searchable too: by id, title, track and expectations.
    package func levelSearchDocuments() -> [SearchIndex.Document] {
        leadership.ladders.flatMap { ladder in
            ladder.levels.map { level in
                SearchIndex.Document(
                    title: "\(level.title) (\(level.id))", url: levelURL(ladder, level: level.id), kind: "level", tags: [],
                    headings: ladder.competencies.map(\.title),
                    fields: [level.id, ladder.track(of: level.id)?.title ?? ""].filter { !$0.isEmpty },
                    text: String(([level.summary ?? ""] + ladder.competencies.compactMap { $0.expectations[level.id] })
                        .joined(separator: " ").prefix(SearchIndex.textLimit)))
            }
        }
    }

    // MARK: Derived pages

    /// Every derived page: (output path, HTML or text, diagnostics).
    package func renderLeadershipPages() -> [(outputPath: String, text: String, diagnostics: [Diagnostic])] {
        var result: [(String, String, [Diagnostic])] = []
        func add(_ path: String, _ rendered: (html: String, diagnostics: [Diagnostic])) {
            result.append((path, rendered.html, rendered.diagnostics))
        }
        if !leadership.roles.isEmpty { add(Self.orgChartPath + "index.html", renderOrgChart()) }
        if !leadership.processes.isEmpty { add(Self.processesPath + "index.html", renderProcessIndex()) }
        for ladder in leadership.ladders {
            let base = ladderURLPath(ladder)
            for track in ladder.tracks {
                add(base + "tracks/" + Self.slug(track.id) + "/index.html", renderMatrix(ladder, track: track))
            }
            for level in ladder.levels {
                add(base + "levels/" + Self.slug(level.id) + "/index.html", renderLevel(ladder, level: level))
            }
            add(base + "side-by-side/index.html", renderSideBySide(ladder))
        }
        if usesOwnership {
            add(Self.stalePath + "index.html", renderStaleReport())
            add(Self.unownedPath + "index.html", renderUnownedReport())
            result.append((Self.ownershipFeedPath, ownershipFeed(), []))
        }
        return result
    }

    /// Review reports are written for handbooks that use owners or review
    /// dates; a plain folder of Markdown does not get empty reports.
    var usesOwnership: Bool { Self.usesOwnership(index) }

    static func usesOwnership(_ index: SiteIndex) -> Bool {
        index.pages.contains { $0.frontMatter.owner != nil || $0.frontMatter.lastReviewed != nil }
    }

    /// A derived page; `near` is the page it belongs to (a ladder), whose
    /// folder the sidebar opens and whose entry it marks.
    private func derivedView(title: String, urlPath: String, kind: String, summary: String? = nil, near: Int? = nil) -> PageView {
        PageView(
            site: site, title: title, url: index.url(urlPath), kind: kind, summary: summary, body: nil, showTitle: true,
            navigation: near.map { navigation(folder: index.pages[$0].sourceFolder, current: index.url(of: index.pages[$0])) }
                ?? navigation(folder: "", current: ""),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath)], entries: [], params: [:])
    }

    /// The org chart's nested lists: each role rendered once through
    /// `org-node`, with a marker where its reports go, then spliced without
    /// recursion, so a reporting line of any length is drawn whole.
    func orgTree() -> String {
        var fragment: [Int: Int] = [:]
        for (k, r) in leadership.roles.enumerated() { fragment[r] = k + 1 }
        func markers(_ roles: [Int]) -> String { roles.compactMap { fragment[$0] }.map(FragmentSplicer.marker).joined() }
        let nodes = leadership.roles.map { r -> String in
            var track: String?
            if case .role(let spec) = index.pages[r].spec { track = spec.track?.value }
            let view = OrgNodeView(role: pageLink(r), track: track, reports: markers(leadership.reports[r] ?? []))
            return theme.library.render(view, withTemplate: "org-node") ?? ""
        }
        return FragmentSplicer([markers(leadership.roots)] + nodes).splice(0)
    }

    func renderOrgChart() -> (html: String, diagnostics: [Diagnostic]) {
        var view = derivedView(title: "Org chart", urlPath: Self.orgChartPath, kind: "org-chart", summary: "Who reports to whom, from each role's reports_to.")
        view.orgChart = orgTree()
        return renderView(view, template: "org-chart", file: "org-chart")
    }

    func renderProcessIndex() -> (html: String, diagnostics: [Diagnostic]) {
        var view = derivedView(title: "Processes by owner", urlPath: Self.processesPath, kind: "processes")
        var byOwner: [Int?: [Int]] = [:]
        for p in leadership.processes { byOwner[leadership.processOwner[p], default: []].append(p) }
        let owners = byOwner.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return index.pages[x].title.lowercased() < index.pages[y].title.lowercased()
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        view.groups = owners.map { owner in
            ReportGroupView(
                owner: owner.map { pageLink($0) }, title: owner.map { index.pages[$0].title } ?? "No known owner",
                pages: byOwner[owner]!.sorted { index.pages[$0].title.lowercased() < index.pages[$1].title.lowercased() }.map {
                    pageLink($0, detail: index.pages[$0].frontMatter.summary)
                })
        }
        return renderView(view, template: "report", file: "processes")
    }

    func renderMatrix(_ ladder: Ladder, track: Ladder.Track) -> (html: String, diagnostics: [Diagnostic]) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(ladderPage.title): \(track.title)", urlPath: ladderURLPath(ladder) + "tracks/" + Self.slug(track.id) + "/",
            kind: "matrix", near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        view.matrix = MatrixView(
            track: track.title,
            levels: track.levels.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(ladder, level: $0), detail: $0) },
            rows: ladder.competencies.map { competency in
                MatrixRowView(
                    competency: LinkView(title: competency.title, url: ""), description: competency.description,
                    cells: track.levels.map { TextView(text: competency.expectations[$0] ?? "") })
            })
        return renderView(view, template: "matrix", file: ladderPage.source.displayPath)
    }

    func renderLevel(_ ladder: Ladder, level: Ladder.Level) -> (html: String, diagnostics: [Diagnostic]) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(level.title) (\(level.id))", urlPath: ladderURLPath(ladder) + "levels/" + Self.slug(level.id) + "/",
            kind: "level", summary: level.summary, near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        let track = ladder.track(of: level.id)
        let previous = ladder.previous(of: level.id)
        let next = track.flatMap { t in t.levels.firstIndex(of: level.id).flatMap { $0 + 1 < t.levels.count ? t.levels[$0 + 1] : nil } }
        let ref = leadership.ladders.firstIndex { $0.page == ladder.page }.map { LeadershipModel.LevelRef(ladder: $0, level: level.id) }
        view.level = LevelView(
            ladder: pageLink(ladder.page),
            track: track.map { LinkView(title: $0.title, url: matrixURL(ladder, track: $0.id)) },
            summary: level.summary,
            previous: previous.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(ladder, level: $0), detail: $0) },
            nextLevel: next.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(ladder, level: $0), detail: $0) },
            equivalents: (ladder.equivalents[level.id] ?? []).map {
                LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(ladder, level: $0), detail: ladder.track(of: $0)?.title)
            },
            roles: ref.map { (leadership.rolesByLevel[$0] ?? []).map { pageLink($0) } } ?? [],
            competencies: ladder.competencies.map { competency in
                let text = competency.expectations[level.id] ?? ""
                let before = previous.flatMap { competency.expectations[$0] }
                let changes = before.map { WordDiff.diff(from: $0, to: text) } ?? [WordDiff.Segment(text: text, isNew: false)]
                return LevelCompetencyView(
                    competency: LinkView(title: competency.title, url: ""), text: text, previousText: before,
                    changes: changes.map { TextView(text: $0.text, isNew: $0.isNew) })
            })
        return renderView(view, template: "level", file: ladderPage.source.displayPath)
    }

    func renderSideBySide(_ ladder: Ladder) -> (html: String, diagnostics: [Diagnostic]) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(ladderPage.title): tracks side by side", urlPath: ladderURLPath(ladder) + "side-by-side/", kind: "tracks",
            summary: "Levels on the same row are equivalent: moving between them is a change of track, not a promotion.",
            near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        view.ladder = ladderView(ladder.page)
        return renderView(view, template: "tracks", file: ladderPage.source.displayPath)
    }

    /// Stale pages grouped by owner, owners by title, pages by due date.
    func renderStaleReport() -> (html: String, diagnostics: [Diagnostic]) {
        var view = derivedView(
            title: "Pages due for review", urlPath: Self.stalePath, kind: "stale-report",
            summary: "Pages whose last review is older than their review interval, as of \(reviews.today).")
        view.groups = groupByOwner(reviews.stalePages) { i in
            let status = reviews.status[i]!
            return "last reviewed \(status.lastReviewed), due \(status.due)"
        }
        return renderView(view, template: "stale-report", file: "reports")
    }

    func renderUnownedReport() -> (html: String, diagnostics: [Diagnostic]) {
        var view = derivedView(title: "Pages without an owner", urlPath: Self.unownedPath, kind: "report", summary: "Every page should have an owner: a role that keeps it true.")
        let unowned = index.pages.indices.filter { leadership.owners[$0] == nil }
        view.groups = unowned.isEmpty ? [] : [ReportGroupView(owner: nil, title: "No owner", pages: unowned.map { pageLink($0, detail: index.pages[$0].source.path) })]
        return renderView(view, template: "report", file: "reports")
    }

    private func groupByOwner(_ pages: [Int], detail: (Int) -> String?) -> [ReportGroupView] {
        var byOwner: [Int?: [Int]] = [:]
        for i in pages { byOwner[leadership.owners[i], default: []].append(i) }
        let owners = byOwner.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return index.pages[x].title.lowercased() < index.pages[y].title.lowercased()
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return owners.map { owner in
            ReportGroupView(
                owner: owner.map { pageLink($0) }, title: owner.map { index.pages[$0].title } ?? "No owner",
                pages: byOwner[owner]!.sorted { (reviews.status[$0]?.due.description ?? "", $0) < (reviews.status[$1]?.due.description ?? "", $1) }
                    .map { pageLink($0, detail: detail($0)) })
        }
    }

    /// `reports/ownership.json`: one object per page, ordered by path, for a
    /// reminder bot. Keys are sorted and there is no timestamp, so two builds
    /// with the same `--today` write the same bytes.
    func ownershipFeed() -> String {
        var lines: [String] = []
        for (i, page) in index.pages.enumerated() {
            let status = reviews.status[i]
            let owner = leadership.owners[i].map { index.pages[$0].id }
            var fields = [
                "\"due\":" + json(status?.due.description),
                "\"last_reviewed\":" + json(status?.lastReviewed.description),
                "\"owner\":" + json(owner),
                "\"page\":" + json(page.source.path),
                "\"stale\":" + (status?.isStale == true ? "true" : "false"),
                "\"title\":" + json(page.title),
                "\"url\":" + json(index.url(of: page)),
            ]
            fields.sort()
            lines.append("  {" + fields.joined(separator: ",") + "}")
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    private func json(_ s: String?) -> String {
        guard let s else { return "null" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
