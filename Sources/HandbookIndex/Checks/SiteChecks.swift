import HandbookDiagnostics

/// All the checks the index runs, in one place, each a small rule of its own.
package enum SiteChecks {
    package static func run(_ index: SiteIndex, _ graph: LinkGraph) -> [Diagnostic] {
        index.diagnostics + LinkTargetCheck.check(index, graph) + AnchorCheck.check(index, graph)
            + OrphanCheck.check(index, graph)
    }

    /// Checks that depend on metadata only (links between pages, not their positions).
    package static func orphans(_ index: SiteIndex, _ graph: LinkGraph) -> [Diagnostic] {
        OrphanCheck.check(index, graph)
    }

    /// The checks of some pages' own links (the preview server re-checks only
    /// the pages whose text changed when no page's metadata did).
    package static func links(of pages: [Int], _ index: SiteIndex, _ graph: LinkGraph) -> [Diagnostic] {
        LinkTargetCheck.check(index, graph, pages: pages) + AnchorCheck.check(index, graph, pages: pages)
    }
}
