import HandbookContent
import HandbookDiagnostics

/// Reporting-line checks: a cycle in `reports_to` is an error that names
/// every role in it, once per cycle.
enum OrgChart {
    static func cycles(manager: [Int: Int], roles: [Int], page: (Int) -> Page) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: Set<Int> = []
        for start in roles {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current: Int? = start
            while let r = current, !reported.contains(r) {
                if let k = position[r] {
                    let cycle = Array(path[k...])
                    reported.formUnion(cycle)
                    let first = cycle.min { page($0).source.path < page($1).source.path }!
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
