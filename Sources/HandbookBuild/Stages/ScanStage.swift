import HandbookContent

/// The scan stage: which Markdown files and other files the content holds.
/// A rebuild for files the watcher names, all of them known, reuses the last
/// scan (the folder tree is the same); anything else walks the folders again.
struct ScanStage {
    private var last: ContentScanner.Result?
    private var known: Set<String> = []

    /// The scan, and whether it is the last one again.
    mutating func run(_ configuration: Configuration, changed: Set<String>?) -> (scan: ContentScanner.Result, reused: Bool) {
        if let changed, let last, changed.isSubset(of: known) { return (last, true) }
        var excluded = [configuration.output]
        if let templates = configuration.layout.templatesDir { excluded.append(templates) }
        let scan = ContentScanner.scan(configuration.layout, excluding: excluded)
        last = scan
        known = Set(scan.pages.map(\.absolutePath) + scan.assets.map(\.absolutePath))
        return (scan, false)
    }
}
