/// The site a run rendered, as the preview server serves it: each output
/// path with its text or the file it copies. A snapshot of the render
/// stage's memory, shared and never copied file by file.
public struct RenderedSite: Sendable {
    /// Output paths in route order.
    let paths: [String]
    let contents: [String: OutputFile.Contents]

    static let empty = RenderedSite(paths: [], contents: [:])

    init(paths: [String], contents: [String: OutputFile.Contents]) {
        self.paths = paths
        self.contents = contents
    }

    /// A site made of these files.
    public init(files: [OutputFile]) {
        paths = files.map(\.path)
        contents = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    /// The contents of one output file, if the site has it.
    public func contents(of path: String) -> OutputFile.Contents? { contents[path] }

    /// Every output file, in route order.
    public var files: [OutputFile] {
        paths.compactMap { path in contents[path].map { OutputFile(path: path, contents: $0) } }
    }
}
