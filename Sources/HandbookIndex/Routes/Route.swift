/// One output of the build: what it is, where it is, and what it is made from.
package struct Route: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A Markdown page, by its index in `SiteIndex.pages`.
        case page(Int)
        /// The generated page of a folder without an index page.
        case section(folder: String)
        /// A redirect from an old address (its URL path) to a page.
        case alias(page: Int, from: String)
        case tags
        case tag(String)
        /// Pages derived from a ladder (its index in `LeadershipModel.ladders`).
        case ladderTrack(ladder: Int, track: String)
        case ladderLevel(ladder: Int, level: String)
        case sideBySide(ladder: Int)
        /// What changed since the ladder's previous version (`previous:`).
        case ladderChanges(ladder: Int)
        case orgChart
        case processes
        case staleReport
        case unownedReport
        case ownershipFeed
        /// What changed lately (git history), and its Atom feeds: the whole
        /// site's (nil) and one per top-level folder.
        case changes
        case changesFeed(section: String?)
        case notFound
        case sitemap
        case robots
        case searchIndex
        /// A static file of the theme, by its path below `assets/`.
        case themeAsset(String)
        /// A file under the content folder, by its path there.
        case contentAsset(String)
    }

    /// What a route is rendered from. A change to one page's body re-renders
    /// the routes that read that body; a change to the site's metadata (a
    /// title, heading, link, front matter field, setting or template)
    /// re-renders the others.
    package enum Input: Sendable, Hashable {
        /// One page's body, and the site's metadata.
        case body(page: Int)
        /// Every page's body (the search index).
        case bodies
        /// The site's metadata only.
        case metadata
        /// A file copied as it is.
        case file
    }

    package var kind: Kind
    /// The address below the site's base path: `roles/em/`, `sitemap.xml`.
    package var urlPath: String
    /// The file written below the output folder: `roles/em/index.html`.
    package var outputPath: String

    package init(_ kind: Kind, urlPath: String) {
        self.kind = kind
        self.urlPath = urlPath
        outputPath = RoutePaths.outputPath(of: urlPath)
    }

    package var input: Input {
        switch kind {
        case .page(let i): .body(page: i)
        case .searchIndex: .bodies
        case .themeAsset, .contentAsset: .file
        default: .metadata
        }
    }

    /// An HTML page a reader may land on, listed in the sitemap (not the 404,
    /// redirects, feeds or files).
    package var isListed: Bool {
        switch kind {
        case .page, .section, .tags, .tag, .ladderTrack, .ladderLevel, .sideBySide, .ladderChanges, .orgChart, .processes, .staleReport,
            .unownedReport, .changes:
            true
        default: false
        }
    }

    /// Rendered through a template, as opposed to written as data or copied.
    package var isHTML: Bool { outputPath.hasSuffix(".html") || outputPath.hasSuffix(".htm") }
}
