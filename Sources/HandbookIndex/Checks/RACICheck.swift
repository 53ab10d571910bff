import HandbookContent
import HandbookDiagnostics

/// A process's RACI without exactly one accountable role
/// (`process.raci-accountable`). An empty RACI (a fresh page from
/// `handbook new`) is not checked yet.
enum RACICheck {
    static func check(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        leadership.processes.compactMap { p in
            let page = index.pages[p]
            guard case .process(let spec) = page.spec, !spec.raci.isEmpty, spec.raci.accountable.count != 1 else { return nil }
            let file = page.source.displayPath
            let place = spec.raci.accountable.dropFirst().first ?? spec.raci.location
            return .error(
                DiagnosticID.processRaciAccountable,
                at: place.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file),
                spec.raci.accountable.isEmpty
                    ? "a RACI needs exactly one accountable role, and this one has none"
                    : "a RACI needs exactly one accountable role, and this one has \(spec.raci.accountable.count)")
        }
    }
}
