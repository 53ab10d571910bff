import HandbookContent
import HandbookDiagnostics

/// Reporting lines that go round (`org.cycle`): one error per cycle, naming
/// every role in it. (A role reporting to itself is `RoleReferenceCheck`'s.)
enum OrgCycleCheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        func page(_ i: Int) -> Page { index.pages[i] }
        return Chains.cycles(leadership.manager, from: leadership.roles).map { cycle in
            let first = cycle.min { page($0).source.path < page($1).source.path } ?? cycle[0]
            let names = cycle.map { page($0).id } + [page(cycle[0]).id]
            return .error(
                DiagnosticID.orgCycle, at: SourceLocation(file: page(first).source.displayPath),
                "reporting lines form a cycle: \(names.joined(separator: " → "))",
                note: "every role in the cycle: \(Diagnostic.names(cycle.map { page($0).source.displayPath }.sorted()))")
        }
    }
}
