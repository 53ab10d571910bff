import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookRender
import HandbookSystem

/// The index, route and validate stages, with memory. One path for a full
/// build and every rebuild: `Reach` says how far the edit goes, and each
/// stage redoes only what that reach touches.
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

    /// How far an edit reaches, nearest first.
    enum Reach: Comparable {
        /// Some pages' prose: every address, lookup and link target stays;
        /// those pages' links are resolved and checked again.
        case prose
        /// Their links or headings too: backlinks and anchors move, so the
        /// pages linking to them are checked again.
        case structure
        /// Their titles, ids or front matter (no file came or went): lookups,
        /// leadership and routes are made again, the link graph patched when
        /// the routes are the same.
        case identity
        /// Files, settings, theme, templates or the date: everything anew.
        case everything
    }

    private var last: Site?

    /// The site, and the pages to render again (nil: everything may have changed).
    mutating func run(
        _ parsed: ParseStage.Result, assets: [SourceFile], configuration: Configuration, checks: SiteChecks.Options,
        lap: (String) -> Void
    ) -> (site: Site, changedPages: Set<Int>?) {
        let newKey = { Self.key(parsed, assets: assets, configuration: configuration, checks: checks) }
        let (reach, replacements) = Self.reach(of: parsed, since: last, newKey: newKey, configuration: configuration, checks: checks)
        let pages = replacements.keys.sorted()

        // index and route
        var model: SiteModel
        var affected: Set<Int> = []
        switch (reach, last) {
        case (.prose, let last?):
            model = last.model.replacing(replacements)
        case (.structure, let last?):
            (model, affected) = last.model.replacing(structureOf: replacements)
        default:
            let kept = reach == .identity ? last?.model : nil
            let index = kept.flatMap { $0.index.replacing(identityOf: replacements) }
                ?? SiteIndex(pages: parsed.entries.map(\.page), assets: assets, settings: configuration.indexSettings)
            let (leadership, reviews) = concurrently(
                { LeadershipModel(index: index) },
                { ReviewSchedule(index: index, today: configuration.today, defaultInterval: configuration.config.reviewEvery) })
            lap("index")
            let routes = RouteTable(
                index: index, leadership: leadership, inputs: .init(
                    themeAssets: Array(configuration.theme.assets.keys),
                    readsHistory: configuration.pendingHistory != nil && configuration.config.changeWeeks > 0))
            let graph =
                if let kept, index.pages.count == kept.index.pages.count, routes.routes == kept.routes.routes {
                    kept.graph.updating(identityOf: pages, index: index, routes: routes)
                } else {
                    LinkGraph(index: index, routes: routes)
                }
            model = SiteModel(index: index, leadership: leadership, reviews: reviews, routes: routes, graph: graph)
            lap("route")
        }

        // validate: the pages whose links may have changed, and the site's rules unless only prose changed
        var site: Site
        if reach <= .structure, var kept = last {
            kept.model = model
            kept.renderer = kept.renderer.updating(site: model)
            var recheck = Set(pages)
            if reach == .structure {
                kept.key = newKey()
                // Links into the changed pages may now miss an anchor, or find one.
                for i in pages { recheck.formUnion(model.graph.backlinks[i].map(\.source)) }
                kept.siteDiagnostics = SiteChecks.siteChecks(model, options: checks)
            }
            for i in recheck { kept.pageDiagnostics[i] = SiteChecks.pageChecks(model, pages: [i]) }
            site = kept
            lap("index")
        } else {
            let model = model
            site = Site(
                key: newKey(), model: model, renderer: SiteRenderer(site: model, theme: configuration.theme, config: configuration.config, codeOwners: configuration.codeOwners,
                    history: configuration.history),
                siteDiagnostics: SiteChecks.siteChecks(model, options: checks),
                pageDiagnostics: parallelMap(Array(model.index.pages.indices)) { SiteChecks.pageChecks(model, pages: [$0]) })
            lap("validate")
            releaseInBackground(last.take())
        }
        last = site
        // A page that includes a changed page shows its new text too.
        let changed = affected.union(pages)
        return (site, reach <= .structure ? changed.union(model.includers(of: changed)) : nil)
    }

    /// How far the parse's changes reach since the last run, and the pages
    /// parsed anew by their index (empty for `.everything`).
    private static func reach(
        of parsed: ParseStage.Result, since last: Site?, newKey: () -> SiteKey, configuration: Configuration, checks: SiteChecks.Options
    ) -> (Reach, [Int: Page]) {
        guard let last, let replacements = replacements(parsed, in: last.model.index) else { return (.everything, [:]) }
        let sameSettings =
            parsed.patched && last.key.settings == configuration.key && last.key.theme == configuration.theme.fingerprint
            && last.key.today == configuration.today && last.key.checks == checks
        if sameSettings, !parsed.metadataChanged { return (.prose, replacements) }
        if sameSettings, !parsed.identityChanged { return (.structure, replacements) }
        // A rescan that found the same pages, settings and files.
        if newKey() == last.key { return (.prose, replacements) }
        return sameSettings ? (.identity, replacements) : (.everything, [:])
    }

    /// The pages of a patched parse that were parsed anew, by their index in
    /// `index`; nil when one of them is not there (it was a draft, or new).
    private static func replacements(_ parsed: ParseStage.Result, in index: SiteIndex) -> [Int: Page]? {
        var replacements: [Int: Page] = [:]
        for entry in parsed.fresh {
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
