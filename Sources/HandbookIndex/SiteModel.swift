import HandbookContent
import HandbookDiagnostics

/// Everything the index and route stages know of the whole site, for the
/// checks and the render stage: the pages and their lookups, the leadership
/// model, review dates, every output's address, and every link resolved
/// against those addresses.
package struct SiteModel: Sendable {
    package private(set) var index: SiteIndex
    package let leadership: LeadershipModel
    package let reviews: ReviewSchedule
    package let routes: RouteTable
    package private(set) var graph: LinkGraph
    /// Statuses, versions and what replaces what.
    package var lifecycle: Lifecycle { leadership.lifecycle }
    /// What a broken link may have meant: page paths, folders and files.
    let linkTargets: LazyNameIndex
    /// What a broken wiki link may have meant: page titles.
    let titles: LazyNameIndex

    package init(index: SiteIndex, leadership: LeadershipModel, reviews: ReviewSchedule, routes: RouteTable, graph: LinkGraph) {
        self.index = index
        self.leadership = leadership
        self.reviews = reviews
        self.routes = routes
        self.graph = graph
        linkTargets = LazyNameIndex {
            index.pages.map { String($0.source.path.dropLast(3)) }
                + index.navigation.sections.compactMap(\.folder).filter { !$0.isEmpty } + index.assets.sorted()
        }
        titles = LazyNameIndex { index.pages.map(\.title) }
    }

    /// The index, route and link stages in one call (tests and tools).
    package init(
        pages: [Page], assets: [SourceFile], settings: SiteIndex.Settings, today: CalendarDate = CalendarDate(year: 2026, month: 1, day: 1),
        reviewEvery: ReviewInterval? = ReviewInterval("6m"), themeAssets: [String] = []
    ) {
        let index = SiteIndex(pages: pages, assets: assets, settings: settings)
        let leadership = LeadershipModel(index: index)
        let routes = RouteTable(index: index, leadership: leadership, inputs: .init(themeAssets: themeAssets))
        self.init(
            index: index, leadership: leadership, reviews: ReviewSchedule(index: index, today: today, defaultInterval: reviewEvery),
            routes: routes, graph: LinkGraph(index: index, routes: routes))
    }

    /// The same site with some pages replaced by versions whose metadata did
    /// not change (only their prose and positions differ): every address,
    /// lookup and the leadership model stay; only their links are resolved again.
    package func replacing(_ replacements: [Int: Page]) -> SiteModel {
        guard !replacements.isEmpty else { return self }
        var copy = self
        copy.index = index.replacing(replacements)
        copy.graph = graph.updating(pages: replacements.keys.sorted(), index: copy.index, routes: routes)
        return copy
    }

    /// The same site with some pages' links or headings changed (not their
    /// paths, ids, titles or front matter): the pages whose backlinks change
    /// come back too.
    package func replacing(structureOf replacements: [Int: Page]) -> (SiteModel, affected: Set<Int>) {
        guard !replacements.isEmpty else { return (self, []) }
        var copy = self
        copy.index = index.replacing(replacements)
        let (graph, affected) = graph.updating(structureOf: replacements.keys.sorted(), index: copy.index, routes: routes)
        copy.graph = graph
        return (copy, affected)
    }

    package func url(of route: Route) -> String { index.url(of: route) }

    /// The page (and section) an include of page `i` (its link at `link`) shows, when it resolves.
    package func includeTarget(page i: Int, link: Int) -> (page: Int, fragment: String?)? {
        guard graph.entries.indices.contains(i), graph.entries[i].indices.contains(link),
            case .page(let j, let fragment, _) = graph.entries[i][link].resolution
        else { return nil }
        return (j, fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Every page whose output shows page `i`'s body through includes, however deep.
    package func includers(of pages: Set<Int>) -> Set<Int> {
        var byTarget: [Int: [Int]] = [:]
        for (source, page) in index.pages.enumerated() where !page.document.includes.isEmpty {
            for link in page.document.includes {
                if let (j, _) = includeTarget(page: source, link: link) { byTarget[j, default: []].append(source) }
            }
        }
        guard !byTarget.isEmpty else { return [] }
        var found: Set<Int> = []
        var queue = Array(pages)
        while let j = queue.popLast() {
            for source in byTarget[j] ?? [] where found.insert(source).inserted { queue.append(source) }
        }
        return found.subtracting(pages)
    }

    /// The URL of a generated output; `` when the site does not have it.
    package func url(_ kind: Route.Kind) -> String { routes.route(kind).map { index.url(of: $0) } ?? "" }
}
