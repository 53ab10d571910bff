import HandbookContent
import HandbookDiagnostics
import HandbookEscaping
import HandbookIndex

/// The pages Handbook derives from roles, processes and ladders: the org
/// chart, the process index, one matrix per ladder track, one page per level
/// with what changes from the level below, the tracks side by side, and the
/// review reports.
extension SiteRenderer {
    /// A derived page; `near` is the page it belongs to (a ladder), whose
    /// folder the sidebar opens and whose entry it marks.
    private func derivedView(title: String, route: Route.Kind, kind: String, summary: String? = nil, near: Int? = nil) -> PageView {
        PageView(
            site: siteView, title: title, url: site.url(route), kind: kind, summary: summary, body: nil, showTitle: true,
            navigation: near.map { navigation(folder: index.pages[$0].sourceFolder, current: index.pages[$0].urlPath) }
                ?? navigation(folder: "", current: nil),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath)], entries: [], params: TemplateParams())
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
            if case .role(let spec) = index.pages[r].spec { track = spec.track.map { leadership.trackTitle($0.value) } }
            let view = OrgNodeView(role: pageLink(r), track: track, reports: markers(leadership.reports[r] ?? []))
            return theme.library.render(view, withTemplate: "org-node") ?? ""
        }
        return FragmentSplicer([markers(leadership.roots)] + nodes).splice(0)
    }

    func orgChartView() -> (PageView, String, String) {
        var view = derivedView(title: "Org chart", route: .orgChart, kind: "org-chart", summary: "Who reports to whom, as each role's page says.")
        view.orgChart = orgTree()
        return (view, "org-chart", "org-chart")
    }

    /// Processes (and any page with a `status:`) by status when the site
    /// uses statuses, else processes by owner.
    func processIndexView() -> (PageView, String, String) {
        let byTitle = index.titleOrder
        let withStatus = index.pages.indices.filter { Lifecycle.status(of: index.pages[$0]) != nil }
        guard withStatus.isEmpty else {
            var view = derivedView(
                title: "Processes by status", route: .processes, kind: "processes",
                summary: "What is proposed, what is in use, and what was replaced or retired.")
            let listed = Set(leadership.processes).union(withStatus)
            var byStatus: [PageStatus: [Int]] = [:]
            for i in listed { byStatus[Lifecycle.status(of: index.pages[i]) ?? .accepted, default: []].append(i) }
            let order: [(PageStatus, String)] = [
                (.proposed, "Proposed"), (.accepted, "In use"), (.draft, "Drafts"), (.superseded, "Superseded"), (.retired, "Retired"),
            ]
            view.groups = order.compactMap { status, title in
                guard let pages = byStatus[status] else { return nil }
                return ReportGroupView(owner: nil, title: title, pages: pages.sorted(by: byTitle).map { pageLink($0, detail: statusDetail($0)) })
            }
            return (view, "report", "processes")
        }
        var view = derivedView(title: "Processes by owner", route: .processes, kind: "processes")
        var byOwner: [Int?: [Int]] = [:]
        for p in leadership.processes { byOwner[leadership.processOwner[p], default: []].append(p) }
        let owners = byOwner.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return byTitle(x, y)
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        view.groups = owners.map { owner in
            ReportGroupView(
                owner: owner.map { pageLink($0) }, title: owner.map { index.pages[$0].title } ?? "No known owner",
                pages: (byOwner[owner] ?? []).sorted(by: byTitle).map { pageLink($0, detail: index.pages[$0].frontMatter.summary) })
        }
        return (view, "report", "processes")
    }

    /// "owned by the Tech Lead role · effective 1 Jan 2026 · replaced by X", for the status report.
    private func statusDetail(_ i: Int) -> String? {
        var parts: [String] = []
        if let owner = leadership.owners[i] { parts.append("owned by the \(index.pages[owner].title) role") }
        if let date = index.pages[i].frontMatter.effective.flatMap(CalendarDate.init) { parts.append("effective \(HistoryDates.text(date))") }
        if let next = site.lifecycle.successor[i] { parts.append("replaced by \(index.pages[next].title)") }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    func matrixView(_ ladder: Ladder, _ l: Int, track: Ladder.Track) -> (PageView, String, String) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(ladderPage.title): \(track.title)", route: .ladderTrack(ladder: l, track: track.id), kind: "matrix", near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        view.matrix = MatrixView(
            track: track.title,
            levels: track.levels.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(l, level: $0), detail: $0) },
            rows: ladder.competencies.map { competency in
                MatrixRowView(
                    competency: LinkView(title: competency.title, url: ""), description: competency.description,
                    cells: track.levels.map { TextView(text: competency.expectations[$0] ?? "") })
            })
        return (view, "matrix", ladderPage.source.displayPath)
    }

    func levelView(_ ladder: Ladder, _ l: Int, level: Ladder.Level) -> (PageView, String, String) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(level.title) (\(level.id))", route: .ladderLevel(ladder: l, level: level.id), kind: "level", summary: level.summary,
            near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        let track = ladder.track(of: level.id)
        let previous = ladder.previous(of: level.id)
        let next = track.flatMap { t in t.levels.firstIndex(of: level.id).flatMap { $0 + 1 < t.levels.count ? t.levels[$0 + 1] : nil } }
        view.level = LevelView(
            ladder: pageLink(ladder.page),
            track: track.map { LinkView(title: $0.title, url: matrixURL(l, track: $0.id)) },
            summary: level.summary,
            previous: previous.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(l, level: $0), detail: $0) },
            nextLevel: next.map { LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(l, level: $0), detail: $0) },
            equivalents: (ladder.equivalents[level.id] ?? []).map {
                LinkView(title: ladder.level($0)?.title ?? $0, url: levelURL(l, level: $0), detail: ladder.track(of: $0)?.title)
            },
            roles: leadership.roles(atLevel: level.id, ofLadder: l).map { pageLink($0) },
            competencies: ladder.competencies.map { competency in
                let text = competency.expectations[level.id] ?? ""
                let before = previous.flatMap { competency.expectations[$0] }
                let changes = WordDiff.diff(from: before, to: text)
                return LevelCompetencyView(
                    competency: LinkView(title: competency.title, url: ""), text: text, previousText: before,
                    changes: changes.map { TextView(text: $0.text, isNew: $0.isNew) })
            })
        return (view, "level", ladderPage.source.displayPath)
    }

    func sideBySideView(_ ladder: Ladder, _ l: Int) -> (PageView, String, String) {
        let ladderPage = index.pages[ladder.page]
        var view = derivedView(
            title: "\(ladderPage.title): tracks side by side", route: .sideBySide(ladder: l), kind: "tracks",
            summary: "Levels on the same row are equivalent: moving between them is a change of track, not a promotion.",
            near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        view.ladder = ladderView(ladder.page)
        return (view, "tracks", ladderPage.source.displayPath)
    }

    /// What changed between a ladder and its previous version (`previous:`):
    /// levels and competencies added or removed, and each expectation that
    /// changed, word by word.
    func ladderChangesView(_ ladder: Ladder, _ l: Int, previous p: Int) -> (PageView, String, String) {
        let ladderPage = index.pages[ladder.page]
        let old = leadership.ladders[p]
        let oldPage = index.pages[old.page]
        func named(_ page: Page) -> String { page.frontMatter.version.map { "version \($0)" } ?? "“\(page.title)”" }
        var view = derivedView(
            title: "\(ladderPage.title): what changed since \(named(oldPage))", route: .ladderChanges(ladder: l), kind: "ladder-changes",
            near: ladder.page)
        view.breadcrumbs.append(pageLink(ladder.page))
        let oldLevels = Set(old.levels.map(\.id))
        let newLevels = Set(ladder.levels.map(\.id))
        let oldCompetencies = Dictionary(old.competencies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var levels: [LevelChangesView] = []
        var changedCount = 0
        for level in ladder.levels where oldLevels.contains(level.id) {
            var competencies: [CompetencyChangeView] = []
            for competency in ladder.competencies {
                let before = oldCompetencies[competency.id]?.expectations[level.id] ?? ""
                let after = competency.expectations[level.id] ?? ""
                guard before != after else { continue }
                competencies.append(
                    CompetencyChangeView(
                        title: competency.title,
                        segments: WordDiff.compare(from: before, to: after).map { DiffSegmentView(text: $0.text, change: $0.change) }))
            }
            let oldTitle = old.level(level.id)?.title
            guard !competencies.isEmpty || oldTitle != level.title else { continue }
            changedCount += competencies.count
            levels.append(
                LevelChangesView(
                    level: LinkView(title: level.title, url: levelURL(l, level: level.id), detail: level.id),
                    formerTitle: oldTitle == level.title ? nil : oldTitle, competencies: competencies))
        }
        let effective = ladderPage.frontMatter.effective.flatMap(CalendarDate.init).map { " (effective \(HistoryDates.text($0)))" } ?? ""
        let added = ladder.levels.filter { !oldLevels.contains($0.id) }
        view.summary =
            "\(named(ladderPage).prefix(1).uppercased() + named(ladderPage).dropFirst())\(effective) against \(named(oldPage)): "
            + "\(changedCount) expectation\(changedCount == 1 ? "" : "s") changed on \(levels.count) level\(levels.count == 1 ? "" : "s")"
            + (added.isEmpty ? "" : ", \(added.count) level\(added.count == 1 ? "" : "s") added") + "."
        view.ladderChanges = LadderChangesView(
            previous: pageLink(old.page), levels: levels,
            addedLevels: added.map { LinkView(title: $0.title, url: levelURL(l, level: $0.id), detail: $0.id) },
            removedLevels: old.levels.filter { !newLevels.contains($0.id) }.map { LinkView(title: $0.title, url: levelURL(p, level: $0.id), detail: $0.id) },
            addedCompetencies: ladder.competencies.filter { oldCompetencies[$0.id] == nil }.map(\.title),
            removedCompetencies: old.competencies.filter { c in !ladder.competencies.contains { $0.id == c.id } }.map(\.title))
        return (view, "ladder-changes", ladderPage.source.displayPath)
    }

    /// Stale pages grouped by owner, owners by title, pages by due date.
    func staleReportView() -> (PageView, String, String) {
        var view = derivedView(
            title: "Pages due for review", route: .staleReport, kind: "stale-report",
            summary: "Pages whose last review is older than their review interval, as of \(reviews.today).")
        view.groups = groupByOwner(reviews.stalePages) { i in
            reviews.status[i].map { "last reviewed \($0.lastReviewed), due \($0.due)" }
        }
        return (view, "stale-report", "reports")
    }

    func unownedReportView() -> (PageView, String, String) {
        var view = derivedView(
            title: "Pages without an owner", route: .unownedReport, kind: "report",
            summary: "Every page should have an owner: a role that keeps it true, or its maintainers in CODEOWNERS.")
        let unowned = index.pages.indices.filter { leadership.owners[$0] == nil && maintainers($0).isEmpty }
        view.groups = unowned.isEmpty ? [] : [ReportGroupView(owner: nil, title: "No owner", pages: unowned.map { pageLink($0, detail: index.pages[$0].source.path) })]
        return (view, "report", "reports")
    }

    private func groupByOwner(_ pages: [Int], detail: (Int) -> String?) -> [ReportGroupView] {
        var byOwner: [Int?: [Int]] = [:]
        for i in pages { byOwner[leadership.owners[i], default: []].append(i) }
        let byTitle = index.titleOrder
        let owners = byOwner.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return byTitle(x, y)
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return owners.map { owner in
            ReportGroupView(
                owner: owner.map { pageLink($0) }, title: owner.map { index.pages[$0].title } ?? "No owner",
                pages: (byOwner[owner] ?? []).sorted { (reviews.status[$0]?.due.description ?? "", $0) < (reviews.status[$1]?.due.description ?? "", $1) }
                    .map { pageLink($0, detail: detail($0)) })
        }
    }

    /// `reports/ownership.json`: one object per page, ordered by path, for a
    /// reminder bot. Keys are sorted and there is no timestamp, so two builds
    /// with the same `--today` write the same bytes.
    func ownershipFeed() -> String {
        // One row a page, its keys in alphabetical order, written into one buffer.
        var feed: [UInt8] = []
        feed.reserveCapacity(index.pages.count * 300)
        func raw(_ s: StaticString) { feed.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func value(_ s: String?) {
            if let s { Escape.appendJSON(s, to: &feed) } else { raw("null") }
        }
        raw("[\n")
        for (i, page) in index.pages.enumerated() {
            let status = reviews.status[i]
            if i > 0 { raw(",\n") }
            raw("  {\"due\":")
            value(status?.due.description)
            raw(",\"last_reviewed\":")
            value(status?.lastReviewed.description)
            raw(",\"maintainers\":[")
            for (k, name) in maintainers(i).enumerated() {
                if k > 0 { raw(",") }
                Escape.appendJSON(name, to: &feed)
            }
            raw("],\"owner\":")
            value(leadership.owners[i].map { index.pages[$0].id })
            raw(",\"page\":")
            value(page.source.path)
            raw(status?.isStale == true ? ",\"stale\":true" : ",\"stale\":false")
            raw(",\"title\":")
            value(page.title)
            raw(",\"url\":")
            value(index.url(ofPage: i))
            raw("}")
        }
        raw("\n]\n")
        return String(decoding: feed, as: UTF8.self)
    }
}
