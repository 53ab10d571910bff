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
        sourcePages = index.pages.count
        diagnostics += SiteChecks.run(index, graph)
        clock.lap("index")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return finish(.failed) }

        // render
        let renderer = SiteRenderer(index: index, graph: graph, theme: theme, config: layout.config)
        let renderedPages = parallelMap(Array(index.pages.indices)) { i in
            let (html, problems) = renderer.render(pageAt: i)
            return (OutputFile(path: index.pages[i].outputPath, contents: .text(html)), problems)
        }
        let generatedSections = index.navigation.sections.filter { $0.sourcePath == nil }
        let renderedSections = generatedSections.map { node in
            let (html, problems) = renderer.renderSection(node)
            return (OutputFile(path: node.urlPath + "index.html", contents: .text(html)), problems)
        }
        let tagPages = renderer.renderTagPages()
        let redirects = index.aliases.map { alias in
            let (html, problems) = renderer.renderRedirect(toPage: alias.page)
            return (OutputFile(path: alias.outputPath, contents: .text(html)), problems)
        }
        let notFound = renderer.renderNotFound()
        diagnostics += renderedPages.flatMap(\.1) + renderedSections.flatMap(\.1) + notFound.diagnostics
        diagnostics += tagPages.flatMap(\.diagnostics) + redirects.flatMap(\.1)
        var files = renderedPages.map(\.0) + renderedSections.map(\.0) + redirects.map(\.0)
        files += tagPages.map { OutputFile(path: $0.outputPath, contents: .text($0.html)) }
        files.append(OutputFile(path: "404.html", contents: .text(notFound.html)))
        files += scanned.assets.map { OutputFile(path: $0.path, contents: .copy(from: $0.absolutePath)) }
        files += theme.assets.keys.sorted().map {
            OutputFile(path: SiteRenderer.themeFolder + "/" + $0, contents: .copy(from: theme.assets[$0]!))
        }
        clock.lap("render")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return finish(.failed) }
        guard options.write else { return finish(.built, pages: renderedPages.count + renderedSections.count) }

        // write
        do {
            try OutputWriter.write(files, to: output)
        } catch {
            diagnostics.append(.error("output.write", at: nil, "\(error)"))
            return finish(.failed)
        }
        clock.lap("write")
        return finish(.built, pages: renderedPages.count + renderedSections.count)
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
