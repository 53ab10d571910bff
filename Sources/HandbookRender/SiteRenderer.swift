import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import Mustache

/// Renders pages to HTML strings through the theme. It is built once per
/// build, pre-renders each section's sidebar once, and is then read by every
/// page's render in parallel (it holds only immutable values).
public struct SiteRenderer: Sendable {
    public let index: SiteIndex
    public let theme: Theme
    public let site: SiteView
    public let markdownOptions: MarkdownOptions
    private let resolver: LinkResolver
    /// Sidebar HTML per top-level section folder (`` for top-level pages).
    private let navigationBySection: [String: String]

    /// The folder of the output that holds the theme's static files.
    public static let themeFolder = "_handbook"

    public init(index: SiteIndex, theme: Theme, config: SiteConfig) {
        self.index = index
        self.theme = theme
        self.markdownOptions = MarkdownOptions(rawHTML: config.rawHTML)
        self.resolver = LinkResolver(index: index)
        let site = SiteView(
            title: config.title, language: config.language, homeURL: index.basePath,
            themeURL: index.basePath + Self.themeFolder + "/")
        self.site = site
        var navigation: [String: String] = [:]
        let root = index.navigation.root
        let topSections = [""] + root.children.compactMap { $0.isSection ? $0.folder : nil }
        for section in topSections {
            let view = NavigationEntryView(
                title: root.title, url: index.url(root.urlPath), isSection: true, expanded: true,
                entries: root.children.map { Self.entryView($0, expandedSection: section, index: index) })
            navigation[section] = theme.library.render(view, withTemplate: "navigation") ?? ""
        }
        self.navigationBySection = navigation
    }

    private static func entryView(_ node: NavigationNode, expandedSection: String, index: SiteIndex) -> NavigationEntryView {
        let expanded = node.isSection && !expandedSection.isEmpty
            && (node.folder == expandedSection || node.folder?.hasPrefix(expandedSection + "/") == true)
        return NavigationEntryView(
            title: node.title, url: index.url(node.urlPath), isSection: node.isSection, expanded: expanded,
            entries: expanded ? node.children.map { entryView($0, expandedSection: expandedSection, index: index) } : [])
    }

    /// The sidebar of a section with the link to `url` marked as the current page.
    /// One search and one copy: the sidebar itself is never re-rendered per page.
    func navigation(section: String, current url: String) -> String {
        let html = navigationBySection[section] ?? navigationBySection[""] ?? ""
        let anchor = "<a href=\"\(escapeHTML(url))\">"
        guard let range = html.range(of: anchor) else { return html }
        return html.replacingCharacters(in: range, with: "<a href=\"\(escapeHTML(url))\" aria-current=\"page\">")
    }

    func breadcrumbs(for urlPath: String, includingLast: Bool) -> [LinkView] {
        var trail = index.navigation.trail(to: urlPath)
        if !includingLast, trail.last?.urlPath == urlPath { trail.removeLast() }
        return trail.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: true) }
    }

    /// Renders one Markdown page: converts its body with links rewritten to
    /// the site's URLs, then applies the template of its kind.
    public func render(_ page: Page) -> (html: String, diagnostics: [Diagnostic]) {
        let resolver = self.resolver
        let document = MarkdownParser.parse(
            page.body, options: markdownOptions, lineOffset: page.bodyLineOffset, renderHTML: true,
            rewriteLink: { link in
                if case .resolved(let url) = resolver.resolve(link.destination, from: page) { return url }
                return nil
            })
        let url = index.url(of: page)
        let view = PageView(
            site: site, title: page.title, url: url, kind: page.kind.rawValue, summary: page.frontMatter.summary,
            body: document.html, showTitle: document.headings.first?.level != 1 || document.firstTitle == nil,
            navigation: navigation(section: page.section, current: url),
            breadcrumbs: breadcrumbs(for: page.urlPath, includingLast: false),
            entries: sectionEntries(for: page), params: Dictionary(page.frontMatter.extra.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { a, _ in a }))
        let template = theme.templateNames.contains(page.kind.rawValue) ? page.kind.rawValue : "page"
        return renderView(view, template: template, file: page.source.displayPath)
    }

    /// The pages and subsections of a folder index page, for templates that list them.
    private func sectionEntries(for page: Page) -> [LinkView] {
        guard page.isFolderIndex, let node = index.navigation.sections.first(where: { $0.sourcePath == page.source.path })
        else { return [] }
        return node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) }
    }

    /// Renders the generated page of a folder that has no index page of its own.
    public func renderSection(_ node: NavigationNode) -> (html: String, diagnostics: [Diagnostic]) {
        let url = index.url(node.urlPath)
        let top = node.folder.map { String($0.split(separator: "/").first ?? "") } ?? ""
        let view = PageView(
            site: site, title: node.title, url: url, kind: "section", summary: nil, body: nil, showTitle: true,
            navigation: navigation(section: top, current: url),
            breadcrumbs: breadcrumbs(for: node.urlPath, includingLast: false),
            entries: node.children.map { LinkView(title: $0.title, url: index.url($0.urlPath), isSection: $0.isSection) },
            params: [:])
        return renderView(view, template: "section", file: node.folder ?? "")
    }

    /// The handbook's own "page not found" page.
    public func renderNotFound() -> (html: String, diagnostics: [Diagnostic]) {
        let view = PageView(
            site: site, title: "Page not found", url: index.basePath + "404.html", kind: "404", summary: nil,
            body: nil, showTitle: true, navigation: navigation(section: "", current: ""), breadcrumbs: [], entries: [],
            params: [:])
        return renderView(view, template: "404", file: "404")
    }

    private func renderView(_ view: PageView, template: String, file: String) -> (html: String, diagnostics: [Diagnostic]) {
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
