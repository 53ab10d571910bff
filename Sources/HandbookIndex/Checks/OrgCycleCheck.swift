import HandbookContent
import HandbookDiagnostics

/// Reporting lines that go round (`org.cycle`): one error per cycle, naming
/// every role in it. (A role reporting to itself is `RoleReferenceCheck`'s.)
enum OrgCycleCheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        let manager = leadership.manager
        func page(_ i: Int) -> Page { index.pages[i] }
        var diagnostics: [Diagnostic] = []
        var reported: Set<Int> = []
        for start in leadership.roles {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current: Int? = start
            while let r = current, !reported.contains(r) {
                if let k = position[r] {
                    let cycle = Array(path[k...])
                    reported.formUnion(cycle)
                    let first = cycle.min { page($0).source.path < page($1).source.path } ?? r
                    let names = cycle.map { page($0).id } + [page(cycle[0]).id]
                    diagnostics.append(
                        .error(
                            DiagnosticID.orgCycle, at: SourceLocation(file: page(first).source.displayPath),
                            "reporting lines form a cycle: \(names.joined(separator: " → "))",
                            note: "every role in the cycle: \(Diagnostic.names(cycle.map { page($0).source.displayPath }.sorted()))"))
                    break
                }
                position[r] = path.count
                path.append(r)
                current = manager[r]
            }
            reported.formUnion(path)
        }
        return diagnostics
    }
}
