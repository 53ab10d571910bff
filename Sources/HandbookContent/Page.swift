import HandbookMarkdown

/// One Markdown page after parsing: what it is, where it goes, and what it
/// contains, as plain values. Its body is kept as text so that the render
/// stage can convert it once the whole site's URLs are known.
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

    /// Everything about this page that other pages, the index and the
    /// navigation can depend on: not the prose, and not the positions of
    /// things in it. Two versions of a page with the same key differ only in
    /// what the page itself renders. (Hash values are per process: this key is
    /// for the preview server's in-memory caches, never stored.)
    package var metadataKey: Int {
        var h = Hasher()
        h.combine(source.path)
        h.combine(id)
        h.combine(title)
        h.combine(urlPath)
        h.combine(isFolderIndex)
        h.combine(frontMatterSource)
        for heading in document.headings {
            h.combine(heading.level)
            h.combine(heading.text)
            h.combine(heading.id)
        }
        h.combine(document.htmlAnchors)
        // Links, with the heading each one follows (backlinks name that section).
        var headingIndex = -1
        var next = 0
        for link in document.links {
            while next < document.headings.count, document.headings[next].line <= link.line {
                headingIndex = next
                next += 1
            }
            h.combine(link.kind.rawValue)
            h.combine(link.destination)
            h.combine(headingIndex)
        }
        return h.finalize()
    }
    /// The Markdown after the front matter.
    package var body: String
    /// Lines taken by the front matter, so positions in `body` map to the file.
    package var bodyLineOffset: Int
    /// Headings and links of the body (no HTML yet).
    package var document: MarkdownDocument
    /// True for `index.md`, `_index.md` and `README.md`.
    package var isFolderIndex: Bool
    /// The page's URL path below the site's base, without a leading slash:
    /// `roles/engineering-manager/`, `roles/`, or `` for the home page.
    package var urlPath: String
    /// The file written below the output folder: `roles/engineering-manager/index.html`.
    package var outputPath: String

    /// The folder holding the source, inside the content folder (`roles`, or ``).
    package var sourceFolder: String {
        guard let slash = source.path.lastIndex(of: "/") else { return "" }
        return String(source.path[..<slash])
    }

    /// The section a page belongs to: its first folder, or `` at the top.
    package var section: String {
        let folder = isFolderIndex ? parentFolder(of: sourceFolder) : sourceFolder
        return isFolderIndex && sourceFolder.split(separator: "/").count == 1
            ? sourceFolder : String(folder.split(separator: "/").first ?? "")
    }

    private func parentFolder(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }
}

/// Where a Markdown file's page goes, from its path alone.
package enum PagePaths {
    static let indexNames: [String] = ["index.md", "_index.md", "readme.md"]

    /// 0 for `index.md`, 1 for `_index.md`, 2 for `README.md`, nil otherwise:
    /// when a folder has several, the lowest wins.
    package static func indexPriority(of path: String) -> Int? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return indexNames.firstIndex(of: name)
    }

    /// `(urlPath, outputPath, defaultID)` for a content path.
    package static func locate(_ path: String) -> (urlPath: String, outputPath: String, id: String) {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        if indexPriority(of: path) != nil {
            if folder.isEmpty { return ("", "index.html", "index") }
            return (folder + "/", folder + "/index.html", folder)
        }
        let stem = String(path.dropLast(3))  // ".md"
        return (stem + "/", stem + "/index.html", stem)
    }

    /// A readable title from a file or folder name: `engineering-manager` → `Engineering manager`.
    package static func titleFromName(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        guard let first = words.first else { return name }
        return first.uppercased() + words.dropFirst()
    }
}
