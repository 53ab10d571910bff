import Dispatch
import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import HandbookRender

/// The build pipeline: named stages, each a function of the previous stage's
/// value, run in order — scan → parse → index → render → write.
///
/// Parse and render run on all cores; the index is built once between them.
/// Content problems come back as diagnostics in the result, never as throws.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        let outputGiven = options.output ?? SiteLayout.absolutePath("public", relativeTo: SiteLayout.absolutePath(options.site))
        var sourcePages = 0
        func finish(_ outcome: BuildResult.Outcome, pages: Int = 0) -> BuildResult {
            BuildResult(
                outcome: outcome, diagnostics: diagnostics.sortedForOutput(), pageCount: pages, sourcePageCount: sourcePages,
                stageTimes: clock.stages, totalSeconds: clock.total, output: outputGiven)
        }

        // Configuration.
        let (loaded, configDiagnostics) = SiteLayout.load(root: options.site)
        diagnostics += configDiagnostics
        guard var layout = loaded else { return finish(.unusable) }
        if let baseURL = options.baseURL { layout.config.baseURL = baseURL }
        let output = SiteLayout.absolutePath(outputGiven)
        if let problem = OutputLocation.problem(with: output, layout: layout) {
            diagnostics.append(.error("output.unsafe", at: nil, problem))
            return finish(.unusable)
        }
        let (loadedTheme, themeDiagnostics) = Theme.load(siteTemplates: layout.templatesDir, displayRoot: layout.root)
        diagnostics += themeDiagnostics
        guard let theme = loadedTheme else { return finish(.failed) }
        clock.lap("configure")

        // scan
        var excluded = [output]
        if let templates = layout.templatesDir { excluded.append(templates) }
        let scanned = ContentScanner.scan(layout, excluding: excluded)
        diagnostics += scanned.diagnostics
        clock.lap("scan")

        // parse
        let markdownOptions = layout.config.markdownOptions
        let siteTitle = layout.config.title
        let parsed = parallelMap(scanned.pages) { PageParser.parse($0, options: markdownOptions, siteTitle: siteTitle) }
        diagnostics += parsed.flatMap(\.1)
        clock.lap("parse")

        // index
        let settings = SiteIndex.Settings(
            basePath: layout.config.basePath, baseURL: layout.config.absoluteBaseURL, repoURL: layout.config.repoURL,
            contentPrefix: layout.contentPrefix)
        let index = SiteIndex(pages: parsed.map(\.0), assets: scanned.assets.map(\.path), settings: settings)
        let graph = LinkGraph(index: index)
        let leadership = LeadershipModel(index: index)
        let reviews = ReviewSchedule(
            index: index, today: options.today ?? CalendarDate.today(), defaultInterval: layout.config.reviewEvery)
        sourcePages = index.pages.count
        diagnostics += SiteChecks.run(index, graph) + leadership.diagnostics
        if options.reportOverdueReviews { diagnostics += ReviewCheck.check(index, reviews) }
        clock.lap("index")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return finish(.failed) }

        // render
        let renderer = SiteRenderer(
            index: index, graph: graph, leadership: leadership, reviews: reviews, theme: theme, config: layout.config)
        let pageOutputs = parallelMap(Array(index.pages.indices)) { renderer.render(pageAt: $0) }
        var rendered = zip(index.pages, pageOutputs).map { page, output in
            Rendered(path: page.outputPath, text: (output.html, output.diagnostics))
        }
        var searchDocuments = pageOutputs.map(\.search)
        searchDocuments += renderer.levelSearchDocuments()
        let pageCount = rendered.count
        for node in index.navigation.sections where node.sourcePath == nil {
            rendered.append(Rendered(path: node.urlPath + "index.html", text: renderer.renderSection(node)))
        }
        let htmlPageCount = rendered.count
        for alias in index.aliases {
            rendered.append(Rendered(path: alias.outputPath, text: renderer.renderRedirect(toPage: alias.page)))
        }
        for tag in renderer.renderTagPages() {
            rendered.append(Rendered(path: tag.outputPath, text: (tag.html, tag.diagnostics), generated: true))
        }
        for derived in renderer.renderLeadershipPages() {
            rendered.append(Rendered(path: derived.outputPath, text: (derived.text, derived.diagnostics), generated: true))
        }
        rendered.append(Rendered(path: "404.html", text: renderer.renderNotFound(), generated: true))
        // Crawler files: every HTML page but the 404 and the redirects goes in the sitemap.
        let redirects = Set(index.aliases.map(\.outputPath))
        let pagePaths = Set(index.pages.map(\.urlPath))
        let listed = rendered.map(\.path).filter { $0.hasSuffix("index.html") && !redirects.contains($0) }
            .map { String($0.dropLast("index.html".count)) }
            .filter { !pagePaths.contains($0) }
        let sitemap = SiteFiles.sitemap(index: index, extraPaths: listed)
        if let sitemap { rendered.append(Rendered(path: "sitemap.xml", text: (sitemap, []), generated: true)) }
        let sitemapURL = sitemap == nil ? nil : layout.config.absoluteBaseURL.map { $0.hasSuffix("/") ? $0 + "sitemap.xml" : $0 + "/sitemap.xml" }
        rendered.append(
            Rendered(
                path: SiteRenderer.themeFolder + "/" + SearchIndex.fileName,
                text: (SearchIndex.json(searchDocuments, synonyms: layout.config.synonyms), []), generated: true))
        rendered.append(
            Rendered(path: "robots.txt", text: (SiteFiles.robots(isPublic: layout.config.isPublic, sitemapURL: sitemapURL), []), generated: true))
        var files: [OutputFile] = []
        var written: [String: String] = [:]
        for item in rendered {
            diagnostics += item.diagnostics
            // A page of the content wins over a generated page at the same address.
            if let owner = written[item.path.lowercased()] {
                diagnostics.append(
                    .warning(
                        "url.duplicate", at: nil,
                        "generated page /\(item.path) is not written: \(owner) is already there",
                        note: "rename or move the page, or remove the front matter that generates the other one"))
                continue
            }
            written[item.path.lowercased()] = item.path
            files.append(OutputFile(path: item.path, contents: .text(item.html)))
        }
        _ = pageCount
        files += scanned.assets.map { OutputFile(path: $0.path, contents: .copy(from: $0.absolutePath)) }
        files += theme.assets.keys.sorted().map {
            OutputFile(path: SiteRenderer.themeFolder + "/" + $0, contents: .copy(from: theme.assets[$0]!))
        }
        clock.lap("render")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return finish(.failed) }
        guard options.write else { return finish(.built, pages: htmlPageCount) }

        // write
        do {
            try OutputWriter.write(files, to: output)
        } catch {
            diagnostics.append(.error("output.write", at: nil, "\(error)"))
            return finish(.failed)
        }
        clock.lap("write")
        return finish(.built, pages: htmlPageCount)
    }
}

/// One output file of the render stage with the problems found rendering it.
private struct Rendered {
    var path: String
    var html: String
    var diagnostics: [Diagnostic]
    /// Derived pages (tags, org chart, reports) give way to content pages.
    var generated: Bool

    init(path: String, text: (html: String, diagnostics: [Diagnostic]), generated: Bool = false) {
        self.path = path
        self.html = text.html
        self.diagnostics = text.diagnostics
        self.generated = generated
    }
}

/// Wall-clock time per stage, for `--verbose` timings and the summary line.
struct StageClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var stages: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((stage, Double(now - last) / 1e9))
        last = now
    }

    var total: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
