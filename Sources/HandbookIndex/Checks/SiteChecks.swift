import HandbookDiagnostics

/// The checks a build runs, listed once. Each rule lives in a file of its own
/// under `Checks/`, with its identifiers in `DiagnosticID`.
package enum SiteChecks {
    /// Rules over one page's own links. They depend on the page's text, so
    /// the preview server re-runs them for the pages whose text changed.
    static let pageRules: [@Sendable (SiteModel, Int) -> [Diagnostic]] = [
        LinkTargetCheck.check,
        AnchorCheck.check,
        StatusLinkCheck.check,
    ]

    /// Rules over the site's metadata (addresses, ids, the leadership model,
    /// who links to whom), re-run when any of it changes.
    static let siteRules: [@Sendable (SiteModel, Options) -> [Diagnostic]] = [
        { site, _ in site.index.diagnostics },
        { site, _ in site.routes.diagnostics },
        { site, _ in leadershipChecks(site.index, site.leadership) },
        { site, _ in OrphanCheck.check(site) },
        { site, _ in site.lifecycle.diagnostics },
        { site, _ in IncludeCheck.check(site) },
        { site, options in options.overdueReviews ? ReviewCheck.check(site) : [] },
    ]

    /// Rules over the leadership model: ladders, roles, processes, reporting lines.
    static let leadershipRules: [@Sendable (SiteIndex, LeadershipModel) -> [Diagnostic]] = [
        LadderCheck.check,
        RoleLevelCheck.check,
        RoleReferenceCheck.check,
        RACICheck.check,
        OrgCycleCheck.check,
    ]

    static func leadershipChecks(_ index: SiteIndex, _ leadership: LeadershipModel) -> [Diagnostic] {
        leadershipRules.flatMap { $0(index, leadership) }
    }

    package struct Options: Sendable, Hashable {
        /// `check --stale`: pages past their review date are warnings.
        package var overdueReviews = false

        package init(overdueReviews: Bool = false) { self.overdueReviews = overdueReviews }
    }

    /// Every check.
    package static func run(_ site: SiteModel, options: Options = Options()) -> [Diagnostic] {
        siteChecks(site, options: options) + pageChecks(site, pages: Array(site.index.pages.indices))
    }

    package static func siteChecks(_ site: SiteModel, options: Options) -> [Diagnostic] {
        siteRules.flatMap { $0(site, options) }
    }

    package static func pageChecks(_ site: SiteModel, pages: [Int]) -> [Diagnostic] {
        pages.flatMap { page in pageRules.flatMap { $0(site, page) } }
    }
}

extension SiteModel {
    /// A page rule's walk over one page's links: what `diagnose` says of each
    /// link (given where it is written), nil for a link that is fine.
    func linkDiagnostics(page p: Int, _ diagnose: (LinkGraph.Entry, SourceLocation) -> Diagnostic?) -> [Diagnostic] {
        let file = index.pages[p].source.displayPath
        return graph.entries[p].compactMap { entry in
            diagnose(entry, SourceLocation(file: file, line: entry.link.line, column: entry.link.column))
        }
    }
}
