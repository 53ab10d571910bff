import HandbookDiagnostics
import HandbookIndex
import HandbookRender
import HandbookSystem

/// The render stage: every route's output, in parallel. A route whose render
/// key (its view, its body's source and link rewrites, the theme and the
/// settings) is unchanged keeps its last output; when the site was kept and
/// only some pages' text changed, only those pages and the search index are
/// looked at, and the search index is patched. Rendered files go to the sink
/// as they are made (a build streams them into its staging folder); a
/// session that retains output keeps them for the preview server.
struct RenderStage {
    struct Entry: Sendable {
        var key: RenderKey?
        var diagnostics: [Diagnostic]
        /// The route's terms in the search index.
        var search: SearchIndex.Entry?
    }

    /// Output path → the route's last render.
    private var cache: [String: Entry] = [:]
    /// Output path → what is served (when retaining).
    private var contents: [String: OutputFile.Contents] = [:]
    /// The search index's files written last (paths below the output folder).
    private var searchFiles: Set<String> = []
    /// The routes that have a search entry.
    private var searchPaths: Set<String> = []
    /// The search index as last written, kept to patch it.
    private var searchIndex: SearchIndex.Builder?
    private let terms = TermTable()
    /// Keep rendered text (the preview server and tests read it).
    let retains: Bool

    init(retains: Bool) { self.retains = retains }

    struct Result {
        var site: RenderedSite
        var diagnostics: [Diagnostic]
        /// Markdown pages rendered by this run.
        var renderedPages: Int
        /// HTML pages of the site: Markdown pages and generated section pages.
        var htmlPages: Int
    }

    mutating func run(
        _ site: IndexStage.Site, changedPages: Set<Int>?, configuration: Configuration, sink: (any OutputSink)?,
        progress: BuildProgress? = nil
    ) -> Result {
        let routes = site.model.routes.routes
        let candidates = changedPages.map { $0.compactMap { site.model.routes.index(of: .page($0)) } } ?? Array(routes.indices)
        let previous = cache
        let retains = self.retains
        let renderer = site.renderer
        let terms = self.terms
        // Routes that list the whole site are started first: each is one long
        // job, and one started last would keep a core busy after the others end.
        let order = candidates.indices.filter { Self.listsWholeSite(routes[candidates[$0]].kind) }
            + candidates.indices.filter { !Self.listsWholeSite(routes[candidates[$0]].kind) }
        let started = parallelMap(order.map { candidates[$0] }) { r -> (entry: Entry?, contents: OutputFile.Contents?, failure: String?) in
            progress?.step()
            let route = routes[r]
            switch route.kind {
            case .themeAsset(let name):
                switch configuration.theme.assets[name] {
                case .text(let text):
                    return (nil, .text(text), sink?.write(text, to: route.outputPath))
                case .file(let source):
                    return (nil, .copy(from: source), sink?.copy(source, to: route.outputPath))
                case nil:
                    return (nil, nil, nil)
                }
            case .contentAsset(let path):
                let source = site.model.index.assetFile(atPath: path)?.absolutePath ?? ""
                return (nil, .copy(from: source), sink?.copy(source, to: route.outputPath))
            case .searchIndex:
                return (nil, nil, nil)
            default:
                break
            }
            guard let job = renderer.job(for: route) else { return (nil, nil, nil) }
            let key = retains ? RenderKey(job, configuration: configuration) : nil
            if let key, let cached = previous[route.outputPath], cached.key == key { return (nil, nil, nil) }
            let output = renderer.render(job)
            let entry = Entry(key: key, diagnostics: output.diagnostics, search: output.search.map { SearchIndex.entry($0, terms: terms) })
            // Kept at their size: a render's buffer has room to spare, which the server would hold for every page.
            let kept: OutputFile.Contents? = retains ? .bytes(output.bytes.withUnsafeBufferPointer { Array($0) }) : nil
            return (entry, kept, sink?.write(output.bytes, to: route.outputPath))
        }
        // Nothing of an earlier run to drop or to compare with.
        let firstRun = cache.isEmpty && contents.isEmpty && searchFiles.isEmpty
        // Where each candidate's result is in `started`.
        var position = [Int](repeating: 0, count: order.count)
        for (k, i) in order.enumerated() { position[i] = k }
        if changedPages == nil {
            cache.reserveCapacity(routes.count)
            searchPaths.reserveCapacity(routes.count)
        }
        var renderedPages = 0
        var failures: [Diagnostic] = []
        // The search entries of pages whose entry changed; nil when one was dropped (the index is rebuilt).
        var searchChanges: [SearchIndex.Entry]? = []
        var searchChanged = changedPages == nil
        for (k, r) in candidates.enumerated() {
            let route = routes[r]
            let (entry, contents, failure) = started[position[k]]
            if let entry {
                if cache[route.outputPath]?.search != entry.search {
                    searchChanged = true
                    if let search = entry.search { searchChanges?.append(search) } else { searchChanges = nil }
                }
                cache[route.outputPath] = entry
                if entry.search != nil { searchPaths.insert(route.outputPath) } else { searchPaths.remove(route.outputPath) }
                if case .page = route.kind { renderedPages += 1 }
            }
            if retains, let contents { self.contents[route.outputPath] = contents }
            if let failure { failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(route.outputPath): \(failure)")) }
        }
        // What a full run no longer has is dropped.
        if changedPages == nil, !firstRun {
            let present = Set(routes.map(\.outputPath)).union(searchFiles)
            cache = cache.filter { present.contains($0.key) }
            searchPaths.formIntersection(present)
            contents = contents.filter { present.contains($0.key) }
        }
        if site.model.routes.route(.searchIndex) != nil, searchChanged {
            failures += writeSearchIndex(site, routes: routes, changes: searchChanges, configuration: configuration, sink: sink)
        }

        var diagnostics = failures
        var htmlPages = 0
        for route in routes {
            switch route.kind {
            case .page, .section: htmlPages += 1
            default: break
            }
            if let entry = cache[route.outputPath], !entry.diagnostics.isEmpty { diagnostics += entry.diagnostics }
        }
        let shards = searchFiles.subtracting([RoutePaths.searchIndex]).sorted()
        let served = RenderedSite(paths: retains ? routes.map(\.outputPath) + shards : [], contents: retains ? contents : [:])
        return Result(site: served, diagnostics: diagnostics, renderedPages: renderedPages, htmlPages: htmlPages)
    }

    /// Whether a route's page lists or summarises every page (reports,
    /// feeds, indexes): a long job of its own.
    private static func listsWholeSite(_ kind: Route.Kind) -> Bool {
        switch kind {
        case .tags, .ladderTrack, .sideBySide, .ladderChanges, .orgChart, .processes, .staleReport, .unownedReport, .ownershipFeed,
            .changes, .changesFeed, .sitemap:
            true
        case .page, .section, .alias, .tag, .ladderLevel, .notFound, .robots, .searchIndex, .themeAsset, .contentAsset:
            false
        }
    }

    /// The search index's files: patched from the pages whose terms changed
    /// when it can be, else made from every route's terms. Files the previous
    /// index had and this one has not are dropped from what is served (a
    /// build's staging folder never had them).
    private mutating func writeSearchIndex(
        _ site: IndexStage.Site, routes: [Route], changes: [SearchIndex.Entry]?, configuration: Configuration, sink: (any OutputSink)?
    ) -> [Diagnostic] {
        var written: [(path: String, text: String)]
        var removed: [String] = []
        // Taken out of `self` so that patching it does not copy it.
        var kept = searchIndex
        searchIndex = nil
        if let changes,
            let patch = kept?.update(changes, count: searchPaths.count, synonyms: configuration.config.synonyms, basePath: site.model.index.basePath)
        {
            (written, removed) = patch
            searchIndex = kept
        } else {
            var builder = SearchIndex.Builder(terms: terms, synonyms: configuration.config.synonyms, basePath: site.model.index.basePath)
            written = builder.rebuild(routes.compactMap { cache[$0.outputPath]?.search })
            searchIndex = builder
            let fresh = Set(written.map { RoutePaths.searchFolder + $0.path })
            removed = searchFiles.subtracting(fresh).map { String($0.dropFirst(RoutePaths.searchFolder.count)) }
        }
        var failures: [Diagnostic] = []
        let writes = parallelMap(written) { file in sink?.write(file.text, to: RoutePaths.searchFolder + file.path) }
        for (file, failure) in zip(written, writes) {
            let path = RoutePaths.searchFolder + file.path
            if let failure { failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(path): \(failure)")) }
            if retains { contents[path] = .text(file.text) }
            searchFiles.insert(path)
        }
        for file in removed {
            let path = RoutePaths.searchFolder + file
            contents[path] = nil
            searchFiles.remove(path)
        }
        return failures
    }
}
