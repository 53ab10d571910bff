import Dispatch
import HandbookContent
import HandbookDiagnostics
import HandbookSystem

/// The parse stage: every Markdown file read and converted once, in
/// parallel. A file whose stamp and settings are unchanged comes from the
/// cache. When the scan is the last one and the watcher names the files that
/// changed, only those are looked at and the last result is patched.
struct ParseStage {
    struct Entry: Sendable {
        var key: ParseKey
        var page: Page
        var diagnostics: [Diagnostic]
        /// Computed once per parse: the index stage compares every page's.
        var metadata: PageMetadataKey
    }

    struct Result {
        /// Every page, in scan order.
        var entries: [Entry]
        /// The pages parsed anew.
        var fresh: [Entry]
        /// The last result patched: no file came or went.
        var patched: Bool
        /// Some page's metadata changed (always true when not patched).
        var metadataChanged: Bool
        /// Some page's path, id, title or front matter changed (always true when not patched).
        var identityChanged: Bool
    }

    /// Absolute path → the file's last parse.
    private var cache: [String: Entry] = [:]
    private var last: [Entry] = []
    /// Absolute path → position in `last`.
    private var positions: [String: Int] = [:]

    mutating func run(
        _ files: [SourceFile], scanReused: Bool, configuration: Configuration, changed: Set<String>?, progress: BuildProgress? = nil
    ) -> Result {
        if scanReused, let changed, last.count == files.count {
            let targets = changed.compactMap { path in positions[path].map { (path, $0) } }
            let entries = parse(targets.map { files[$0.1] }, configuration: configuration, reusingUnchanged: true, progress: progress)
            var result = Result(entries: [], fresh: entries, patched: true, metadataChanged: false, identityChanged: false)
            // Taken out of `last` so that replacing a few entries does not copy them all.
            var all = last
            last = []
            for entry in entries {
                guard let i = positions[entry.key.source.absolutePath] else { continue }
                if all[i].metadata != entry.metadata { result.metadataChanged = true }
                if all[i].metadata.identity != entry.metadata.identity { result.identityChanged = true }
                all[i] = entry
            }
            last = all
            result.entries = all
            return result
        }
        let fresh = parse(files, configuration: configuration, reusingUnchanged: true, progress: progress)
        // Files that are gone are dropped (nothing is, when every file was parsed anew).
        if cache.count > fresh.count {
            let present = Set(files.map(\.absolutePath))
            cache = cache.filter { present.contains($0.key) }
        }
        last = fresh.count == files.count ? fresh : files.compactMap { cache[$0.absolutePath] }
        positions = Dictionary(last.enumerated().map { ($1.key.source.absolutePath, $0) }, uniquingKeysWith: { a, _ in a })
        return Result(entries: last, fresh: fresh, patched: false, metadataChanged: true, identityChanged: true)
    }

    /// Parses `files` whose stamp or settings changed (in parallel) into the
    /// cache; returns their new entries.
    private mutating func parse(
        _ files: [SourceFile], configuration: Configuration, reusingUnchanged: Bool, progress: BuildProgress?
    ) -> [Entry] {
        var misses: [(file: SourceFile, key: ParseKey)] = []
        // One `stat` a file, on all cores.
        let settings = configuration.key
        let keys = parallelMap(files) { ParseKey(stamp: FileStamp($0.absolutePath), settings: settings, source: $0) }
        for (file, key) in zip(files, keys) {
            if reusingUnchanged, let cached = cache[file.absolutePath], cached.key == key, key.stamp.isValid { continue }
            misses.append((file, key))
        }
        let options = {
            var options = configuration.config.markdownOptions
            options.contentFolder = configuration.layout.contentPrefix
            return options
        }()
        let title = configuration.config.title
        // Files not in memory are read from disk while others are parsed: a
        // background thread asks for all of them now, instead of each core
        // waiting for one file at a time (a quarter of the parse stage on a
        // network disk whose cache was dropped).
        if misses.count > 1 {
            let paths = misses.map(\.file.absolutePath)
            DispatchQueue.global(qos: .utility).async { for path in paths { Platform.prefetch(path) } }
        }
        let parsed = parallelMap(misses) { miss in
            let (page, diagnostics) = PageParser.parse(miss.file, options: options, siteTitle: title)
            progress?.step()
            return Entry(key: miss.key, page: page, diagnostics: diagnostics, metadata: PageMetadataKey(page))
        }
        cache.reserveCapacity(cache.count + parsed.count)
        for entry in parsed { cache[entry.key.source.absolutePath] = entry }
        return parsed
    }
}
