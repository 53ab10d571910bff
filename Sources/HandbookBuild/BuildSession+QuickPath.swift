import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookRender

extension BuildSession {
    /// The quick path of a rebuild: the watcher named only Markdown files we
    /// know, and none of them changed its metadata. Parses just those files,
    /// re-resolves and re-checks their links, re-renders them and patches the
    /// previous output. Returns nil when it does not apply (the full path runs).
    func quickRun(
        _ changedPaths: Set<String>, settingsKey: Int, theme: Theme, today: CalendarDate, layout: SiteLayout,
        clock: inout StageClock, diagnostics: [Diagnostic], outputGiven: String
    ) -> Output? {
        guard var state = quick, var indexState, var assembly, !changedPaths.isEmpty,
            state.settingsKey == settingsKey, state.theme == theme.fingerprint, state.today == today,
            changedPaths.allSatisfy({ state.positions[$0] != nil })
        else { return nil }
        clock.lap("scan")
        // parse
        let markdownOptions = layout.config.markdownOptions
        var changed: [(position: Int, file: ParsedFile)] = []
        for path in changedPaths.sorted() {
            let position = state.positions[path]!
            let stamp = FileStamp(path)
            let old = state.files[position]
            if stamp == old.stamp, stamp.isValid { continue }
            let (page, problems) = PageParser.parse(state.scan.pages[position], options: markdownOptions, siteTitle: layout.config.title)
            var file = ParsedFile(stamp: stamp, page: page, diagnostics: problems, metadataKey: page.metadataKey, bodyHash: page.body.hashValue)
            file.settingsKey = settingsKey
            guard file.metadataKey == old.metadataKey else { return nil }
            changed.append((position, file))
        }
        for (position, file) in changed {
            state.files[position] = file
            parsed[file.page.source.absolutePath] = file
            state.parseDiagnostics[position] = file.diagnostics.isEmpty ? nil : file.diagnostics
        }
        clock.lap("parse")

        // index
        var replacements: [Int: Page] = [:]
        for (_, file) in changed {
            if let i = indexState.index.pageIndex(atSource: file.page.source.path) { replacements[i] = file.page }
        }
        indexState.replace(replacements)
        clock.lap("index")

        // render
        var rendered = 0
        var problems = diagnostics + state.scan.diagnostics
        problems += state.parseDiagnostics.keys.sorted().flatMap { state.parseDiagnostics[$0]! }
        problems += indexState.fixedDiagnostics + indexState.linkDiagnostics.keys.sorted().flatMap { indexState.linkDiagnostics[$0]! }
        if problems.hasErrors || (options.strict && problems.hasWarnings) { return nil }
        let index = indexState.index
        for i in replacements.keys.sorted() {
            let page = index.pages[i]
            let key = Self.renderKey(
                siteKey: assembly.siteKey, bodyHash: parsed[page.source.absolutePath]?.bodyHash, links: indexState.graph.entries[i])
            guard self.rendered[page.source.path]?.key != key else { continue }
            let output = indexState.renderer.render(pageAt: i)
            let searchJSON = SearchIndex.encode(output.search)
            self.rendered[page.source.path] = RenderedPage(
                key: key, html: output.html, diagnostics: output.diagnostics, search: output.search, searchJSON: searchJSON)
            rendered += 1
            if let position = assembly.pagePositions[i] {
                assembly.outputFiles[position] = OutputFile(path: page.outputPath, contents: .text(output.html))
            }
            assembly.pageDiagnostics[i] = output.diagnostics.isEmpty ? nil : output.diagnostics
            assembly.searchJSON[i] = searchJSON
        }
        if rendered > 0 {
            assembly.outputFiles[assembly.searchPosition] = OutputFile(
                path: SiteRenderer.themeFolder + "/" + SearchIndex.fileName,
                contents: .text(SearchIndex.json(encoded: assembly.searchDocuments(index), synonyms: layout.config.synonyms)))
        }
        problems += assembly.fixedDiagnostics + assembly.pageDiagnostics.keys.sorted().flatMap { assembly.pageDiagnostics[$0]! }
        clock.lap("render")
        if problems.hasErrors || (options.strict && problems.hasWarnings) { return nil }

        quick = state
        self.indexState = indexState
        self.assembly = assembly
        return Output(
            result: BuildResult(
                outcome: .built, diagnostics: problems.sortedForOutput(), pageCount: state.htmlPageCount,
                sourcePageCount: index.pages.count, stageTimes: clock.stages, totalSeconds: clock.total, output: outputGiven),
            files: assembly.outputFiles, renderedCount: rendered)
    }
}
