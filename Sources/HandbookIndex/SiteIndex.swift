import Foundation
import HandbookContent
import HandbookDiagnostics

/// Everything the render stage needs to know about the whole site, built once
/// per build from all parsed pages and read by every page's render.
package struct SiteIndex: Sendable {
    /// `/` or the path of `base_url` (`/handbook/`).
    package let basePath: String
    /// Published pages, ordered by source path.
    package let pages: [Page]
    /// Asset paths inside the content folder.
    package let assets: Set<String>
    package let navigation: Navigation
    /// Problems found while indexing (duplicate URLs, duplicate ids).
    package let diagnostics: [Diagnostic]

    private let pageBySource: [String: Int]
    private let pageByID: [String: Int]

    /// Builds the index. Drafts are left out; when two sources map to the same
    /// output file, the first in index-file priority (`index.md`, `_index.md`,
    /// `README.md`) then path order wins, and the others are reported.
    package init(pages allPages: [Page], assets: [String], basePath: String) {
        var diagnostics: [Diagnostic] = []
        var byOutput: [String: Page] = [:]
        for page in allPages where !page.frontMatter.draft {
            let key = page.outputPath.lowercased()
            if let existing = byOutput[key] {
                let (keep, drop) = Self.preferred(existing, page)
                byOutput[key] = keep
                diagnostics.append(
                    .warning(
                        "url.duplicate", at: SourceLocation(file: drop.source.displayPath),
                        "'\(drop.source.path)' and '\(keep.source.path)' both become /\(keep.urlPath); '\(drop.source.path)' is not published",
                        note: "rename one of them, or give one a different folder"))
            } else {
                byOutput[key] = page
            }
        }
        let pages = byOutput.values.sorted { $0.source.path < $1.source.path }
        var pageByID: [String: Int] = [:]
        for (i, page) in pages.enumerated() {
            if let other = pageByID[page.id] {
                diagnostics.append(
                    .error(
                        "id.duplicate", at: SourceLocation(file: page.source.displayPath),
                        "page id '\(page.id)' is already used by \(pages[other].source.displayPath)"))
            } else {
                pageByID[page.id] = i
            }
        }
        self.pages = pages
        self.basePath = basePath
        self.assets = Set(assets)
        self.pageBySource = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.source.path, $0) })
        self.pageByID = pageByID
        self.navigation = Navigation(pages: pages)
        self.diagnostics = diagnostics
    }

    private static func preferred(_ a: Page, _ b: Page) -> (keep: Page, drop: Page) {
        let pa = PagePaths.indexPriority(of: a.source.path) ?? 3
        let pb = PagePaths.indexPriority(of: b.source.path) ?? 3
        if pa != pb { return pa < pb ? (a, b) : (b, a) }
        return a.source.path < b.source.path ? (a, b) : (b, a)
    }

    package func page(atSource path: String) -> Page? {
        pageBySource[path].map { pages[$0] }
    }

    package func page(withID id: String) -> Page? {
        pageByID[id].map { pages[$0] }
    }

    /// The public URL of a path below the site root (`roles/em/` → `/handbook/roles/em/`),
    /// percent-encoded where a URL needs it.
    package func url(_ urlPath: String) -> String {
        // Most paths are plain ASCII file names: skip Foundation's encoder for them.
        if urlPath.utf8.allSatisfy(Self.isPlainPathByte) { return basePath + urlPath }
        return basePath + (urlPath.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? urlPath)
    }

    private static func isPlainPathByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "/"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    package func url(of page: Page) -> String { url(page.urlPath) }

    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";?#")
        return set
    }()
}
