import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookRender
import HandbookSystem
import Synchronization

/// The build pipeline, with memory so that the preview server's rebuilds
/// redo only what a change can affect:
///
///     configure → scan → parse → index → route → validate → render → write
///
/// Each stage is a function of the previous stage's value (`Stages/`). A full
/// build runs them on everything; a rebuild runs the very same stages, which
/// skip what did not change: files whose stamp is the same are not parsed
/// again; when no page's metadata changed the site is kept and only the
/// changed pages' links are resolved and checked again; a route is rendered
/// again only when its render key changed. Every cache key covers all the
/// inputs of what it caches, so the output is the same as a full build's (the
/// tests compare the two after random edits).
public final class BuildSession: Sendable {
    public let options: BuildOptions
    /// Where the stages say how far they are (for a terminal's progress line).
    public let progress: BuildProgress?
    private let state: Mutex<State>

    /// What the stages remember between runs.
    private struct State: ~Copyable {
        var configure = ConfigureStage()
        var scan = ScanStage()
        var parse = ParseStage()
        var index = IndexStage()
        var render: RenderStage
        var layout: SiteLayout?
    }

    public init(options: BuildOptions, progress: BuildProgress? = nil) {
        self.options = options
        self.progress = progress
        // A build that writes streams its files to disk and keeps none of them.
        state = Mutex(State(render: RenderStage(retains: !options.write)))
    }

    /// What one run produced.
    public struct Output: Sendable {
        public var result: BuildResult
        /// The site (for a session that does not write); empty when the build failed.
        public var site: RenderedSite
        /// Markdown pages rendered by this run (the others came from the cache).
        public var renderedCount: Int
        /// The indexed site, once the index stage ran.
        package var model: SiteModel?

        /// Every output file (for a session that does not write); empty when the build failed.
        public var files: [OutputFile] { site.files }

        init(result: BuildResult, site: RenderedSite = .empty, renderedCount: Int = 0) {
            self.result = result
            self.site = site
            self.renderedCount = renderedCount
        }
    }

    /// The site's layout as the last run read it, with `--base-url` applied
    /// (the preview server serves under its base path and watches its folders).
    package var layout: SiteLayout? { state.withLock { $0.layout } }

    /// Runs the stages. `changedPaths` (absolute paths from a file watcher)
    /// lets the run skip the folder scan and the stamps of other files when
    /// only known files were modified; nil means "anything may have changed".
    /// A session built with `write` writes the site into its output folder.
    public func run(changedPaths: Set<String>? = nil) -> Output {
        state.withLock { state in
            var run = BuildRun(options: options)
            let configured = state.configure.run(options, changed: changedPaths, engine: &run.engine)
            guard let layout = configured.layout else { return Output(result: run.result(.unusable)) }
            state.layout = layout
            guard let configuration = configured.configuration else {
                return Output(result: run.result(configured.unusable ? .unusable : .failed))
            }
            run.lap("configure")

            progress?.begin("scan")
            let (scan, scanReused) = state.scan.run(configuration, changed: changedPaths)
            run.engine.emit(scan.diagnostics)
            run.lap("scan")

            progress?.begin("parse", total: scan.pages.count)
            let parsed = state.parse.run(
                scan.pages, scanReused: scanReused, configuration: configuration, changed: changedPaths, progress: progress)
            run.engine.emit(parsed.entries.flatMap(\.diagnostics))
            run.lap("parse")

            progress?.begin("index")
            let checks = SiteChecks.Options(overdueReviews: options.reportOverdueReviews)
            let (site, changedPages) = state.index.run(
                parsed, assets: scan.assets, configuration: configuration, checks: checks, lap: { run.lap($0) })
            run.engine.emit(site.diagnostics)
            let sourcePages = site.model.index.pages.count
            if run.engine.hasFailures || options.indexOnly {
                var output = Output(result: run.result(run.engine.hasFailures ? .failed : .built, sourcePages: sourcePages))
                if options.returnsModel || options.indexOnly { output.model = site.model }
                return output
            }

            var staging: StagingFolder?
            if options.write {
                do {
                    staging = try StagingFolder(output: configuration.output, paths: site.model.routes.routes.map(\.outputPath))
                } catch {
                    run.engine.emit(.error(DiagnosticID.outputWrite, at: nil, "\(error)"))
                    return Output(result: run.result(.failed, sourcePages: sourcePages))
                }
            }
            progress?.begin("render", total: changedPages == nil ? site.model.routes.routes.count : 0)
            let rendered = state.render.run(
                site, changedPages: changedPages, configuration: configuration, sink: staging, progress: progress)
            run.engine.emit(rendered.diagnostics)
            // A full rebuild in the preview server leaves the last site's pages
            // freed: hand that memory back once, so that the server stays flat.
            if changedPages == nil, !options.write { Platform.returnFreeMemory() }
            run.lap("render")
            if run.engine.hasFailures {
                staging?.discard()
                var output = Output(result: run.result(.failed, sourcePages: sourcePages), renderedCount: rendered.renderedPages)
                if options.returnsModel { output.model = site.model }
                return output
            }

            if let staging {
                do {
                    progress?.begin("write")
                    try staging.commit()
                } catch {
                    run.engine.emit(.error(DiagnosticID.outputWrite, at: nil, "\(error)"))
                    return Output(result: run.result(.failed, sourcePages: sourcePages), renderedCount: rendered.renderedPages)
                }
                run.lap("write")
            }
            var output = Output(
                result: run.result(.built, pages: rendered.htmlPages, sourcePages: sourcePages), site: rendered.site,
                renderedCount: rendered.renderedPages)
            if options.returnsModel { output.model = site.model }
            return output
        }
    }
}
