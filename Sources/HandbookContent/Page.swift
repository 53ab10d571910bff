import HandbookMarkdown

/// One Markdown page after parsing: what it is and what it contains, as
/// plain values. Its body is converted once, into a template whose link URLs
/// are filled in by the render stage once the whole site's URLs are known.
package struct Page: Sendable {
    package var source: SourceFile
    /// Front matter `id`, else the path without extension (`roles/engineering-manager`);
    /// a folder's index page takes the folder's path (`roles`), the home page `index`.
    package var id: String
    package var title: String
    package var frontMatter: FrontMatter
    package var kind: PageKind { frontMatter.kind }
    /// The kind's own keys, decoded (roles, processes, ladders).
    package var spec: KindSpec = .page
    /// The front matter's YAML text, for telling whether it changed.
    package var frontMatterSource = ""
    /// Identifies the Markdown after the front matter (for caches: the hash
    /// is per process, never stored).
    package var bodyHash: Int
    /// Lines taken by the front matter, so positions in the body map to the file.
    package var bodyLineOffset: Int
    /// Headings, links and anchors of the body, and its HTML template.
    package var document: MarkdownDocument
    /// True for `index.md`, `_index.md` and `README.md`.
    package var isFolderIndex: Bool

    /// The folder holding the source, inside the content folder (`roles`, or ``).
    package var sourceFolder: String {
        guard let slash = source.path.lastIndex(of: "/") else { return "" }
        return String(source.path[..<slash])
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
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return indexNames.firstIndex(of: name)
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
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}
