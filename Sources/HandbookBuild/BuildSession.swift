import Dispatch
import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import HandbookRender
import HandbookSystem

/// The build pipeline — scan → parse → index → render — with memory, so that
/// the preview server's rebuilds redo only what a change can affect:
///
/// - a file whose stamp (inode, size, modification time) is unchanged is not
///   read or parsed again;
/// - the index, links, checks and leadership model are recomputed (they are
///   exact and cheap next to rendering);
/// - a page is rendered again only when its own body, the rewrites of its
///   links, or the site's metadata (any title, heading, link, front matter,
///   asset, setting or template of any page) changed;
/// - derived pages (sections, tags, redirects, the leadership pages) are
///   rendered again only when the site's metadata changed.
///
/// Every cache key covers all the inputs of what it caches, so the output is
/// the same as a full build's; the tests compare the two after random edits.
/// A session is used by one caller at a time.
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What one run produced.
    public struct Output: Sendable {
        public var result: BuildResult
        /// Every output file; empty when the build failed.
        public var files: [OutputFile]
        /// Pages rendered by this run (the others came from the cache).
        public var renderedCount: Int
    }

    struct ParsedFile {
        var stamp: FileStamp
        var page: Page
        var diagnostics: [Diagnostic]
        var metadataKey: Int
        var bodyHash: Int
        /// The settings the file was parsed with (a new `handbook.yml` parses again).
        var settingsKey = 0

        func metadataKeyIsFor(_ key: Int) -> Bool { settingsKey == key }
    }

    struct RenderedPage {
        var key: Int
        var html: String
        var diagnostics: [Diagnostic]
        var search: SearchIndex.Document
        /// `search`, encoded for the search index.
        var searchJSON: String
    }

    var parsed: [String: ParsedFile] = [:]
    var rendered: [String: RenderedPage] = [:]
    var derived: (key: Int, files: [RenderedFile])?
    var lastScan: ContentScanner.Result?
    var indexState: IndexState?
    var assembly: Assembly?
    var quick: QuickState?
    /// The resolved output folder of the last run (symbolic links followed).
    private(set) var outputFolder: String?

    /// What the quick path (a few pages' text changed) needs from the last run.
    struct QuickState {
        var settingsKey: Int
        var theme: Int
        var today: CalendarDate
        var scan: ContentScanner.Result
        /// Absolute path → position in `scan.pages` and `files`.
        var positions: [String: Int]
        var files: [ParsedFile]
        /// Parse diagnostics of the files that have any, by position.
        var parseDiagnostics: [Int: [Diagnostic]]
        var htmlPageCount: Int
    }

    /// The last output list, and where each page's file and the search index sit in it.
    struct Assembly {
        var siteKey: Int
        var outputFiles: [OutputFile]
        /// Page index → position in `outputFiles` (nil: not written, another page has its address).
        var pagePositions: [Int?]
        var searchPosition: Int
        /// Diagnostics of derived pages and of duplicate addresses.
        var fixedDiagnostics: [Diagnostic]
        /// Render diagnostics of pages that have any, by page index.
        var pageDiagnostics: [Int: [Diagnostic]]
        /// Each page's search document, encoded, by page index, with its URL.
        var searchJSON: [String]
        var searchURLs: [String]
        var levelSearchJSON: [(url: String, json: String)]
        var htmlPageCount: Int

        func searchDocuments(_ index: SiteIndex) -> [(url: String, json: String)] {
            Array(zip(searchURLs, searchJSON)) + levelSearchJSON
        }
    }

    /// Everything the index stage's result depends on.
    struct IndexSignature: Equatable {
        var settingsKey: Int
        var theme: Int
        var today: CalendarDate
        var assets: [String]
        var paths: [String]
        var metadataKeys: [Int]
    }

    struct IndexState {
        var signature: IndexSignature
        var index: SiteIndex
        var graph: LinkGraph
        var renderer: SiteRenderer
        /// Diagnostics of the index and the leadership model, which depend on metadata only.
        var fixedDiagnostics: [Diagnostic]
        /// Link and anchor diagnostics, by file, re-checked per changed page.
        var linkDiagnostics: [String: [Diagnostic]]

        /// Swaps in new versions of pages whose metadata did not change: only
        /// their links are resolved and checked again; sidebars and the
        /// leadership model stay.
        mutating func replace(_ replacements: [Int: Page]) {
            guard !replacements.isEmpty else { return }
            let changed = replacements.keys.sorted()
            index = index.replacing(replacements)
            graph = graph.updating(pages: changed, index: index)
            for i in changed {
                linkDiagnostics[index.pages[i].source.displayPath] = SiteChecks.links(of: [i], index, graph)
            }
            renderer = renderer.updating(index: index, graph: graph)
        }
    }

    /// Everything a page's rendered HTML depends on: the site's metadata, its
    /// own text, and what its links were rewritten to.
    static func renderKey(siteKey: Int, bodyHash: Int?, links: [LinkGraph.Entry]) -> Int {
        var h = Hasher()
        h.combine(siteKey)
        h.combine(bodyHash)
        for entry in links {
            h.combine(entry.rewrite?.url)
            h.combine(entry.rewrite?.text)
        }
        return h.finalize()
    }

    /// Runs the pipeline. `changedPaths` (absolute paths from a file watcher)
    /// lets the run skip the folder scan when only known files were modified;
    /// nil means "anything may have changed".
    public func run(changedPaths: Set<String>? = nil) -> Output {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        let outputGiven = options.output ?? SiteLayout.absolutePath("public", relativeTo: SiteLayout.absolutePath(options.site))
        var sourcePages = 0
        func finish(_ outcome: BuildResult.Outcome, pages: Int = 0, files: [OutputFile] = [], renderedCount: Int = 0) -> Output {
            Output(
                result: BuildResult(
                    outcome: outcome, diagnostics: diagnostics.sortedForOutput(), pageCount: pages,
                    sourcePageCount: sourcePages, stageTimes: clock.stages, totalSeconds: clock.total, output: outputGiven),
                files: files, renderedCount: renderedCount)
        }

        // configure
        let (loaded, configDiagnostics) = SiteLayout.load(root: options.site)
        diagnostics += configDiagnostics
        guard var layout = loaded else { return finish(.unusable) }
        if let baseURL = options.baseURL { layout.config.baseURL = baseURL }
        // Only a build that writes needs a folder it may replace; the scan
        // skips the output folder either way.
        var output = FileSystem.resolvedPath(SiteLayout.absolutePath(outputGiven))
        if options.write {
            switch OutputLocation.resolve(options.output, layout: layout) {
            case .success(let folder): output = folder
            case .failure(let refusal):
                diagnostics.append(.error("output.unsafe", at: nil, refusal.description))
                return finish(.unusable)
            }
        }
        outputFolder = output
        let (loadedTheme, themeDiagnostics) = Theme.load(siteTemplates: layout.templatesDir, displayRoot: layout.root)
        diagnostics += themeDiagnostics
        guard let theme = loadedTheme else { return finish(.failed) }
        clock.lap("configure")

        let settingsKeyNow = Self.settingsKey(layout: layout, options: options)
        let todayNow = options.today ?? CalendarDate.today()
        if let changedPaths, let output = quickRun(
            changedPaths, settingsKey: settingsKeyNow, theme: theme, today: todayNow, layout: layout,
            clock: &clock, diagnostics: diagnostics, outputGiven: outputGiven)
        {
            return output
        }

        // scan: skipped when the watcher reports only modified files we know.
        let scanned: ContentScanner.Result
        var scanReused = false
        if let changedPaths, let last = lastScan,
            changedPaths.allSatisfy({ path in last.pages.contains { $0.absolutePath == path } || last.assets.contains { $0.absolutePath == path } })
        {
            scanned = last
            scanReused = true
        } else {
            var excluded = [output]
            if let templates = layout.templatesDir { excluded.append(templates) }
            scanned = ContentScanner.scan(layout, excluding: excluded)
        }
        lastScan = scanned
        diagnostics += scanned.diagnostics
        clock.lap("scan")

        // parse: only files whose stamp changed.
        let markdownOptions = layout.config.markdownOptions
        let siteTitle = layout.config.title
        let settingsKey = Self.settingsKey(layout: layout, options: options)
        var stamps: [FileStamp] = []
        stamps.reserveCapacity(scanned.pages.count)
        var misses: [Int] = []
        for (i, file) in scanned.pages.enumerated() {
            // With a reused scan, only the files the watcher named can have changed.
            if scanReused, let changedPaths, !changedPaths.contains(file.absolutePath),
                let cached = parsed[file.absolutePath], cached.metadataKeyIsFor(settingsKey)
            {
                stamps.append(cached.stamp)
                continue
            }
            let stamp = FileStamp(file.absolutePath)
            stamps.append(stamp)
            if let cached = parsed[file.absolutePath], cached.stamp == stamp, cached.stamp.isValid,
                cached.page.source == file, cached.metadataKeyIsFor(settingsKey)
            {
                continue
            }
            misses.append(i)
        }
        let fresh = parallelMap(misses.map { scanned.pages[$0] }) { file -> ParsedFile in
            let (page, problems) = PageParser.parse(file, options: markdownOptions, siteTitle: siteTitle)
            return ParsedFile(
                stamp: .missing, page: page, diagnostics: problems, metadataKey: page.metadataKey, bodyHash: page.body.hashValue)
        }
        for (k, i) in misses.enumerated() {
            var entry = fresh[k]
            entry.stamp = stamps[i]
            entry.settingsKey = settingsKey
            parsed[scanned.pages[i].absolutePath] = entry
        }
        let known = scanReused ? [] : Set(scanned.pages.map(\.absolutePath))
        if !scanReused { parsed = parsed.filter { known.contains($0.key) } }
        let files = scanned.pages.map { parsed[$0.absolutePath]! }
        diagnostics += files.flatMap(\.diagnostics)
        clock.lap("parse")

        // index: recomputed, unless no page's metadata changed, in which case
        // only the changed pages' links are resolved and checked again.
        let settings = SiteIndex.Settings(
            basePath: layout.config.basePath, baseURL: layout.config.absoluteBaseURL, repoURL: layout.config.repoURL,
            contentPrefix: layout.contentPrefix)
        let today = options.today ?? CalendarDate.today()
        let signature = IndexSignature(
            settingsKey: settingsKey, theme: theme.fingerprint, today: today, assets: scanned.assets.map(\.path),
            paths: files.map(\.page.source.path), metadataKeys: files.map(\.metadataKey))
        let state: IndexState
        // Pages whose render inputs may have changed; nil: all of them.
        var touched: Set<Int>?
        if var previous = indexState, previous.signature == signature {
            let changedPaths = Set(misses.map { scanned.pages[$0].path })
            var replacements: [Int: Page] = [:]
            for file in files where changedPaths.contains(file.page.source.path) {
                if let i = previous.index.pageIndex(atSource: file.page.source.path) { replacements[i] = file.page }
            }
            touched = Set(replacements.keys)
            previous.replace(replacements)
            state = previous
        } else {
            let index = SiteIndex(pages: files.map(\.page), assets: scanned.assets.map(\.path), settings: settings)
            let graph = LinkGraph(index: index)
            let leadership = LeadershipModel(index: index)
            let reviews = ReviewSchedule(index: index, today: today, defaultInterval: layout.config.reviewEvery)
            var fixed = index.diagnostics + leadership.diagnostics + SiteChecks.orphans(index, graph)
            if options.reportOverdueReviews { fixed += ReviewCheck.check(index, reviews) }
            let linkDiagnostics = Dictionary(
                grouping: SiteChecks.links(of: Array(index.pages.indices), index, graph), by: { $0.location?.file ?? "" })
            let renderer = SiteRenderer(
                index: index, graph: graph, leadership: leadership, reviews: reviews, theme: theme, config: layout.config)
            state = IndexState(
                signature: signature, index: index, graph: graph, renderer: renderer, fixedDiagnostics: fixed,
                linkDiagnostics: linkDiagnostics)
        }
        indexState = state
        let index = state.index
        let graph = state.graph
        sourcePages = index.pages.count
        diagnostics += state.fixedDiagnostics + state.linkDiagnostics.keys.sorted().flatMap { state.linkDiagnostics[$0]! }
        clock.lap("index")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) { return finish(.failed) }

        // render
        var siteHasher = Hasher()
        siteHasher.combine(settingsKey)
        siteHasher.combine(theme.fingerprint)
        siteHasher.combine(today)
        siteHasher.combine(scanned.assets.map(\.path))
        for file in files { siteHasher.combine(file.metadataKey) }
        let siteKey = siteHasher.finalize()

        let renderer = state.renderer
        var keys: [Int] = []
        var toRender: [Int] = []
        for (i, page) in index.pages.enumerated() {
            if let touched, !touched.contains(i), let cached = rendered[page.source.path] {
                keys.append(cached.key)
                continue
            }
            let key = Self.renderKey(siteKey: siteKey, bodyHash: parsed[page.source.absolutePath]?.bodyHash, links: graph.entries[i])
            keys.append(key)
            if rendered[page.source.path]?.key != key { toRender.append(i) }
        }
        let newPages = parallelMap(toRender) { renderer.render(pageAt: $0) }
        for (k, i) in toRender.enumerated() {
            let output = newPages[k]
            rendered[index.pages[i].source.path] = RenderedPage(
                key: keys[i], html: output.html, diagnostics: output.diagnostics, search: output.search,
                searchJSON: SearchIndex.encode(output.search))
        }
        if touched == nil {
            let published = Set(index.pages.map(\.source.path))
            rendered = rendered.filter { published.contains($0.key) }
        }

        // Assemble the output files. When only some pages' text changed, the
        // previous list is patched in place: same paths, new bodies.
        let outputFiles: [OutputFile]
        let htmlPageCount: Int
        if let touched, var previous = assembly, previous.siteKey == siteKey {
            for i in touched {
                guard let position = previous.pagePositions[i], let page = rendered[index.pages[i].source.path] else { continue }
                previous.outputFiles[position] = OutputFile(path: index.pages[i].outputPath, contents: .text(page.html))
                previous.pageDiagnostics[i] = page.diagnostics.isEmpty ? nil : page.diagnostics
                previous.searchJSON[i] = page.searchJSON
            }
            previous.outputFiles[previous.searchPosition] = OutputFile(
                path: SiteRenderer.themeFolder + "/" + SearchIndex.fileName,
                contents: .text(SearchIndex.json(encoded: previous.searchDocuments(index), synonyms: layout.config.synonyms)))
            diagnostics += previous.fixedDiagnostics + previous.pageDiagnostics.keys.sorted().flatMap { previous.pageDiagnostics[$0]! }
            assembly = previous
            outputFiles = previous.outputFiles
            htmlPageCount = previous.htmlPageCount
        } else {
            let pages = index.pages.map { rendered[$0.source.path]! }
            var outputs = zip(index.pages, pages).map { page, cached in
                RenderedFile(path: page.outputPath, html: cached.html, diagnostics: [])
            }
            let derivedFiles: [RenderedFile]
            if let derived, derived.key == siteKey {
                derivedFiles = derived.files
            } else {
                derivedFiles = Self.derivedFiles(renderer: renderer, index: index, layout: layout)
                derived = (siteKey, derivedFiles)
            }
            htmlPageCount = outputs.count + index.navigation.sections.filter { $0.sourcePath == nil }.count
            outputs += derivedFiles
            var next = Assembly(
                siteKey: siteKey, outputFiles: [], pagePositions: Array(repeating: nil, count: index.pages.count),
                searchPosition: 0, fixedDiagnostics: [], pageDiagnostics: [:],
                searchJSON: pages.map(\.searchJSON), searchURLs: pages.map(\.search.url),
                levelSearchJSON: renderer.levelSearchDocuments().map { ($0.url, SearchIndex.encode($0)) },
                htmlPageCount: htmlPageCount)
            for (i, page) in pages.enumerated() where !page.diagnostics.isEmpty { next.pageDiagnostics[i] = page.diagnostics }
            outputs.append(
                RenderedFile(
                    path: SiteRenderer.themeFolder + "/" + SearchIndex.fileName,
                    html: SearchIndex.json(encoded: next.searchDocuments(index), synonyms: layout.config.synonyms), diagnostics: []))
            var files: [OutputFile] = []
            var written: [String: String] = [:]
            for (k, item) in outputs.enumerated() {
                next.fixedDiagnostics += item.diagnostics
                // A page of the content wins over a generated page at the same address.
                if let owner = written[item.path.lowercased()] {
                    next.fixedDiagnostics.append(
                        .warning(
                            "url.duplicate", at: nil, "generated page /\(item.path) is not written: \(owner) is already there",
                            note: "rename or move the page, or remove the front matter that generates the other one"))
                    continue
                }
                written[item.path.lowercased()] = item.path
                if k < pages.count { next.pagePositions[k] = files.count }
                if k == outputs.count - 1 { next.searchPosition = files.count }
                files.append(OutputFile(path: item.path, contents: .text(item.html)))
            }
            let themeFiles = theme.assets.keys.sorted().map {
                OutputFile(path: SiteRenderer.themeFolder + "/" + $0, contents: .copy(from: theme.assets[$0]!))
            }
            for file in themeFiles { written[file.path.lowercased()] = file.path }
            // A content file never silently replaces what Handbook generates.
            for asset in scanned.assets {
                if let generated = written[asset.path.lowercased()] {
                    next.fixedDiagnostics.append(
                        .error(
                            "output.conflict", at: SourceLocation(file: asset.displayPath),
                            "\(asset.displayPath) would replace /\(generated), which Handbook generates",
                            note: "rename or move the file, or turn it into a Markdown page"))
                    continue
                }
                files.append(OutputFile(path: asset.path, contents: .copy(from: asset.absolutePath)))
            }
            files += themeFiles
            next.outputFiles = files
            diagnostics += next.fixedDiagnostics + next.pageDiagnostics.keys.sorted().flatMap { next.pageDiagnostics[$0]! }
            assembly = next
            outputFiles = files
        }
        clock.lap("render")

        if diagnostics.hasErrors || (options.strict && diagnostics.hasWarnings) {
            quick = nil
            return finish(.failed)
        }
        var parseDiagnostics: [Int: [Diagnostic]] = [:]
        for (k, file) in files.enumerated() where !file.diagnostics.isEmpty { parseDiagnostics[k] = file.diagnostics }
        quick = QuickState(
            settingsKey: settingsKey, theme: theme.fingerprint, today: today, scan: scanned,
            positions: Dictionary(uniqueKeysWithValues: scanned.pages.enumerated().map { ($1.absolutePath, $0) }),
            files: files, parseDiagnostics: parseDiagnostics, htmlPageCount: htmlPageCount)
        return finish(.built, pages: htmlPageCount, files: outputFiles, renderedCount: toRender.count)
    }

    /// Everything rendered from the site's metadata alone: generated section
    /// pages, redirects, tag pages, leadership pages, 404, sitemap and robots.
    private static func derivedFiles(renderer: SiteRenderer, index: SiteIndex, layout: SiteLayout) -> [RenderedFile] {
        var files: [RenderedFile] = []
        for node in index.navigation.sections where node.sourcePath == nil {
            files.append(RenderedFile(path: node.urlPath + "index.html", renderer.renderSection(node)))
        }
        for alias in index.aliases {
            files.append(RenderedFile(path: alias.outputPath, renderer.renderRedirect(toPage: alias.page)))
        }
        for tag in renderer.renderTagPages() {
            files.append(RenderedFile(path: tag.outputPath, html: tag.html, diagnostics: tag.diagnostics))
        }
        for page in renderer.renderLeadershipPages() {
            files.append(RenderedFile(path: page.outputPath, html: page.text, diagnostics: page.diagnostics))
        }
        files.append(RenderedFile(path: "404.html", renderer.renderNotFound()))
        // Every HTML page but the 404 and the redirects goes in the sitemap.
        let redirects = Set(index.aliases.map(\.outputPath))
        let pagePaths = Set(index.pages.map(\.urlPath))
        let listed = files.map(\.path).filter { $0.hasSuffix("index.html") && !redirects.contains($0) }
            .map { String($0.dropLast("index.html".count)) }
            .filter { !pagePaths.contains($0) }
        let sitemap = SiteFiles.sitemap(index: index, extraPaths: listed)
        if let sitemap { files.append(RenderedFile(path: "sitemap.xml", html: sitemap, diagnostics: [])) }
        let sitemapURL = sitemap == nil
            ? nil : layout.config.absoluteBaseURL.map { $0.hasSuffix("/") ? $0 + "sitemap.xml" : $0 + "/sitemap.xml" }
        files.append(
            RenderedFile(path: "robots.txt", html: SiteFiles.robots(isPublic: layout.config.isPublic, sitemapURL: sitemapURL), diagnostics: []))
        return files
    }

    /// Settings that change how every page parses or renders.
    private static func settingsKey(layout: SiteLayout, options: BuildOptions) -> Int {
        var h = Hasher()
        h.combine(layout.configFile.flatMap { FileManager.default.contents(atPath: $0) })
        h.combine(options.baseURL)
        h.combine(layout.contentDir)
        return h.finalize()
    }
}

