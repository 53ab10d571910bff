import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import HandbookRender

/// What each fuzz target feeds its input to. Every target checks more than
/// "no crash": an invariant the product promises, stopped on with a message
/// (this is the harness, not the product: stopping is how libFuzzer hears of it).
enum FuzzTarget: String, CaseIterable {
    /// Markdown with every extension: the page's template, filled in, is the
    /// conversion with its links rewritten on the way.
    case markdown
    /// A whole page file (front matter, kind schemas, body) and `handbook.yml`:
    /// every diagnostic points inside the file.
    case frontMatter = "front-matter"
    /// A small site (`@@ path` starts each file): links resolved, every check
    /// run, every route rendered with the built-in theme.
    case links
    /// Templates (`@@ name` starts each one, the first is `page`) over the
    /// built-in theme: checked, and when accepted, rendering a site's pages ends.
    case templates

    func run(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .markdown: Self.markdown(text, options: Self.options(data.first ?? 0))
        case .frontMatter: Self.frontMatter(text)
        case .links: Self.links(text)
        case .templates: Self.templates(text)
        }
    }

    /// Options chosen by the input's first byte, so that each policy is fuzzed.
    static func options(_ byte: UInt8) -> MarkdownOptions {
        let policy: RawHTMLPolicy = [.filter, .allow, .omit][Int(byte) % 3]
        return MarkdownOptions(rawHTML: policy, smartPunctuation: byte & 4 == 0)
    }

    static func markdown(_ text: String, options: MarkdownOptions) {
        let rewrite = { (link: LinkReference, i: Int) -> LinkRewrite? in
            i % 2 == 0 ? LinkRewrite(url: "/site/\(i)/x#t", text: link.kind == .wiki ? "Title <\(i)> & 'q'" : nil) : nil
        }
        let template = MarkdownParser.parseTemplate(text, options: options, lineOffset: 3)
        var seen = 0
        let direct = MarkdownParser.parse(text, options: options, lineOffset: 3, rewriteLink: { link in
            defer { seen += 1 }
            return rewrite(link, seen)
        })
        let filled = template.html(rewriting: { i in template.links.indices.contains(i) ? rewrite(template.links[i], i) : nil })
        check(filled == direct.html, "the filled template differs from the rewritten conversion:\n\(filled.prefix(2000))\n---\n\(direct.html.prefix(2000))")
        check(template.links == direct.links, "the template's links differ from the conversion's")
        check(template.headings == direct.headings, "the template's headings differ from the conversion's")
        let lines = Self.lineCount(text)
        for link in template.links { check(link.line >= 4 && link.line <= lines + 3, "link at line \(link.line) of \(lines)") }
    }

    static func frontMatter(_ text: String) {
        let file = SourceFile(path: "roles/page.md", absolutePath: "/fuzz/content/roles/page.md", displayPath: "content/roles/page.md")
        let lines = Self.lineCount(text)
        let (_, diagnostics) = PageParser.parse(text: text, file: file, options: MarkdownOptions(), siteTitle: "Fuzz")
        let (_, settings) = SiteConfig.decode(text, file: "handbook.yml")
        for diagnostic in diagnostics + settings {
            guard let line = diagnostic.location?.line else { continue }
            check(line >= 1 && line <= lines + 1, "\(diagnostic) points at line \(line) of \(lines)")
        }
    }

    static func links(_ text: String) {
        let files = sections(of: text, first: "index.md")
        var pages: [Page] = []
        var assets: [SourceFile] = []
        for (path, body) in files {
            let file = SourceFile(path: path, absolutePath: "/fuzz/content/" + path, displayPath: "content/" + path)
            if file.isMarkdown {
                pages.append(PageParser.parse(text: body, file: file, options: MarkdownOptions(), siteTitle: "Fuzz").0)
            } else {
                assets.append(file)
            }
        }
        let site = SiteModel(pages: pages, assets: assets, settings: SiteIndex.Settings(basePath: "/handbook/"))
        _ = SiteChecks.run(site)
        guard let theme = builtInTheme else { return }
        let renderer = SiteRenderer(site: site, theme: theme, config: SiteConfig())
        for route in site.routes.routes { _ = renderer.render(route) }
    }

    static func templates(_ text: String) {
        var sources = builtInTemplates
        for (name, body) in sections(of: text, first: "page") {
            sources[name] = (body, "templates/\(name).mustache")
        }
        let (theme, diagnostics) = Theme.make(templates: sources, assets: [:])
        check((theme == nil) == diagnostics.contains { $0.severity == .error }, "a theme with errors was accepted, or one without refused")
        guard let theme else { return }
        let renderer = SiteRenderer(site: sampleSite, theme: theme, config: SiteConfig())
        for route in sampleSite.routes.routes { _ = renderer.render(route) }
    }

    /// `@@ name` lines start sections; text before the first belongs to `first`.
    /// Names are cut to 100 bytes and made relative.
    static func sections(of text: String, first: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var name = first
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("@@ ") {
                result.append((name, body))
                name = String(line.dropFirst(3).prefix(100)).trimmingCharacters(in: .whitespaces)
                while name.hasPrefix("/") { name.removeFirst() }
                if name.isEmpty { name = "empty.md" }
                body = ""
            } else {
                body += line + "\n"
            }
        }
        result.append((name, body))
        return result
    }

    /// Lines as CommonMark counts them: a line ends at LF, CR or CR LF.
    static func lineCount(_ text: String) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) { count += 1 }
            previous = byte
        }
        return count
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }
}

// Read once per process: the built-in theme and a small site to render with it.
let builtInTemplates: [String: (text: String, file: String)] = Theme.builtInTemplates.reduce(into: [:]) { sources, entry in
    sources[entry.key] = (entry.value, "(built-in theme)/templates/\(entry.key).mustache")
}
let builtInTheme: Theme? = Theme.load(siteTemplates: nil, displayRoot: "/").0
let sampleSite: SiteModel = {
    let files = [
        ("index.md", "# Home\n\nSee [[Tech lead]] and [the ladder](ladder.md#levels).\n"),
        ("roles/tech-lead.md", "---\nkind: role\nid: tl\ntitle: Tech lead\ntrack: ic\nreports_to: em\nowner: em\n---\n## Purpose\n\nText.\n"),
        ("roles/em.md", "---\nkind: role\nid: em\ntitle: Engineering manager\ntrack: management\n---\n## Purpose\n"),
        ("ladder.md", "---\nkind: ladder\ntracks: [ic]\nlevels:\n  - id: l1\n    track: ic\n    title: One\n---\n## Levels\n"),
        ("process/review.md", "---\nkind: process\nowner: em\ntags: [x]\nraci:\n  accountable: em\n---\n# Review\n"),
    ]
    let pages = files.map { path, text in
        PageParser.parse(
            text: text, file: SourceFile(path: path, absolutePath: "/s/" + path, displayPath: path), options: MarkdownOptions(),
            siteTitle: "Sample"
        ).0
    }
    return SiteModel(pages: pages, assets: [], settings: SiteIndex.Settings())
}()
