import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import Mustache

/// Renders pages to HTML strings through the theme. It is built once per
/// build, pre-renders each section's sidebar once, and is then read by every
/// page's render in parallel (it holds only immutable values).
package struct SiteRenderer: Sendable {
    package private(set) var index: SiteIndex
    package let theme: Theme
    package let site: SiteView
    package private(set) var graph: LinkGraph
    package let leadership: LeadershipModel
    package let reviews: ReviewSchedule
    package let markdownOptions: MarkdownOptions
    /// Previous and next page within each page's folder, by page index.
    private let pager: [Int: (previous: Int?, next: Int?)]
    /// Sidebar HTML per folder: the top level, with each folder on the way
    /// down to this one opened. Rendered once per folder, shared by its pages.
    private let navigationByFolder: [String: String]

    /// The folder of the output that holds the theme's static files.
    package static let themeFolder = "_handbook"

    package init(
        index: SiteIndex, graph: LinkGraph, leadership: LeadershipModel, reviews: ReviewSchedule, theme: Theme,
        config: SiteConfig
    ) {
        self.index = index
        self.graph = graph
        self.leadership = leadership
        self.reviews = reviews
        self.theme = theme
        self.markdownOptions = config.markdownOptions
        self.pager = Self.pager(for: index)
        var site = SiteView(
            title: config.title, language: config.language, homeURL: index.basePath,
            themeURL: index.basePath + Self.themeFolder + "/")
        if !leadership.roles.isEmpty { site.links.append(LinkView(title: "Org chart", url: index.url(Self.orgChartPath))) }
        if !leadership.processes.isEmpty { site.links.append(LinkView(title: "Processes", url: index.url(Self.processesPath))) }
        if index.pages.contains(where: { !$0.frontMatter.tags.isEmpty }) {
            site.links.append(LinkView(title: "Tags", url: index.url(Self.tagsFolder + "/")))
        }
        if Self.usesOwnership(index) {
            site.links.append(LinkView(title: "Due for review", url: index.url(Self.stalePath)))
        }
        self.site = site
        let sidebars = SidebarBuilder(index: index, theme: theme)
        var navigation: [String: String] = [:]
        for section in index.navigation.sections {
            let trail = index.navigation.trail(to: section.urlPath).compactMap(\.folder)
            navigation[section.folder ?? ""] = sidebars.sidebar(for: section.folder ?? "", trail: trail)
        }
        self.navigationByFolder = navigation
    }

    /// The same renderer over an index and graph whose metadata did not
    /// change: the sidebars, pager and site links are kept.
    package func updating(index: SiteIndex, graph: LinkGraph) -> SiteRenderer {
        var copy = self
        copy.index = index
        copy.graph = graph
        return copy
    }

    /// The sidebar of a folder with the link to `url` marked as the current
    /// page: one byte search and one copy, the sidebar is never re-rendered.
    func navigation(folder: String, current url: String) -> String {
        let html = navigationByFolder[folder] ?? navigationByFolder[""] ?? ""
        return markCurrent(in: html, url: url)
    }

    func breadcrumbs(for urlPath: String, includingLast: Bool) -> [LinkView] {
        var trail = index.navigation.trail(to: urlPath)
        if !includingLast, trail.last?.urlPath == urlPath { trail.removeLast() }
        return trail.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: true) }
    }

    /// Renders one Markdown page: converts its body with links rewritten to
    /// the site's URLs (resolved once, in the index stage), then applies the
    /// template of its kind.
    package func render(pageAt pageIndex: Int) -> (html: String, diagnostics: [Diagnostic], search: SearchIndex.Document) {
        let page = index.pages[pageIndex]
        let rewrites = graph.rewrites(forPage: pageIndex)
        let document = MarkdownParser.parse(
            page.body, options: markdownOptions, lineOffset: page.bodyLineOffset, renderHTML: true,
            rewriteLink: { rewrites.isEmpty ? nil : rewrites[LinkKey($0)] })
        let url = index.url(of: page)
        let neighbours = pager[pageIndex]
        // A body that opens with its own `# heading` keeps it as the page's
        // title: it is lifted out so the summary and contents come after it.
        var body = document.html
        var heading: String?
        if document.headings.first?.level == 1, body.hasPrefix("<h1"), let end = body.range(of: "</h1>\n") {
            heading = String(body[..<end.upperBound])
            body = String(body[end.upperBound...])
        }
        var view = PageView(
            site: site, title: page.title, url: url, kind: page.kind.rawValue, summary: page.frontMatter.summary,
            body: body, showTitle: heading == nil,
            navigation: navigation(folder: page.sourceFolder, current: url),
            breadcrumbs: breadcrumbs(for: page.urlPath, includingLast: false),
            entries: sectionEntries(for: page),
            toc: document.headings.filter { $0.level == 2 || $0.level == 3 }.map {
                TOCEntryView(title: $0.text, url: "#" + $0.id, level: $0.level)
            },
            backlinks: graph.backlinks[pageIndex].map { backlink in
                let source = index.pages[backlink.source]
                return LinkView(
                    title: source.title, url: index.url(of: source) + (backlink.sections.first.map { "#" + $0.id } ?? ""),
                    detail: backlink.sections.isEmpty ? nil : backlink.sections.map(\.title).joined(separator: ", "))
            },
            previous: neighbours?.previous.map { link(toPage: $0) },
            next: neighbours?.next.map { link(toPage: $0) },
            tags: page.frontMatter.tags.map { LinkView(title: $0, url: tagURL($0)) },
            params: Dictionary(page.frontMatter.extra.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { a, _ in a }))
        view.heading = heading
        switch page.kind {
        case .role: view.role = roleView(pageIndex)
        case .process: view.process = processView(pageIndex)
        case .ladder: view.ladder = ladderView(pageIndex)
        case .page: break
        }
        view.review = reviewView(pageIndex)
        let template = theme.templateNames.contains(page.kind.rawValue) ? page.kind.rawValue : "page"
        let (html, problems) = renderView(view, template: template, file: page.source.displayPath)
        var fields: [String] = []
        if case .role(let spec) = page.spec {
            fields += [spec.track?.value].compactMap { $0 } + spec.levels.map(\.value)
        }
        let search = SearchIndex.Document(
            title: page.title, url: url, kind: page.kind.rawValue, tags: page.frontMatter.tags,
            headings: document.headings.filter { $0.level > 1 || $0.text != page.title }.map(\.text), fields: fields,
            text: SearchIndex.plainText(ofHTML: (page.frontMatter.summary.map { $0 + " " } ?? "") + document.html))
        return (html, problems, search)
    }

    private func link(toPage i: Int) -> LinkView {
        LinkView(title: index.pages[i].title, url: index.url(of: index.pages[i]))
    }

    /// Within a folder: its index page first, then its pages in navigation order.
    private static func pager(for index: SiteIndex) -> [Int: (previous: Int?, next: Int?)] {
        var result: [Int: (previous: Int?, next: Int?)] = [:]
        for section in index.navigation.sections {
            var order: [Int] = []
            if let own = section.sourcePath.flatMap(index.pageIndex(atSource:)) { order.append(own) }
            order += section.children.compactMap { $0.isSection ? nil : $0.sourcePath.flatMap(index.pageIndex(atSource:)) }
            for (k, i) in order.enumerated() {
                result[i] = (k > 0 ? order[k - 1] : nil, k + 1 < order.count ? order[k + 1] : nil)
            }
        }
        return result
    }

    // MARK: - Tags

    /// The folder of the generated tag pages.
    package static let tagsFolder = "tags"

    package static func tagSlug(_ tag: String) -> String { HeadingSlugger.baseSlug(tag) }

    func tagURL(_ tag: String) -> String { index.url(Self.tagsFolder + "/" + Self.tagSlug(tag) + "/") }

    /// Tag → pages, tags sorted by name and pages by title.
    package var tagged: [(tag: String, pages: [Int])] {
        var byTag: [String: [Int]] = [:]
        for (i, page) in index.pages.enumerated() {
            for tag in Set(page.frontMatter.tags) { byTag[tag, default: []].append(i) }
        }
        return byTag.keys.sorted { $0.lowercased() < $1.lowercased() }.map { tag in
            (tag, byTag[tag]!.sorted { index.pages[$0].title.lowercased() < index.pages[$1].title.lowercased() })
        }
    }

    /// The page listing every page with one tag, and the page listing all tags.
    package func renderTagPages() -> [(outputPath: String, html: String, diagnostics: [Diagnostic])] {
        let all = tagged
        guard !all.isEmpty else { return [] }
        var result: [(String, String, [Diagnostic])] = []
        let folderURL = index.url(Self.tagsFolder + "/")
        for (tag, pages) in all {
            let url = tagURL(tag)
            let view = PageView(
                site: site, title: "Tagged “\(tag)”", url: url, kind: "tag", summary: nil, body: nil, showTitle: true,
                navigation: navigation(folder: "", current: ""),
                breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath), LinkView(title: "Tags", url: folderURL)],
                entries: pages.map { link(toPage: $0) }, params: [:])
            let (html, problems) = renderView(view, template: "section", file: "tags")
            result.append((Self.tagsFolder + "/" + Self.tagSlug(tag) + "/index.html", html, problems))
        }
        let view = PageView(
            site: site, title: "Tags", url: folderURL, kind: "tags", summary: nil, body: nil, showTitle: true,
            navigation: navigation(folder: "", current: ""),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath)],
            entries: all.map { LinkView(title: $0.tag, url: tagURL($0.tag), detail: "\($0.pages.count) page\($0.pages.count == 1 ? "" : "s")") },
            params: [:])
        let (html, problems) = renderView(view, template: "section", file: "tags")
        result.append((Self.tagsFolder + "/index.html", html, problems))
        return result
    }

    // MARK: - Aliases

    /// A small page that sends readers of an old address to the page's URL.
    package func renderRedirect(toPage i: Int) -> (html: String, diagnostics: [Diagnostic]) {
        let page = index.pages[i]
        let view = PageView(
            site: site, title: page.title, url: index.url(of: page), kind: "redirect", summary: nil, body: nil,
            showTitle: false, navigation: "", breadcrumbs: [], entries: [], params: [:])
        return renderView(view, template: "redirect", file: page.source.displayPath)
    }

    /// The pages and subsections of a folder index page, for templates that list them.
    private func sectionEntries(for page: Page) -> [LinkView] {
        guard page.isFolderIndex, let node = index.navigation.section(forFolder: page.sourceFolder) else { return [] }
        return node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) }
    }

    /// Renders the generated page of a folder that has no index page of its own.
    package func renderSection(_ node: NavigationNode) -> (html: String, diagnostics: [Diagnostic]) {
        let url = index.url(node.urlPath)
        let view = PageView(
            site: site, title: node.title, url: url, kind: "section", summary: nil, body: nil, showTitle: true,
            navigation: navigation(folder: node.folder ?? "", current: url),
            breadcrumbs: breadcrumbs(for: node.urlPath, includingLast: false),
            entries: node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) },
            params: [:])
        return renderView(view, template: "section", file: node.folder ?? "")
    }

    /// The handbook's own "page not found" page.
    package func renderNotFound() -> (html: String, diagnostics: [Diagnostic]) {
        let view = PageView(
            site: site, title: "Page not found", url: index.basePath + "404.html", kind: "404", summary: nil,
            body: nil, showTitle: true, navigation: navigation(folder: "", current: ""), breadcrumbs: [], entries: [],
            params: [:])
        return renderView(view, template: "404", file: "404")
    }

    func renderView(_ view: PageView, template: String, file: String) -> (html: String, diagnostics: [Diagnostic]) {
        guard let html = theme.library.render(view, withTemplate: template) else {
            return ("", [.error("template.missing", at: SourceLocation(file: file), "there is no template '\(template).mustache'")])
        }
        return (html, [])
    }
}

func escapeHTML(_ s: String) -> String {
    guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return s }
    var out = ""
    for c in s {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}

/// Adds `aria-current="page"` to the first `<a href="url">` in `html`.
func markCurrent(in html: String, url: String) -> String {
    let needle = Array("<a href=\"\(escapeHTML(url))\">".utf8)
    var html = html
    return html.withUTF8 { haystack -> String in
        guard let start = firstOffset(of: needle, in: haystack) else { return String(decoding: haystack, as: UTF8.self) }
        let insertion = start + needle.count - 1  // before the `>`
        var bytes: [UInt8] = []
        bytes.reserveCapacity(haystack.count + 24)
        bytes.append(contentsOf: haystack[..<insertion])
        bytes.append(contentsOf: #" aria-current="page""#.utf8)
        bytes.append(contentsOf: haystack[insertion...])
        return String(decoding: bytes, as: UTF8.self)
    }
}

private func firstOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
        }
        i += 1
    }
    return nil
}
