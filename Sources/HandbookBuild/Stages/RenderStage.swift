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
        /// The route's search entry, encoded.
        var searchJSON: String?
    }

    /// Output path → the route's last render.
    private var cache: [String: Entry] = [:]
    /// Output path → what is served (when retaining).
    private var contents: [String: OutputFile.Contents] = [:]
    /// The search index's documents in URL order, and where each route's is.
    private var search: [(url: String, json: String)] = []
    private var searchPosition: [String: Int] = [:]
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
        let made = parallelMap(candidates) { r -> (entry: Entry?, contents: OutputFile.Contents?, failure: String?) in
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
            let entry = Entry(key: key, diagnostics: output.diagnostics, searchJSON: output.search.map(SearchIndex.encode))
            return (entry, retains ? .text(output.text) : nil, sink?.write(output.text, to: route.outputPath))
        }
        var renderedPages = 0
        var failures: [Diagnostic] = []
        var searchChanged = changedPages == nil
        for (k, r) in candidates.enumerated() {
            let route = routes[r]
            let (entry, contents, failure) = made[k]
            if let entry {
                if cache[route.outputPath]?.searchJSON != entry.searchJSON { searchChanged = true }
                cache[route.outputPath] = entry
                if case .page = route.kind { renderedPages += 1 }
            }
            if retains, let contents { self.contents[route.outputPath] = contents }
            if let failure { failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(route.outputPath): \(failure)")) }
        }
        if changedPages == nil {
            let present = Set(routes.map(\.outputPath))
            cache = cache.filter { present.contains($0.key) }
            contents = contents.filter { present.contains($0.key) }
        }
        if let route = site.model.routes.route(.searchIndex), searchChanged {
            let text = searchIndex(site, routes: routes, changed: changedPages == nil ? nil : candidates, configuration: configuration)
            if let failure = sink?.write(text, to: route.outputPath) {
                failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(route.outputPath): \(failure)"))
            }
            if retains { contents[route.outputPath] = .text(text) }
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
        let served = RenderedSite(paths: retains ? routes.map(\.outputPath) : [], contents: retains ? contents : [:])
        return Result(site: served, diagnostics: diagnostics, renderedPages: renderedPages, htmlPages: htmlPages)
    }

    /// The search index: each route's entry, in URL order. When some routes
    /// changed, their entries are replaced in place; otherwise the list is made anew.
    private mutating func searchIndex(
        _ site: IndexStage.Site, routes: [Route], changed: [Int]?, configuration: Configuration
    ) -> String {
        if let changed, !search.isEmpty {
            for r in changed {
                let path = routes[r].outputPath
                guard let position = searchPosition[path], let json = cache[path]?.searchJSON else { continue }
                search[position].json = json
            }
        } else {
            var documents: [(path: String, url: String, json: String)] = []
            for route in routes {
                guard let json = cache[route.outputPath]?.searchJSON else { continue }
                documents.append((route.outputPath, site.model.url(of: route), json))
            }
            documents.sort { $0.url < $1.url }
            search = documents.map { ($0.url, $0.json) }
            searchPosition = Dictionary(documents.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return SearchIndex.json(sortedEncoded: search.map(\.json), synonyms: configuration.config.synonyms)
    }
}
