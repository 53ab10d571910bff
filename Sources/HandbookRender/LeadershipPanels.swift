import HandbookContent
import HandbookIndex

/// The panels on role, process and ladder pages, and the links between
/// roles, processes and ladder levels that they show.
extension SiteRenderer {
    func pageLink(_ i: Int, detail: String? = nil) -> LinkView {
        LinkView(title: index.pages[i].title, url: index.url(ofPage: i), detail: detail)
    }

    func matrixURL(_ l: Int, track: String) -> String { site.url(.ladderTrack(ladder: l, track: track)) }
    func levelURL(_ l: Int, level: String) -> String { site.url(.ladderLevel(ladder: l, level: level)) }

    func levelLink(_ ref: LeadershipModel.LevelRef) -> LinkView {
        let ladder = leadership.ladders[ref.ladder]
        return LinkView(title: ladder.level(ref.level)?.title ?? ref.level, url: levelURL(ref.ladder, level: ref.level), detail: ref.level)
    }

    func roleView(_ r: Int) -> RoleView? {
        guard case .role(let spec) = index.pages[r].spec else { return nil }
        return RoleView(
            track: spec.track.map { leadership.trackTitle($0.value) }, responsibilities: spec.responsibilities,
            reportingLine: leadership.reportingLine(of: r).map { pageLink($0) },
            directReports: (leadership.reports[r] ?? []).map { pageLink($0) },
            levels: (leadership.levelsByRole[r] ?? []).map { levelLink($0) },
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
        guard let l = leadership.ladders.firstIndex(where: { $0.page == page }) else { return nil }
        let ladder = leadership.ladders[l]
        return LadderView(
            tracks: ladder.tracks.map { LinkView(title: $0.title, url: matrixURL(l, track: $0.id), detail: "\($0.levels.count) levels") },
            sideBySide: LinkView(title: "Tracks side by side", url: site.url(.sideBySide(ladder: l))),
            rows: sideBySideRows(ladder, l), trackTitles: ladder.tracks.map(\.title))
    }

    /// Rows of levels across tracks: a level shares a row with its equivalents;
    /// other levels keep their order on their track.
    func sideBySideRows(_ ladder: Ladder, _ l: Int) -> [[LinkView]] {
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
                    title: ladder.level(id)?.title ?? id, url: levelURL(l, level: id),
                    detail: equivalents.isEmpty ? id : "\(id) ≈ \(equivalents)")
            }
        }
    }

    /// The people or teams CODEOWNERS gives a page's file.
    func maintainers(_ page: Int) -> [String] {
        codeOwners?.owners(of: index.pages[page].source.displayPath)?.owners ?? []
    }

    func ownershipView(_ page: Int) -> OwnershipView? {
        let view = OwnershipView(owner: leadership.owners[page].map { link(toPage: $0) }, maintainers: maintainers(page))
        return view.owner == nil && view.maintainers.isEmpty ? nil : view
    }

    /// The page's status and versions, for its banner and footer; nil for a
    /// page in use that has neither versions nor pages it replaces.
    func lifecycleView(_ page: Int) -> LifecycleView? {
        let lifecycle = site.lifecycle
        let frontMatter = index.pages[page].frontMatter
        let effective = frontMatter.effective.flatMap(CalendarDate.init)
        let ladder = leadership.ladders.firstIndex { $0.page == page }
        let view = LifecycleView(
            status: Lifecycle.status(of: index.pages[page]), effective: effective.map(HistoryDates.text),
            effectiveDatetime: effective?.description, isPending: effective.map { $0 > reviews.today } ?? false,
            successor: lifecycle.successor[page].map { link(toPage: $0) }, predecessors: (lifecycle.predecessors[page] ?? []).map { link(toPage: $0) },
            version: frontMatter.version, previousVersion: lifecycle.previousVersion[page].map { link(toPage: $0) },
            nextVersion: lifecycle.nextVersion[page].map { link(toPage: $0) },
            changesURL: ladder.flatMap { l in site.routes.route(.ladderChanges(ladder: l)).map { index.url(of: $0) } })
        let plain = view.status == nil && view.predecessors.isEmpty && view.version == nil && view.previousVersion == nil && view.nextVersion == nil
        return plain && effective == nil ? nil : view
    }

    func reviewView(_ page: Int) -> ReviewView? {
        guard let status = reviews.status[page] else { return nil }
        return ReviewView(lastReviewed: status.lastReviewed.description, due: status.due.description, isStale: status.isStale)
    }

    /// Level pages are searchable too: by id, title, track and expectations.
    func levelSearchDocument(_ ladder: Ladder, _ l: Int, level: Ladder.Level) -> SearchIndex.Document {
        SearchIndex.Document(
            title: "\(level.title) (\(level.id))", url: levelURL(l, level: level.id), kind: "level", tags: [],
            headings: ladder.competencies.map(\.title),
            fields: [level.id, ladder.track(of: level.id)?.title ?? ""].filter { !$0.isEmpty },
            text: ([level.summary ?? ""] + ladder.competencies.compactMap { $0.expectations[level.id] }).joined(separator: " "),
            track: ladder.track(of: level.id)?.title)
    }
}
