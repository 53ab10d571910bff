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
    package let index: SiteIndex
    package let theme: Theme
    package let site: SiteView
    package let markdownOptions: MarkdownOptions
    private let resolver: LinkResolver
    /// Sidebar HTML per folder: the top level, with each folder on the way
    /// down to this one opened. Rendered once per folder, shared by its pages.
    private let navigationByFolder: [String: String]

    /// The folder of the output that holds the theme's static files.
    package static let themeFolder = "_handbook"

    package init(index: SiteIndex, theme: Theme, config: SiteConfig) {
        self.index = index
        self.theme = theme
        self.markdownOptions = config.markdownOptions
        self.resolver = LinkResolver(index: index)
        self.site = SiteView(
            title: config.title, language: config.language, homeURL: index.basePath,
            themeURL: index.basePath + Self.themeFolder + "/")
        let sidebars = SidebarBuilder(index: index, theme: theme)
        var navigation: [String: String] = [:]
        for section in index.navigation.sections {
            let trail = index.navigation.trail(to: section.urlPath).compactMap(\.folder)
            navigation[section.folder ?? ""] = sidebars.sidebar(for: section.folder ?? "", trail: trail)
        }
        self.navigationByFolder = navigation
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
    /// the site's URLs, then applies the template of its kind.
    package func render(_ page: Page) -> (html: String, diagnostics: [Diagnostic]) {
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
            navigation: navigation(folder: page.sourceFolder, current: url),
            breadcrumbs: breadcrumbs(for: page.urlPath, includingLast: false),
            entries: sectionEntries(for: page), params: Dictionary(page.frontMatter.extra.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { a, _ in a }))
        let template = theme.templateNames.contains(page.kind.rawValue) ? page.kind.rawValue : "page"
        return renderView(view, template: template, file: page.source.displayPath)
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
