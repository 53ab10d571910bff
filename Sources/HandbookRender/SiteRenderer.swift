import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookEscaping
import HandbookIndex
import HandbookMarkdown
import HandbookSystem

/// Renders the site's routes through the theme. It is built once per build,
/// pre-renders each folder's sidebar once, and is then read by every route's
/// render in parallel (it holds only immutable values).
package struct SiteRenderer: Sendable {
    package private(set) var site: SiteModel
    package let theme: Theme
    package let siteView: SiteView
    /// Previous and next page within each page's folder, by page index.
    private let pager: [Int: (previous: Int?, next: Int?)]
    /// Each page's sidebar, spliced from parts rendered once.
    private let sidebars: SidebarBuilder
    /// `public: true`: robots.txt lets crawlers in.
    private let isPublic: Bool
    private let tagged: [String: [Int]]
    /// Each tag's page URL, looked up once for the tag lists of every page.
    private let tagURLs: [String: String]
    /// Who maintains each file, from the repository's CODEOWNERS.
    let codeOwners: CodeOwners?
    /// When each file last changed, from git.
    let history: GitHistory?
    /// `repo_url`, for edit and commit links.
    let repoURL: String?
    /// `changes_weeks`: how far back the "what changed" page goes.
    let changeWeeks: Int

    var index: SiteIndex { site.index }
    var leadership: LeadershipModel { site.leadership }
    var reviews: ReviewSchedule { site.reviews }

    package init(site: SiteModel, theme: Theme, config: SiteConfig, codeOwners: CodeOwners? = nil, history: GitHistory? = nil) {
        self.site = site
        self.codeOwners = codeOwners
        self.history = history
        self.repoURL = config.repoURL
        self.changeWeeks = config.changeWeeks
        self.theme = theme
        self.isPublic = config.isPublic
        let index = site.index
        // Each folder's sidebar, and the tag lists and pager, on two cores.
        let (sidebars, (tagged, pager)) = concurrently({ SidebarBuilder(index: index, theme: theme) }, { (Self.tagged(index), Self.pager(for: index)) })
        self.sidebars = sidebars
        self.tagged = tagged
        tagURLs = tagged.keys.reduce(into: [:]) { urls, tag in urls[tag] = site.url(.tag(tag)) }
        self.pager = pager
        // Without a title in handbook.yml, a folder of Markdown is named by its home page (its README's heading).
        let home = config.titleIsSet ? nil : index.pages.indices.first { index.url(ofPage: $0) == index.basePath }
        var links: [LinkView] = []
        for (title, kind) in [
            ("Org chart", Route.Kind.orgChart), ("Processes", .processes), ("Tags", .tags), ("Due for review", .staleReport), ("What changed", .changes),
        ]
        where site.routes.route(kind) != nil {
            links.append(LinkView(title: title, url: site.url(kind)))
        }
        self.siteView = SiteView(
            title: home.map { index.pages[$0].title } ?? config.title, language: config.language, homeURL: index.basePath,
            themeURL: index.basePath + RoutePaths.themeFolder, links: links)
    }

    /// The same renderer over a site whose metadata did not change: the
    /// sidebars, pager and site links are kept.
    package func updating(site: SiteModel) -> SiteRenderer {
        var copy = self
        copy.site = site
        return copy
    }

    /// What rendering a route gives.
    package struct Output: Sendable {
        /// The file's UTF-8 bytes.
        package var bytes: [UInt8]
        package var diagnostics: [Diagnostic]
        /// The route's entry in the search index (pages and ladder levels).
        package var search: SearchIndex.Document?
    }

    /// A route ready to render: a view and its template, or text made
    /// directly. Its hash covers everything the output is made from (for a
    /// page, with its body's source and link rewrites standing for the body),
    /// so that a rebuild renders again only what changed.
    package struct Job: Sendable, Hashable {
        package enum Content: Sendable, Hashable {
            case view(PageView, template: String, file: String)
            case text(String)
        }

        package var content: Content
        /// The page whose body fills the view, with what the body is made of.
        var body: Body?
        /// The route's search entry, when it is known before rendering (levels).
        var search: SearchIndex.Document?

        struct Body: Sendable, Hashable {
            var page: Int
            var source: Int
            var rewrites: [LinkRewrite?]
            /// What the pages it includes are made of (`![[…]]`), however deep.
            var included: [Included] = []
        }

        struct Included: Sendable, Hashable {
            var page: Int
            var source: Int
            var rewrites: [LinkRewrite?]
        }
    }

    /// Where the body's opening `<h1 …>…</h1>\n` ends.
    private static func endOfFirstHeading(_ html: String) -> String.Index? {
        let closing = Array("</h1>\n".utf8)
        let utf8 = html.utf8
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if utf8[i] == closing[0], utf8[i...].starts(with: closing) { return utf8.index(i, offsetBy: closing.count) }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// The job of one route; nil for what is not rendered here (copied files,
    /// and the search index, which the build assembles from the pages').
    package func job(for route: Route) -> Job? {
        func view(_ rendered: (PageView, String, String)) -> Job { Job(content: .view(rendered.0, template: rendered.1, file: rendered.2)) }
        switch route.kind {
        case .page(let i):
            let page = index.pages[i]
            var job = view(pageView(i))
            job.body = Job.Body(
                page: i, source: page.bodyHash, rewrites: site.graph.entries[i].map(\.rewrite), included: included(by: i))
            return job
        case .section(let folder):
            return index.navigation.section(forFolder: folder).map { view(sectionView($0)) }
        case .alias(let page, _): return view(redirectView(toPage: page))
        case .tags: return view(tagIndexView())
        case .tag(let tag): return view(tagView(tag))
        case .ladderTrack(let l, let track):
            guard let ladder = ladder(l), let track = ladder.tracks.first(where: { $0.id == track }) else { return nil }
            return view(matrixView(ladder, l, track: track))
        case .ladderLevel(let l, let id):
            guard let ladder = ladder(l), let level = ladder.level(id) else { return nil }
            var job = view(levelView(ladder, l, level: level))
            job.search = levelSearchDocument(ladder, l, level: level)
            return job
        case .sideBySide(let l):
            return ladder(l).map { view(sideBySideView($0, l)) }
        case .ladderChanges(let l):
            guard let ladder = ladder(l), let previous = leadership.previousLadder(of: l) else { return nil }
            return view(ladderChangesView(ladder, l, previous: previous))
        case .orgChart: return view(orgChartView())
        case .processes: return view(processIndexView())
        case .staleReport: return view(staleReportView())
        case .unownedReport: return view(unownedReportView())
        case .ownershipFeed: return Job(content: .text(ownershipFeed()))
        case .changes: return view(changesView())
        case .changesFeed(let section): return changesFeed(section: section).map { Job(content: .text($0)) }
        case .notFound: return view(notFoundView())
        case .sitemap: return SiteFiles.sitemap(site, history: history).map { Job(content: .text($0)) }
        case .robots:
            let sitemapURL = site.routes.route(.sitemap) == nil ? nil : absoluteURL(.sitemap)
            return Job(content: .text(SiteFiles.robots(isPublic: isPublic, sitemapURL: sitemapURL)))
        case .searchIndex, .themeAsset, .contentAsset: return nil
        }
    }

    /// Renders a job: a page's body is filled in here, then the template applied.
    package func render(_ job: Job) -> Output {
        switch job.content {
        case .text(let text):
            return Output(bytes: Array(text.utf8), diagnostics: [], search: nil)
        case .view(var view, let template, let file):
            view.navigationHTML = view.navigation.map(sidebars.html) ?? ""
            var search = job.search
            if let body = job.body {
                let page = index.pages[body.page]
                let html = expandingIncludes(page.document.html(rewriting: { site.graph.rewrite(page: body.page, link: $0) }), page: body.page)
                // A body that opens with its own `# heading` keeps it as the page's
                // title: it is lifted out so the summary and contents come after it.
                view.body = html
                if page.document.headings.first?.level == 1, html.hasPrefix("<h1"), let end = Self.endOfFirstHeading(html) {
                    view.heading = String(html[..<end])
                    view.body = String(html[end...])
                    view.showTitle = false
                }
                search = searchDocument(body.page, html: html)
            }
            let (html, problems) = renderView(view, template: template, file: file)
            return Output(bytes: html, diagnostics: problems, search: search)
        }
    }

    /// The pages page `i` shows through its includes (as deep as they are
    /// shown), with what each is made of.
    private func included(by i: Int) -> [Job.Included] {
        guard !index.pages[i].document.includes.isEmpty else { return [] }
        var seen: Set<Int> = [i]
        var order: [Int] = []
        var level = [i]
        for _ in 0..<IncludeCheck.maximumDepth where !level.isEmpty {
            var next: [Int] = []
            for p in level {
                for link in index.pages[p].document.includes {
                    guard let (j, _) = site.includeTarget(page: p, link: link), seen.insert(j).inserted else { continue }
                    order.append(j)
                    next.append(j)
                }
            }
            level = next
        }
        return order.map { Job.Included(page: $0, source: index.pages[$0].bodyHash, rewrites: site.graph.entries[$0].map(\.rewrite)) }
    }

    /// Renders one route (`job(for:)`, then `render(_:)`).
    package func render(_ route: Route) -> Output? { job(for: route).map { render($0) } }

    private func ladder(_ l: Int) -> Ladder? { leadership.ladders.indices.contains(l) ? leadership.ladders[l] : nil }

    /// `https://host/base/sitemap.xml` for an absolute `base_url`.
    private func absoluteURL(_ kind: Route.Kind) -> String? {
        guard let base = index.settings.baseURL, let route = site.routes.route(kind) else { return nil }
        return (base.hasSuffix("/") ? base : base + "/") + route.urlPath
    }

    /// The sidebar of a page in `folder` whose entry there has the address
    /// `urlPath`, with that entry marked as the current page (spliced into
    /// HTML when the view is rendered).
    func navigation(folder: String, current urlPath: String?, currentURL: String? = nil) -> SidebarBuilder.Sidebar? {
        sidebars.sidebar(folder: folder, current: urlPath, currentURL: currentURL ?? urlPath.map { index.url($0) })
    }

    func breadcrumbs(for urlPath: String, includingLast: Bool) -> [LinkView] {
        var trail = index.navigation.trail(to: urlPath)
        if !includingLast, trail.last?.urlPath == urlPath { trail.removeLast() }
        return trail.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: true) }
    }

    /// A Markdown page's view, without its body (filled in when rendered).
    func pageView(_ pageIndex: Int) -> (PageView, String, String) {
        let page = index.pages[pageIndex]
        let url = index.url(ofPage: pageIndex)
        let urlPath = page.urlPath
        let neighbours = pager[pageIndex]
        var view = PageView(
            site: siteView, title: page.title, url: url, kind: page.kind.rawValue, summary: page.frontMatter.summary,
            body: nil, showTitle: true,
            navigation: navigation(folder: page.sourceFolder, current: urlPath, currentURL: url),
            breadcrumbs: breadcrumbs(for: urlPath, includingLast: false),
            entries: sectionEntries(for: page),
            toc: page.document.headings.filter { $0.level == 2 || $0.level == 3 }.map {
                TOCEntryView(title: $0.text, url: "#" + $0.id, level: $0.level)
            },
            backlinks: site.graph.backlinks[pageIndex].map { backlink in
                LinkView(
                    title: index.pages[backlink.source].title,
                    url: index.url(ofPage: backlink.source) + (backlink.sections.first.map { "#" + $0.id } ?? ""),
                    detail: backlink.sections.isEmpty ? nil : backlink.sections.map(\.title).joined(separator: ", "))
            },
            previous: neighbours?.previous.map { link(toPage: $0) },
            next: neighbours?.next.map { link(toPage: $0) },
            tags: page.frontMatter.tags.map { LinkView(title: $0, url: tagURLs[$0] ?? site.url(.tag($0))) },
            params: TemplateParams(page.frontMatter.extra))
        switch page.kind {
        case .role: view.role = roleView(pageIndex)
        case .process: view.process = processView(pageIndex)
        case .ladder: view.ladder = ladderView(pageIndex)
        case .page: break
        }
        view.review = reviewView(pageIndex)
        view.ownership = ownershipView(pageIndex)
        view.lifecycle = lifecycleView(pageIndex)
        let path = page.source.displayPath
        view.history = history?.files[path].map(HistoryView.init)
        view.editURL = editURL(path)
        let template = theme.templateNames.contains(page.kind.rawValue) ? page.kind.rawValue : "page"
        return (view, template, page.source.displayPath)
    }

    /// A page's entry in the search index, from its filled-in body.
    private func searchDocument(_ pageIndex: Int, html: String) -> SearchIndex.Document {
        let page = index.pages[pageIndex]
        var fields: [String] = []
        var track: String?
        // What the page's panel shows beside its body: a role's track, levels and
        // responsibilities, a process's triggers and cadence.
        switch page.spec {
        case .role(let spec):
            track = spec.track.map { leadership.trackTitle($0.value) }
            fields += [spec.track?.value, track].compactMap { $0 } + spec.levels.map(\.value) + spec.responsibilities
        case .process(let spec):
            fields += spec.triggers + [spec.cadence].compactMap { $0 }
        default:
            break
        }
        return SearchIndex.Document(
            title: page.title, url: index.url(ofPage: pageIndex), kind: page.kind.rawValue, tags: page.frontMatter.tags,
            headings: page.document.headings.filter { $0.level > 1 || $0.text != page.title }.map(\.text), fields: fields,
            text: "", html: [page.frontMatter.summary ?? "", html], track: track)
    }

    /// The forge's page for editing a file (GitHub's form; GitLab's when the host says so).
    private func editURL(_ path: String) -> String? { forgeURL("edit", (history?.branch ?? "main") + "/" + path) }

    /// `repo_url` + `/edit/…` or `/commit/…`: GitHub's form, GitLab's (`/-/…`) when the host says so.
    func forgeURL(_ action: String, _ rest: String) -> String? {
        guard var repo = repoURL, repo.hasPrefix("https://") || repo.hasPrefix("http://") else { return nil }
        while repo.hasSuffix("/") { repo.removeLast() }
        return repo + (repo.contains("gitlab") ? "/-/" : "/") + action + "/" + rest
    }

    func link(toPage i: Int) -> LinkView {
        LinkView(title: index.pages[i].title, url: index.url(ofPage: i))
    }

    /// Within a folder: its index page first, then its pages in navigation order.
    private static func pager(for index: SiteIndex) -> [Int: (previous: Int?, next: Int?)] {
        var result: [Int: (previous: Int?, next: Int?)] = [:]
        for section in index.navigation.sections {
            var order: [Int] = []
            if let own = section.sourcePath.flatMap({ index.pageIndex(atSource: $0) }) { order.append(own) }
            order += section.children.compactMap { $0.isSection ? nil : $0.sourcePath.flatMap({ index.pageIndex(atSource: $0) }) }
            for (k, i) in order.enumerated() {
                result[i] = (k > 0 ? order[k - 1] : nil, k + 1 < order.count ? order[k + 1] : nil)
            }
        }
        return result
    }

    // MARK: - Tags

    /// The pages with a tag, by title.
    private func pages(taggedWith tag: String) -> [Int] { tagged[tag] ?? [] }

    /// Tag → its pages, by title.
    private static func tagged(_ index: SiteIndex) -> [String: [Int]] {
        var byTag: [String: [Int]] = [:]
        for (i, page) in index.pages.enumerated() {
            for tag in Set(page.frontMatter.tags) { byTag[tag, default: []].append(i) }
        }
        return byTag.mapValues { $0.sorted(by: index.titleOrder) }
    }

    func tagView(_ tag: String) -> (PageView, String, String) {
        let view = PageView(
            site: siteView, title: "Tagged “\(tag)”", url: site.url(.tag(tag)), kind: "tag", summary: nil, body: nil, showTitle: true,
            navigation: navigation(folder: "", current: nil),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath), LinkView(title: "Tags", url: site.url(.tags))],
            entries: pages(taggedWith: tag).map { link(toPage: $0) }, params: TemplateParams())
        return (view, "section", "tags")
    }

    func tagIndexView() -> (PageView, String, String) {
        var counts: [String: Int] = [:]
        for page in index.pages { for tag in Set(page.frontMatter.tags) { counts[tag, default: 0] += 1 } }
        let tags = counts.keys.sorted { $0.lowercased() < $1.lowercased() }
        let view = PageView(
            site: siteView, title: "Tags", url: site.url(.tags), kind: "tags", summary: nil, body: nil, showTitle: true,
            navigation: navigation(folder: "", current: nil),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath)],
            entries: tags.map { tag in
                let n = counts[tag] ?? 0
                return LinkView(title: tag, url: site.url(.tag(tag)), detail: "\(n) page\(n == 1 ? "" : "s")")
            },
            params: TemplateParams())
        return (view, "section", "tags")
    }

    // MARK: - Aliases, sections, 404

    /// A small page that sends readers of an old address to the page's URL.
    func redirectView(toPage i: Int) -> (PageView, String, String) {
        let page = index.pages[i]
        let view = PageView(
            site: siteView, title: page.title, url: index.url(ofPage: i), kind: "redirect", summary: nil, body: nil,
            showTitle: false, navigation: nil, breadcrumbs: [], entries: [], params: TemplateParams())
        return (view, "redirect", page.source.displayPath)
    }

    /// The pages and subsections of a folder index page, for templates that list them.
    private func sectionEntries(for page: Page) -> [LinkView] {
        guard page.isFolderIndex, let node = index.navigation.section(forFolder: page.sourceFolder) else { return [] }
        return node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) }
    }

    /// Renders the generated page of a folder that has no index page of its own.
    func sectionView(_ node: NavigationNode) -> (PageView, String, String) {
        let url = index.url(node.urlPath)
        let view = PageView(
            site: siteView, title: node.title, url: url, kind: "section", summary: nil, body: nil, showTitle: true,
            navigation: navigation(folder: node.folder ?? "", current: node.urlPath),
            breadcrumbs: breadcrumbs(for: node.urlPath, includingLast: false),
            entries: node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) },
            params: TemplateParams())
        return (view, "section", node.folder ?? "")
    }

    /// The handbook's own "page not found" page.
    func notFoundView() -> (PageView, String, String) {
        let view = PageView(
            site: siteView, title: "Page not found", url: site.url(.notFound), kind: "404", summary: nil,
            body: nil, showTitle: true, navigation: navigation(folder: "", current: nil), breadcrumbs: [], entries: [],
            params: TemplateParams())
        return (view, "404", "404")
    }

    func renderView(_ view: PageView, template: String, file: String) -> (html: [UInt8], diagnostics: [Diagnostic]) {
        guard let html = theme.library.renderBytes(view, withTemplate: template) else {
            return ([], [.error(DiagnosticID.templateMissing, at: SourceLocation(file: file), "there is no template '\(template).mustache'")])
        }
        return (html, [])
    }
}
