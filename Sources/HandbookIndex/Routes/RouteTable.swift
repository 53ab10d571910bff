import HandbookContent
import HandbookDiagnostics

/// Every output of the build, each with its address: pages, generated section
/// pages, redirects, tag pages, the pages derived from ladders and roles, the
/// reports, `404.html`, `sitemap.xml`, `robots.txt`, the search index, and the
/// files copied from the theme and the content. Links resolve against it, the
/// sitemap lists it, the render and write stages and the preview server read
/// it; nothing else decides where an output goes (`RoutePaths` holds the rules).
package struct RouteTable: Sendable {
    package private(set) var routes: [Route] = []
    private var byKind: [Route.Kind: Int] = [:]
    /// URL path (`org-chart/`, `sitemap.xml`) → route, for resolving links.
    private var byURLPath: [String: Int] = [:]
    /// Refused addresses: duplicates, conflicts, invalid aliases.
    package private(set) var diagnostics: [Diagnostic] = []

    /// What the route table needs beyond the index and the leadership model.
    package struct Inputs: Sendable {
        /// Names of the theme's static files, below its `assets/`.
        package var themeAssets: [String]
        /// The site's git history will be read: it has a "what changed" page.
        package var readsHistory: Bool

        package init(themeAssets: [String], readsHistory: Bool = false) {
            self.themeAssets = themeAssets
            self.readsHistory = readsHistory
        }
    }

    package init(index: SiteIndex, leadership: LeadershipModel, inputs: Inputs) {
        var book = index.addresses
        let earlier = book.diagnostics.count
        func add(_ kind: Route.Kind, _ urlPath: String, _ claimant: AddressBook.Claimant = .generated) {
            let route = Route(kind, urlPath: urlPath)
            guard book.claim(route.outputPath, by: claimant) else { return }
            byKind[kind] = routes.count
            byURLPath[urlPath] = routes.count
            routes.append(route)
        }
        // Pages have claimed their addresses in the index already.
        for (i, page) in index.pages.enumerated() {
            let route = Route(.page(i), urlPath: page.urlPath)
            byKind[route.kind] = routes.count
            byURLPath[route.urlPath] = routes.count
            routes.append(route)
        }
        // A folder without an index page gets a generated one, unless a page took its address (`slug: /`).
        for section in index.navigation.sections where section.sourcePath == nil {
            let urlPath = RoutePaths.section(section.folder ?? "")
            if byURLPath[urlPath] == nil { add(.section(folder: section.folder ?? ""), urlPath) }
        }
        for (i, page) in index.pages.enumerated() {
            for alias in page.frontMatter.aliases {
                guard let urlPath = RoutePaths.alias(alias, basePath: index.basePath) else {
                    diagnostics.append(
                        .warning(
                            DiagnosticID.aliasInvalid, at: SourceLocation(file: page.source.displayPath),
                            "alias '\(alias)' is not a path inside the site"))
                    continue
                }
                add(.alias(page: i, from: urlPath), urlPath, .alias(alias, file: page.source.displayPath))
            }
        }
        let tags = Set(index.pages.flatMap(\.frontMatter.tags)).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        if !tags.isEmpty {
            add(.tags, RoutePaths.tags)
            for tag in tags { add(.tag(tag), RoutePaths.tag(tag)) }
        }
        if !leadership.roles.isEmpty { add(.orgChart, RoutePaths.orgChart) }
        if !leadership.processes.isEmpty || index.pages.contains(where: { Lifecycle.status(of: $0) != nil }) {
            add(.processes, RoutePaths.processes)
        }
        for (l, ladder) in leadership.ladders.enumerated() {
            let base = index.pages[ladder.page].urlPath
            for track in ladder.tracks { add(.ladderTrack(ladder: l, track: track.id), RoutePaths.ladderTrack(base, track: track.id)) }
            for level in ladder.levels { add(.ladderLevel(ladder: l, level: level.id), RoutePaths.ladderLevel(base, level: level.id)) }
            add(.sideBySide(ladder: l), RoutePaths.sideBySide(base))
            if leadership.previousLadder(of: l) != nil { add(.ladderChanges(ladder: l), RoutePaths.ladderChanges(base)) }
        }
        if index.usesOwnership {
            add(.staleReport, RoutePaths.staleReport)
            add(.unownedReport, RoutePaths.unownedReport)
            add(.ownershipFeed, RoutePaths.ownershipFeed)
        }
        // A sitemap and feeds need absolute URLs, so only a site with an absolute base_url has them.
        if inputs.readsHistory {
            add(.changes, RoutePaths.changes)
            if index.settings.baseURL != nil {
                add(.changesFeed(section: nil), RoutePaths.changesFeed(section: nil))
                for section in index.navigation.root.children {
                    if let folder = section.folder { add(.changesFeed(section: folder), RoutePaths.changesFeed(section: folder)) }
                }
            }
        }
        add(.notFound, RoutePaths.notFound)
        if index.settings.baseURL != nil { add(.sitemap, RoutePaths.sitemap) }
        add(.robots, RoutePaths.robots)
        add(.searchIndex, RoutePaths.searchIndex)
        for name in inputs.themeAssets.sorted() { add(.themeAsset(name), RoutePaths.themeAsset(name)) }
        // A Docusaurus folder's `_category_.json` names it in the sidebar; it is not published.
        for asset in index.assetFiles where !NavigationHints.isCategoryFile(asset.path) {
            add(.contentAsset(asset.path), RoutePaths.contentAsset(asset.path), .contentFile(file: asset.displayPath))
        }
        diagnostics += book.diagnostics.dropFirst(earlier)
    }

    /// No routes: for resolving references that can only name pages.
    private init() {}
    static let empty = RouteTable()

    package func route(_ kind: Route.Kind) -> Route? { byKind[kind].map { routes[$0] } }

    /// The route at a URL path below the base (`org-chart/`, `tags/hiring/`).
    package func route(atURLPath urlPath: String) -> Route? { byURLPath[urlPath].map { routes[$0] } }

    package func index(of kind: Route.Kind) -> Int? { byKind[kind] }
}
