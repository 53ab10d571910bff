import HandbookContent
import HandbookDiagnostics

/// The leadership graph of a handbook: roles and who reports to whom,
/// processes and who is responsible, accountable, consulted and informed,
/// career ladders with their tracks, levels and competencies, and the links
/// between them (a role spans levels; a level maps to roles). Built once per
/// build from the index; every reference is checked here.
package struct LeadershipModel: Sendable {
    /// Page indices of role pages, in navigation-independent path order.
    package let roles: [Int]
    package let processes: [Int]
    /// One entry per ladder page.
    package let ladders: [Ladder]
    /// Role page → the role it reports to.
    package let manager: [Int: Int]
    /// Role page → roles reporting to it, by title.
    package let reports: [Int: [Int]]
    /// Roles with no manager (or whose manager is unknown), by title: the org chart's roots.
    package let roots: [Int]
    /// Role page → (process page, RACI letters), processes the role owns ("O") or is named in.
    package let processesByRole: [Int: [(process: Int, letters: String)]]
    /// Process page → owner role page, and the RACI rows with resolved roles.
    package let processOwner: [Int: Int]
    package let raciRows: [Int: [(letter: String, roles: [Int])]]
    /// Role page → ladder levels it spans.
    package let levelsByRole: [Int: [LevelRef]]
    /// Ladder level → roles that map to it.
    package let rolesByLevel: [LevelRef: [Int]]
    /// Page → owner role page, for any page with a known `owner`.
    package let owners: [Int: Int]
    package let diagnostics: [Diagnostic]

    /// A level of a ladder: the ladder's index in `ladders` and the level id.
    package struct LevelRef: Sendable, Hashable {
        package var ladder: Int
        package var level: String

        package init(ladder: Int, level: String) {
            self.ladder = ladder
            self.level = level
        }
    }

    package init(index: SiteIndex) {
        var diagnostics: [Diagnostic] = []
        let pages = index.pages
        func at(_ page: Int, _ located: Located<String>) -> SourceLocation {
            SourceLocation(file: pages[page].source.displayPath, line: located.line, column: located.column)
        }
        let roles = pages.indices.filter { pages[$0].kind == .role }
        let processes = pages.indices.filter { pages[$0].kind == .process }
        let roleFinder = RoleFinder(index: index, roles: roles)
        let anyUnreadable = pages.contains { $0.frontMatter.unreadable }

        // Ladders first: roles refer to their levels.
        var ladders: [Ladder] = []
        for i in pages.indices {
            guard case .ladder(let spec) = pages[i].spec else { continue }
            let (ladder, problems) = Ladder.build(page: i, spec: spec, file: pages[i].source.displayPath)
            ladders.append(ladder)
            diagnostics += problems
        }
        var levelIndex: [String: [LevelRef]] = [:]
        for (l, ladder) in ladders.enumerated() {
            for level in ladder.levels { levelIndex[level.id, default: []].append(LevelRef(ladder: l, level: level.id)) }
        }
        let trackIDs = Set(["management", "individual-contributor"] + ladders.flatMap { $0.tracks.map(\.id) })

        // Roles: reporting lines, tracks, levels.
        var manager: [Int: Int] = [:]
        var levelsByRole: [Int: [LevelRef]] = [:]
        var rolesByLevel: [LevelRef: [Int]] = [:]
        for r in roles {
            guard case .role(let spec) = pages[r].spec else { continue }
            if let track = spec.track, !trackIDs.contains(track.value) {
                diagnostics.append(
                    .error(
                        DiagnosticID.roleUnknownTrack, at: at(r, track), "unknown track '\(track.value)'",
                        note: "tracks: \(Diagnostic.names(trackIDs.sorted()))"))
            }
            if let boss = spec.reportsTo {
                switch roleFinder.find(boss.value) {
                case .found(let m) where m == r:
                    diagnostics.append(.error(DiagnosticID.orgCycle, at: at(r, boss), "role '\(pages[r].id)' reports to itself"))
                case .found(let m): manager[r] = m
                case .unreadable: break
                case .missing(let suggestions):
                    diagnostics.append(
                        .error(
                            DiagnosticID.roleUnknownReportsTo, at: at(r, boss), "reports_to names an unknown role '\(boss.value)'",
                            note: suggestions))
                }
            }
            for level in spec.levels {
                guard let refs = levelIndex[level.value], !refs.isEmpty else {
                    // The level may be in a ladder whose front matter could not be read.
                    if anyUnreadable { continue }
                    diagnostics.append(
                        .error(
                            DiagnosticID.roleUnknownLevel, at: at(r, level), "unknown ladder level '\(level.value)'",
                            note: levelIndex.isEmpty ? "this handbook has no ladder (kind: ladder)" : "levels: \(Diagnostic.names(levelIndex.keys.sorted()))"))
                    continue
                }
                for ref in refs {
                    levelsByRole[r, default: []].append(ref)
                    rolesByLevel[ref, default: []].append(r)
                }
            }
        }
        let byTitle: (Int, Int) -> Bool = { pages[$0].title.lowercased() < pages[$1].title.lowercased() }
        diagnostics += OrgChart.cycles(manager: manager, roles: roles) { pages[$0] }
        var reports: [Int: [Int]] = [:]
        for (r, m) in manager { reports[m, default: []].append(r) }
        for key in reports.keys { reports[key]?.sort(by: byTitle) }
        let roots = roles.filter { manager[$0] == nil }.sorted(by: byTitle)

        // Processes: owner and RACI.
        var processOwner: [Int: Int] = [:]
        var raciRows: [Int: [(String, [Int])]] = [:]
        var processesByRole: [Int: [(Int, String)]] = [:]
        var letters: [Int: [Int: String]] = [:]  // role → process → letters
        for p in processes {
            guard case .process(let spec) = pages[p].spec else { continue }
            if let owner = spec.owner {
                switch roleFinder.find(owner.value) {
                case .found(let r):
                    processOwner[p] = r
                    letters[r, default: [:]][p, default: ""] += "O"
                case .unreadable: break
                case .missing(let suggestions):
                    diagnostics.append(
                        .error(DiagnosticID.processUnknownOwner, at: at(p, owner), "owner names an unknown role '\(owner.value)'", note: suggestions))
                }
            }
            // An empty RACI (a fresh page from `handbook new`) is not checked yet.
            if !spec.raci.isEmpty {
                if spec.raci.accountable.count != 1 {
                    let place = spec.raci.accountable.dropFirst().first ?? spec.raci.location
                    diagnostics.append(
                        .error(
                            DiagnosticID.processRaciAccountable, at: place.map { at(p, $0) } ?? SourceLocation(file: pages[p].source.displayPath),
                            spec.raci.accountable.isEmpty
                                ? "a RACI needs exactly one accountable role, and this one has none"
                                : "a RACI needs exactly one accountable role, and this one has \(spec.raci.accountable.count)"))
                }
                var rows: [(String, [Int])] = []
                for (letter, names) in [
                    ("R", spec.raci.responsible), ("A", spec.raci.accountable), ("C", spec.raci.consulted), ("I", spec.raci.informed),
                ] {
                    var found: [Int] = []
                    for name in names {
                        switch roleFinder.find(name.value) {
                        case .found(let r):
                            found.append(r)
                            letters[r, default: [:]][p, default: ""] += letter
                        case .unreadable: break
                        case .missing(let suggestions):
                            diagnostics.append(
                                .error(DiagnosticID.processUnknownRole, at: at(p, name), "RACI names an unknown role '\(name.value)'", note: suggestions))
                        }
                    }
                    rows.append((letter, found))
                }
                raciRows[p] = rows
            }
        }
        for (r, byProcess) in letters {
            processesByRole[r] = byProcess.map { ($0.key, $0.value) }.sorted { byTitle($0.0, $1.0) }
        }

        // Owners of every page.
        var owners: [Int: Int] = [:]
        for i in pages.indices {
            guard let owner = pages[i].frontMatter.owner else { continue }
            if case .process = pages[i].spec { if let o = processOwner[i] { owners[i] = o }; continue }
            switch roleFinder.find(owner) {
            case .found(let r): owners[i] = r
            case .unreadable: break
            case .missing(let suggestions):
                let node = pages[i].frontMatter.raw?["owner"]
                diagnostics.append(
                    .warning(
                        DiagnosticID.ownerUnknown,
                        at: SourceLocation(file: pages[i].source.displayPath, line: node?.line ?? 1, column: node?.column ?? 1),
                        "owner '\(owner)' is not a role of this handbook", note: suggestions))
            }
        }

        self.roles = roles
        self.processes = processes
        self.ladders = ladders
        self.manager = manager
        self.reports = reports
        self.roots = roots
        self.processOwner = processOwner
        self.raciRows = raciRows
        self.processesByRole = processesByRole
        self.levelsByRole = levelsByRole
        self.rolesByLevel = rolesByLevel
        self.owners = owners
        self.diagnostics = diagnostics
    }

    /// What readers see for a track id: the title a ladder gives it, the
    /// two built-in tracks' names, or the id itself.
    package func trackTitle(_ id: String) -> String {
        for ladder in ladders {
            if let track = ladder.tracks.first(where: { $0.id == id }) { return track.title }
        }
        switch id {
        case "management": return "Management"
        case "individual-contributor": return "Individual contributor"
        default: return id
        }
    }

    /// The chain of managers above a role, nearest first (stops at a cycle).
    package func reportingLine(of role: Int) -> [Int] {
        var line: [Int] = []
        var seen: Set<Int> = [role]
        var current = manager[role]
        while let m = current, seen.insert(m).inserted {
            line.append(m)
            current = manager[m]
        }
        return line
    }
}

/// Finds a role by id, or by file name when ids are paths
/// (`engineering-manager` for `roles/engineering-manager`).
struct RoleFinder {
    enum Result {
        case found(Int)
        case missing(String)
        /// Named after a page whose front matter could not be read: not
        /// reported, the YAML error is the cause.
        case unreadable
    }

    let index: SiteIndex
    let roles: [Int]
    private let byStem: [String: [Int]]
    /// File names of pages whose front matter could not be read.
    private let unreadableStems: Set<String>
    private let ids: [String]
    private let names: LazyNameIndex

    init(index: SiteIndex, roles: [Int]) {
        self.index = index
        self.roles = roles
        var byStem: [String: [Int]] = [:]
        for r in roles { byStem[SiteIndex.stem(of: index.pages[r]), default: []].append(r) }
        self.byStem = byStem
        unreadableStems = Set(index.pages.filter(\.frontMatter.unreadable).map { SiteIndex.stem(of: $0) })
        let ids = roles.map { index.pages[$0].id }
        self.ids = ids
        names = LazyNameIndex { ids }
    }

    func find(_ name: String) -> Result {
        if let i = index.pageIndex(withID: name), index.pages[i].kind == .role { return .found(i) }
        if let matches = byStem[name], matches.count == 1 { return .found(matches[0]) }
        if unreadableStems.contains(name) { return .unreadable }
        let near = names.index.closest(to: name)
        if !near.isEmpty { return .missing("did you mean " + near.map { "'\($0)'" }.joined(separator: ", ") + "?") }
        return .missing(ids.isEmpty ? "this handbook has no role pages (kind: role)" : "roles: " + Diagnostic.names(ids.sorted()))
    }
}
