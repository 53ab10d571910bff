import HandbookContent
import HandbookDiagnostics
import HandbookSystem

/// The parse stage: every Markdown file read and converted once, in
/// parallel. A file whose stamp and settings are unchanged comes from the
/// cache; with `onlyChanged` (the watcher's list) other files are not even
/// looked at.
struct ParseStage {
    struct Entry: Sendable {
        var key: ParseKey
        var page: Page
        var diagnostics: [Diagnostic]
    }

    /// Absolute path → the file's last parse.
    private var cache: [String: Entry] = [:]

    /// Every page in scan order, and the source paths parsed anew.
    mutating func run(_ files: [SourceFile], configuration: Configuration, onlyChanged: Set<String>?) -> (
        entries: [Entry], fresh: Set<String>
    ) {
        var keys: [ParseKey?] = []
        var misses: [Int] = []
        for (i, file) in files.enumerated() {
            if let onlyChanged, !onlyChanged.contains(file.absolutePath), let cached = cache[file.absolutePath],
                cached.key.settings == configuration.key, cached.key.source == file
            {
                keys.append(nil)
                continue
            }
            let key = ParseKey(stamp: FileStamp(file.absolutePath), settings: configuration.key, source: file)
            keys.append(key)
            if let cached = cache[file.absolutePath], cached.key == key, key.stamp.isValid { continue }
            misses.append(i)
        }
        let options = configuration.config.markdownOptions
        let title = configuration.config.title
        let parsed = parallelMap(misses) { i in PageParser.parse(files[i], options: options, siteTitle: title) }
        var fresh: Set<String> = []
        for (k, i) in misses.enumerated() {
            guard let key = keys[i] else { continue }
            cache[files[i].absolutePath] = Entry(key: key, page: parsed[k].0, diagnostics: parsed[k].1)
            fresh.insert(files[i].path)
        }
        if onlyChanged == nil {
            let present = Set(files.map(\.absolutePath))
            cache = cache.filter { present.contains($0.key) }
        }
        let entries = files.compactMap { cache[$0.absolutePath] }
        return (entries, fresh)
    }
}
