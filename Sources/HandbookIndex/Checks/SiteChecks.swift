import HandbookDiagnostics

/// All the checks the index runs, in one place, each a small rule of its own.
package enum SiteChecks {
    package static func run(_ index: SiteIndex, _ graph: LinkGraph) -> [Diagnostic] {
        index.diagnostics + LinkTargetCheck.check(index, graph) + AnchorCheck.check(index, graph)
    }
}
