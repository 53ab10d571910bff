import HandbookMarkdown

/// One Markdown page after parsing: what it is and what it contains, as
/// plain values. Its body is converted once, into a template whose link URLs
/// are filled in by the render stage once the whole site's URLs are known.
///
/// A class of constants, so that the many places that read a page share it
/// instead of copying its twenty fields.
package final class Page: Sendable {
    package let source: SourceFile
    /// Front matter `id`, else the path without extension (`roles/engineering-manager`);
    /// a folder's index page takes the folder's path (`roles`), the home page `index`.
    package let id: String
    package let title: String
    package let frontMatter: FrontMatter
    package var kind: PageKind { frontMatter.kind }
    /// The kind's own keys, decoded (roles, processes, ladders).
    package let spec: KindSpec
    /// The front matter's YAML text, for telling whether it changed.
    package let frontMatterSource: String
    /// Identifies the Markdown after the front matter (for caches: the hash
    /// is per process, never stored).
    package let bodyHash: Int
    /// Lines taken by the front matter, so positions in the body map to the file.
    package let bodyLineOffset: Int
    /// Headings, links and anchors of the body, and its HTML template.
    package let document: MarkdownDocument
    /// True for `index.md`, `_index.md` and `README.md`.
    package let isFolderIndex: Bool
    /// The folder holding the source, inside the content folder (`roles`, or ``).
    package let sourceFolder: String

    package init(
        source: SourceFile, id: String, title: String, frontMatter: FrontMatter, spec: KindSpec, frontMatterSource: String,
        bodyHash: Int, bodyLineOffset: Int, document: MarkdownDocument, isFolderIndex: Bool
    ) {
        self.source = source
        self.id = id
        self.title = title
        self.frontMatter = frontMatter
        self.spec = spec
        self.frontMatterSource = frontMatterSource
        self.bodyHash = bodyHash
        self.bodyLineOffset = bodyLineOffset
        self.document = document
        self.isFolderIndex = isFolderIndex
        sourceFolder = source.path.lastIndex(of: "/").map { String(source.path[..<$0]) } ?? ""
    }
}

/// What a Markdown file's path says about its page: whether it is its
/// folder's index page, and its default id. (Its address is the index's
/// business: `RoutePaths`.)
package enum PagePaths {
    static let indexNames: [String] = ["index.md", "_index.md", "readme.md"]

    /// 0 for `index.md`, 1 for `_index.md`, 2 for `README.md`, nil otherwise:
    /// when a folder has several, the lowest wins.
    package static func indexPriority(of path: String) -> Int? {
        let utf8 = path.utf8
        let name = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8[utf8.index(after: $0)...] } ?? utf8[...]
        // Most names are not index names: compare lengths before anything else.
        guard name.count == 8 || name.count == 9 else { return nil }
        let lowered = String(decoding: name.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        return indexNames.firstIndex(of: lowered)
    }

    /// The path without `.md` (`roles/engineering-manager`); a folder's index
    /// page takes the folder's path (`roles`), the home page `index`.
    package static func defaultID(_ path: String) -> String {
        guard indexPriority(of: path) != nil else { return String(path.dropLast(3)) }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        return folder.isEmpty ? "index" : folder
    }

    /// A readable title from a file or folder name: `engineering-manager` → `Engineering manager`.
    package static func titleFromName(_ name: String) -> String {
        let words = String(name.map { $0 == "-" || $0 == "_" ? " " : $0 })
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}
