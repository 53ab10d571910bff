import HandbookDiagnostics
import HandbookIndex
import HandbookRender
import HandbookSystem

/// The render stage: every route's output, in parallel. A route whose render
/// key (its view, its body's source and link rewrites, the theme and the
/// settings) is unchanged keeps its last output; when the site was kept and
/// only some pages' text changed, only those pages and the search index are
/// looked at. Rendered files go to the sink as they are made (a build streams
/// them into its staging folder); a session that retains output keeps them
/// for the preview server.
struct RenderStage {
    struct Entry: Sendable {
        var key: RenderKey?
        var text: String?
        var diagnostics: [Diagnostic]
        /// The route's search entry, encoded.
        var searchJSON: String?
    }

    /// Output path → the route's last output.
    private var cache: [String: Entry] = [:]
    /// Keep rendered text (the preview server and tests read it from `files`).
    let retains: Bool

    init(retains: Bool) { self.retains = retains }

    struct Result {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
        /// Markdown pages rendered by this run.
        var renderedPages: Int
        /// HTML pages of the site: Markdown pages and generated section pages.
        var htmlPages: Int
    }

    mutating func run(
        _ site: IndexStage.Site, changedPages: Set<Int>?, configuration: Configuration, sink: (any OutputSink)?
    ) -> Result {
        let routes = site.model.routes.routes
        var candidates: [Int]
        if let changedPages {
            candidates = changedPages.compactMap { site.model.routes.index(of: .page($0)) }
        } else {
            candidates = Array(routes.indices)
        }
        let searchRoute = site.model.routes.index(of: .searchIndex)
        candidates.removeAll { $0 == searchRoute }
        let previous = cache
        let retains = self.retains
        let renderer = site.renderer
        let made = parallelMap(candidates) { r -> (Entry?, Bool, String?) in
            let route = routes[r]
            switch route.kind {
            case .themeAsset(let name):
                return (nil, false, configuration.theme.assets[name].flatMap { sink?.copy($0, to: route.outputPath) })
            case .contentAsset(let path):
                let source = site.model.index.assetFile(atPath: path)?.absolutePath ?? ""
                return (nil, false, sink?.copy(source, to: route.outputPath))
            default:
                break
            }
            guard let job = renderer.job(for: route) else { return (nil, false, nil) }
            let key = retains ? RenderKey(job, configuration: configuration) : nil
            if let key, let cached = previous[route.outputPath], cached.key == key { return (nil, false, nil) }
            let output = renderer.render(job)
            let failure = sink?.write(output.text, to: route.outputPath)
            let entry = Entry(
                key: key, text: retains ? output.text : nil, diagnostics: output.diagnostics,
                searchJSON: output.search.map(SearchIndex.encode))
            return (entry, true, failure)
        }
        var renderedPages = 0
        var failures: [Diagnostic] = []
        for (k, r) in candidates.enumerated() {
            let (entry, rendered, failure) = made[k]
            if let entry { cache[routes[r].outputPath] = entry }
            if rendered, case .page = routes[r].kind { renderedPages += 1 }
            if let failure { failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(routes[r].outputPath): \(failure)")) }
        }
        if changedPages == nil {
            let present = Set(routes.map(\.outputPath))
            cache = cache.filter { present.contains($0.key) }
        }

        // The search index, from every route's search entry.
        if let searchRoute {
            let route = routes[searchRoute]
            let documents = routes.compactMap { route -> (url: String, json: String)? in
                guard let json = cache[route.outputPath]?.searchJSON else { return nil }
                return (site.model.url(of: route), json)
            }
            let text = SearchIndex.json(encoded: documents, synonyms: configuration.config.synonyms)
            if let failure = sink?.write(text, to: route.outputPath) {
                failures.append(.error(DiagnosticID.outputWrite, at: nil, "cannot write \(route.outputPath): \(failure)"))
            }
            cache[route.outputPath] = Entry(key: nil, text: retains ? text : nil, diagnostics: [], searchJSON: nil)
        }

        var files: [OutputFile] = []
        var diagnostics = failures
        var htmlPages = 0
        for route in routes {
            switch route.kind {
            case .page, .section: htmlPages += 1
            default: break
            }
            switch route.kind {
            case .themeAsset(let name):
                if retains, let source = configuration.theme.assets[name] { files.append(OutputFile(path: route.outputPath, contents: .copy(from: source))) }
            case .contentAsset(let path):
                if retains, let source = site.model.index.assetFile(atPath: path) {
                    files.append(OutputFile(path: route.outputPath, contents: .copy(from: source.absolutePath)))
                }
            default:
                guard let entry = cache[route.outputPath] else { continue }
                diagnostics += entry.diagnostics
                if retains, let text = entry.text { files.append(OutputFile(path: route.outputPath, contents: .text(text))) }
            }
        }
        return Result(files: files, diagnostics: diagnostics, renderedPages: renderedPages, htmlPages: htmlPages)
    }
}
