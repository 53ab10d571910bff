import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookRender
import HandbookSystem

/// The index, route and validate stages, with memory: when no page's
/// metadata, no setting, template or file changed (a prose edit), the last
/// site is kept and only the changed pages' links are resolved and checked
/// again.
struct IndexStage {
    /// What the three stages produced.
    struct Site: Sendable {
        var key: SiteKey
        var model: SiteModel
        var renderer: SiteRenderer
        /// Diagnostics of the site's metadata (addresses, ids, leadership, orphans).
        var siteDiagnostics: [Diagnostic]
        /// Each page's link diagnostics, by page index.
        var pageDiagnostics: [[Diagnostic]]

        var diagnostics: [Diagnostic] { siteDiagnostics + pageDiagnostics.flatMap { $0 } }
    }

    private var last: Site?

    /// The site, and the pages whose text changed when the site was kept (nil:
    /// the site was built anew and everything may have changed).
    mutating func run(
        _ parsed: ParseStage.Result, assets: [SourceFile], configuration: Configuration, checks: SiteChecks.Options,
        lap: (String) -> Void
    ) -> (site: Site, changedPages: Set<Int>?) {
        let sameSettings = { (site: Site) in
            parsed.patched && site.key.settings == configuration.key && site.key.theme == configuration.theme.fingerprint
                && site.key.today == configuration.today && site.key.checks == checks
        }
        // Only links or headings changed: the site is kept and patched around them.
        if var site = last, sameSettings(site), parsed.metadataChanged, !parsed.identityChanged,
            let replacements = Self.replacements(parsed, in: site.model.index)
        {
            let (model, affected) = site.model.replacing(structureOf: replacements)
            site.model = model
            site.renderer = site.renderer.updating(site: model)
            site.key = Self.key(parsed, assets: assets, configuration: configuration, checks: checks)
            // Links into the changed pages may now miss an anchor, or find one.
            var recheck = Set(replacements.keys)
            for i in replacements.keys { recheck.formUnion(model.graph.backlinks[i].map(\.source)) }
            for i in recheck { site.pageDiagnostics[i] = SiteChecks.pageChecks(model, pages: [i]) }
            site.siteDiagnostics = SiteChecks.siteChecks(model, options: checks)
            lap("index")
            last = site
            return (site, affected.union(replacements.keys))
        }
        // No page's metadata changed (a patched parse says so without comparing
        // every page's key): the site is kept, the changed pages' links resolved again.
        var fullKey: SiteKey?
        if let site = last, !(sameSettings(site) && !parsed.metadataChanged) {
            fullKey = Self.key(parsed, assets: assets, configuration: configuration, checks: checks)
        }
        if var site = last, fullKey == nil || site.key == fullKey, let replacements = Self.replacements(parsed, in: site.model.index) {
            site.model = site.model.replacing(replacements)
            site.renderer = site.renderer.updating(site: site.model)
            for i in replacements.keys { site.pageDiagnostics[i] = SiteChecks.pageChecks(site.model, pages: [i]) }
            lap("index")
            last = site
            return (site, Set(replacements.keys))
        }

        let key = fullKey ?? Self.key(parsed, assets: assets, configuration: configuration, checks: checks)
        // Titles or front matter changed but no address: the last index and
        // link graph are patched rather than made anew.
        let kept = last.flatMap { site in
            sameSettings(site) ? Self.replacements(parsed, in: site.model.index).map { (site.model, $0) } : nil
        }
        // index
        let index = kept.flatMap { $0.0.index.replacing(identityOf: $0.1) }
            ?? SiteIndex(pages: parsed.entries.map(\.page), assets: assets, settings: configuration.indexSettings)
        let leadership = LeadershipModel(index: index)
        let reviews = ReviewSchedule(index: index, today: configuration.today, defaultInterval: configuration.config.reviewEvery)
        lap("index")
        // route
        let routes = RouteTable(
            index: index, leadership: leadership, inputs: .init(themeAssets: Array(configuration.theme.assets.keys)))
        let graph: LinkGraph
        if let (model, replacements) = kept, index.pages.count == model.index.pages.count, routes.routes == model.routes.routes {
            graph = model.graph.updating(identityOf: replacements.keys.sorted(), index: index, routes: routes)
        } else {
            graph = LinkGraph(index: index, routes: routes)
        }
        let model = SiteModel(index: index, leadership: leadership, reviews: reviews, routes: routes, graph: graph)
        lap("route")
        // validate
        let pageDiagnostics = parallelMap(Array(index.pages.indices)) { SiteChecks.pageChecks(model, pages: [$0]) }
        let site = Site(
            key: key, model: model, renderer: SiteRenderer(site: model, theme: configuration.theme, config: configuration.config),
            siteDiagnostics: SiteChecks.siteChecks(model, options: checks), pageDiagnostics: pageDiagnostics)
        lap("validate")
        releaseInBackground(last.take())
        last = site
        return (site, nil)
    }

    /// The pages of a patched parse that were parsed anew, by their index in
    /// `index`; nil when one of them is not there (it was a draft, or new).
    private static func replacements(_ parsed: ParseStage.Result, in index: SiteIndex) -> [Int: Page]? {
        var replacements: [Int: Page] = [:]
        guard !parsed.fresh.isEmpty else { return replacements }
        for entry in parsed.entries where parsed.fresh.contains(entry.key.source.path) {
            guard let i = index.pageIndex(atSource: entry.key.source.path) else { return nil }
            replacements[i] = entry.page
        }
        return replacements
    }

    static func key(_ parsed: ParseStage.Result, assets: [SourceFile], configuration: Configuration, checks: SiteChecks.Options) -> SiteKey {
        SiteKey(
            settings: configuration.key, theme: configuration.theme.fingerprint, today: configuration.today, checks: checks,
            assets: assets.map(\.path), pages: parsed.entries.map(\.metadata))
    }
}
