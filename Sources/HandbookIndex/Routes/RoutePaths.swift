import HandbookContent
import HandbookMarkdown

/// Every address Handbook writes, decided here and nowhere else. Paths are
/// below the site's base path, without a leading slash: `roles/tech-lead/`
/// (a folder, written as `roles/tech-lead/index.html`) or `sitemap.xml`.
package enum RoutePaths {
    /// A Markdown page: `roles/em.md` → `roles/em/`; a folder's index page
    /// (`index.md`, `_index.md`, `README.md`) → its folder; the home page → ``.
    /// A `slug` replaces the address's last part, or the whole address when it
    /// starts with `/` (Docusaurus and Hugo's meaning); one that is not a
    /// plain path inside the site is ignored.
    package static func page(_ sourcePath: String, slug: String?) -> String {
        let address = page(sourcePath)
        guard let slug else { return address }
        if slug == "/" { return "" }  // the home page (Docusaurus' `slug: /`)
        let parts = slug.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains("."), !slug.contains("?"), !slug.contains("#") else { return address }
        if slug.hasPrefix("/") { return parts.joined(separator: "/") + "/" }
        var folder = address.split(separator: "/").dropLast().map(String.init)
        if address.isEmpty { folder = [] }
        return (folder + parts).joined(separator: "/") + "/"
    }

    package static func page(_ sourcePath: String) -> String {
        if PagePaths.indexPriority(of: sourcePath) != nil {
            let folder = sourcePath.lastIndex(of: "/").map { String(sourcePath[..<$0]) } ?? ""
            return folder.isEmpty ? "" : folder + "/"
        }
        var path = sourcePath
        path.removeLast(3)  // ".md"
        return path + "/"
    }

    /// The generated page of a folder without an index page.
    package static func section(_ folder: String) -> String { folder.isEmpty ? "" : folder + "/" }

    /// An `aliases` entry: `/old/em/` → `old/em/`, `/old/em.html` → `old/em.html`;
    /// nil when it is not a path inside the site.
    package static func alias(_ alias: String, basePath: String) -> String? {
        var path = alias
        if let scheme = path.range(of: "://") {
            guard let slash = path[scheme.upperBound...].firstIndex(of: "/") else { return nil }
            path = String(path[slash...])
        }
        if basePath != "/", path.hasPrefix(basePath) { path = "/" + path.dropFirst(basePath.count) }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else { return nil }
        let joined = parts.joined(separator: "/")
        if joined.hasSuffix(".html") || joined.hasSuffix(".htm") { return joined }
        return joined + "/"
    }

    package static let tags = "tags/"
    package static func tag(_ name: String) -> String { tags + slug(name) + "/" }

    /// The pages derived from a ladder, below the ladder page's own path.
    package static func ladderTrack(_ ladder: String, track: String) -> String { ladder + "tracks/" + slug(track) + "/" }
    package static func ladderLevel(_ ladder: String, level: String) -> String { ladder + "levels/" + slug(level) + "/" }
    package static func sideBySide(_ ladder: String) -> String { ladder + "side-by-side/" }
    /// What changed since the ladder's previous version.
    package static func ladderChanges(_ ladder: String) -> String { ladder + "changes/" }

    package static let orgChart = "org-chart/"
    package static let processes = "reports/processes/"
    package static let staleReport = "reports/stale/"
    package static let unownedReport = "reports/unowned/"
    package static let ownershipFeed = "reports/ownership.json"
    /// What changed, from git: the page, the whole site's feed, one feed per top-level folder.
    package static let changes = "changes/"
    package static func changesFeed(section folder: String?) -> String { changes + (folder.map { $0 + "/" } ?? "") + "feed.xml" }
    package static let notFound = "404.html"
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"

    /// The theme's static files and the search index live apart from content.
    package static let themeFolder = "_handbook/"
    package static func themeAsset(_ name: String) -> String { themeFolder + name }
    /// The folder of the search index's files (`SearchIndex` names the others).
    package static let searchFolder = themeFolder + "search/"
    package static let searchIndex = searchFolder + "meta.json"

    /// A file under the content folder keeps its path.
    package static func contentAsset(_ path: String) -> String { path }

    /// The file written for an address: a folder address gets `index.html`.
    package static func outputPath(of urlPath: String) -> String {
        urlPath.isEmpty || urlPath.hasSuffix("/") ? urlPath + "index.html" : urlPath
    }

    /// Tag names, track and level ids in addresses: GitHub's heading slugs.
    package static func slug(_ name: String) -> String { HeadingSlugger.baseSlug(name) }
}
