import HandbookContent

/// The scan stage: which Markdown files and other files the content holds.
/// A rebuild for files the watcher names, all of them known, reuses the last
/// scan (the folder tree is the same); anything else walks the folders again.
struct ScanStage {
    private var last: ContentScanner.Result?

    mutating func run(_ configuration: Configuration, changed: Set<String>?) -> ContentScanner.Result {
        if let changed, let last, changed.allSatisfy({ path in
            last.pages.contains { $0.absolutePath == path } || last.assets.contains { $0.absolutePath == path }
        }) {
            return last
        }
        var excluded = [configuration.output]
        if let templates = configuration.layout.templatesDir { excluded.append(templates) }
        let scan = ContentScanner.scan(configuration.layout, excluding: excluded)
        last = scan
        return scan
    }
}
