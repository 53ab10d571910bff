import HandbookContent
import HandbookDiagnostics

/// The leadership graph of a handbook: roles and who reports to whom,
/// processes and who is responsible, accountable, consulted and informed,
/// career ladders with their tracks, levels and competencies, and the links
/// between them (a role spans levels; a level maps to roles). Built once per
/// build from the index. What cannot be resolved is left out and kept in
/// `unresolved`; the rules under `Checks/` report it.
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
    /// Names in front matter that should name a role and do not.
    package let unresolved: [RoleMention]
    /// Statuses, versions and what replaces what.
    package let lifecycle: Lifecycle

    /// A front-matter name meant to name a role.
    package struct RoleMention: Sendable {
        package enum Field: Sendable { case reportsTo, processOwner, raci, pageOwner }
        package var page: Int
        package var field: Field
        package var name: Located<String>
        /// Why nothing was found: the role itself (`reports_to` naming its own
        /// page), or what the name may have meant.
        package enum Problem: Sendable {
            case itself
            case missing(suggestions: String)
        }
        package var problem: Problem
    }

    /// A level of a ladder: the ladder's index in `ladders` and the level id.
    package struct LevelRef: Sendable, Hashable {
        package var ladder: Int
        package var level: String
    }

    /// The roles at a level of the ladder `ladders[ladder]`.
    package func roles(atLevel level: String, ofLadder ladder: Int) -> [Int] {
        rolesByLevel[LevelRef(ladder: ladder, level: level)] ?? []
    }

    package init(index: SiteIndex) {
        var unresolved: [RoleMention] = []
        let pages = index.pages
        let roles = pages.indices.filter { pages[$0].kind == .role }
        let processes = pages.indices.filter { pages[$0].kind == .process }
        let roleFinder = RoleFinder(index: index, roles: roles)
        /// The role a name finds, else nothing, with the miss kept for the checks.
        func resolve(_ name: Located<String>, on page: Int, as field: RoleMention.Field) -> Int? {
            switch roleFinder.find(name.value) {
            case .found(let r): return r
            case .unreadable: return nil
            case .missing(let suggestions):
                unresolved.append(RoleMention(page: page, field: field, name: name, problem: .missing(suggestions: suggestions)))
                return nil
            }
        }

        // Ladders first: roles refer to their levels.
        var ladders: [Ladder] = []
        for i in pages.indices {
            guard case .ladder(let spec) = pages[i].spec else { continue }
            ladders.append(Ladder.build(page: i, spec: spec))
        }
        var levelIndex: [String: [LevelRef]] = [:]
        for (l, ladder) in ladders.enumerated() {
            for level in ladder.levels { levelIndex[level.id, default: []].append(LevelRef(ladder: l, level: level.id)) }
        }

        // Roles: reporting lines and levels.
        var manager: [Int: Int] = [:]
        var levelsByRole: [Int: [LevelRef]] = [:]
        var rolesByLevel: [LevelRef: [Int]] = [:]
        for r in roles {
            guard case .role(let spec) = pages[r].spec else { continue }
            if let boss = spec.reportsTo, let m = resolve(boss, on: r, as: .reportsTo) {
                if m == r {
                    unresolved.append(RoleMention(page: r, field: .reportsTo, name: boss, problem: .itself))
                } else {
                    manager[r] = m
                }
            }
            for level in spec.levels {
                for ref in levelIndex[level.value] ?? [] {
                    levelsByRole[r, default: []].append(ref)
                    rolesByLevel[ref, default: []].append(r)
                }
            }
        }
        let byTitle = index.titleOrder
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
            if let owner = spec.owner, let r = resolve(owner, on: p, as: .processOwner) {
                processOwner[p] = r
                letters[r, default: [:]][p, default: ""] += "O"
            }
            // An empty RACI (a fresh page from `handbook new`) is not resolved yet.
            guard !spec.raci.isEmpty else { continue }
            raciRows[p] = [
                ("R", spec.raci.responsible), ("A", spec.raci.accountable), ("C", spec.raci.consulted), ("I", spec.raci.informed),
            ].map { letter, names in
                let found = names.compactMap { resolve($0, on: p, as: .raci) }
                for r in found { letters[r, default: [:]][p, default: ""] += letter }
                return (letter, found)
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
            let node = pages[i].frontMatter.raw?["owner"]
            owners[i] = resolve(Located(owner, line: node?.line ?? 1, column: node?.column ?? 1), on: i, as: .pageOwner)
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
        self.unresolved = unresolved
        self.lifecycle = Lifecycle(index: index)
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

    /// The ladder (by index in `ladders`) that `previous:` of ladder `l`'s page names, when it is a ladder.
    package func previousLadder(of l: Int) -> Int? {
        guard ladders.indices.contains(l), let page = lifecycle.previousVersion[ladders[l].page] else { return nil }
        return ladders.firstIndex { $0.page == page }
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
