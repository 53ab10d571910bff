import Foundation
import HandbookTestSupport
import Testing

/// Handbooks written for Hugo, MkDocs and Docusaurus (`Tests/Fixtures/dialects/`,
/// in our own words), built as they are, with no handbook.yml: recognised by
/// their own configuration files, their constructs carried over, nothing
/// reported as unsupported.
@Suite struct DialectTests {
    /// A fixture site copied into a temporary folder (outside this repository's git work tree).
    static func fixture(_ name: String) throws -> TestSite {
        let root = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/dialects/" + name)
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            files[String(url.path.dropFirst(root.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return try TestSite(files)
    }

    static func build(_ site: TestSite) throws -> CLI.Result {
        try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
    }

    static func body(_ html: String) -> String {
        guard let start = html.range(of: "<div class=\"body\">"), let end = html.range(of: "</article>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func hugoSite() throws {
        let site = try Self.fixture("hugo")
        defer { site.remove() }
        let result = try Self.build(site)
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result.stderr)")
        let home = Self.body(site.read("public/index.html") ?? "")
        // ref and relref links, resolved and checked; a slug moves the page.
        #expect(home.contains("<a href=\"/process/release-train/#how-it-runs\">the release train</a>"), "\(home)")
        #expect(home.contains("<a href=\"/process/incident-response/\">incidents</a>"))
        #expect(home.contains("<div class=\"markdown-alert markdown-alert-warning\">\n<p class=\"markdown-alert-title\">Freeze</p>\n<p>No releases"))
        #expect(home.contains("<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\">Note</p>\n<p>Everything here"))
        #expect(home.contains("<details>\n<summary class=\"markdown-alert-title\">Why a handbook?</summary>"))
        #expect(home.contains("<p class=\"markdown-alert-title\">Where to ask</p>"))
        #expect(home.contains("<p>Page the on-call engineer;"), "the include shows the other page's text")
        #expect(home.contains("<a href=\"https://www.youtube.com/watch?v=abc123\">YouTube video</a>"))
        #expect(home.contains("<code>{{&lt; alert &gt;}}</code>") && home.contains("and {{&lt; note &gt;}} shows one"), "code and escaped examples stay")
        #expect(home.components(separatedBy: "{{").count == 3, "no shortcode left as braces but the two examples")
        // TOML front matter: title, weight, tags, aliases, description, params.
        let train = site.read("public/process/release-train/index.html") ?? ""
        #expect(train.contains("<h1>The release train</h1>") && train.contains("<p class=\"summary\">Production changes on a fixed schedule.</p>"))
        #expect(train.contains("<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\">Tip</p>\n<p>Missing a train"))
        #expect(site.read("public/releases/index.html")?.contains("/process/release-train/") == true, "the alias redirects")
        #expect(site.read("public/tags/releases/index.html") != nil)
        let sidebar = site.read("public/process/incident-response/index.html") ?? ""
        let order = ["The release train", "Incidents"].map { sidebar.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]!, "weight orders the sidebar")
    }

    @Test func mkdocsSite() throws {
        let site = try Self.fixture("mkdocs")
        defer { site.remove() }
        let result = try Self.build(site)
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result.stderr)")
        let home = Self.body(site.read("public/index.html") ?? "")
        #expect(
            home.contains(
                "<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\">Who this is for</p>\n<p>Everyone who answers customers"),
            "\(home)")
        #expect(home.contains("<p>Read <a href=\"/guides/first-week/\">your first week</a> before anything else.</p>\n</div>"))
        #expect(home.contains("<details class=\"markdown-alert markdown-alert-note\">\n<summary class=\"markdown-alert-title\">Why so many notes?</summary>"))
        #expect(home.contains("<details class=\"markdown-alert markdown-alert-tip\" open>\n<summary class=\"markdown-alert-title\">Tip</summary>"))
        #expect(home.contains("<p>We answer between 8:00 and 18:00 on working days.</p>"), "the snippet, named from the project root")
        #expect(home.contains("!!! note &quot;an example, not an admonition&quot;"), "code stays as written")
        // nav: its titles and its order, not the pages' own.
        let page = site.read("public/guides/tickets/index.html") ?? ""
        let order = [">Your first week</a>", ">Tickets</a>"].map { page.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]!, "\(page)")
        #expect(page.contains(">Working here</a>"), "the section's title from nav")
        let week = Self.body(site.read("public/guides/first-week/index.html") ?? "")
        #expect(
            week.contains(
                "<p class=\"markdown-alert-title\">Your first tickets</p>\n<p>Pick them from the easy queue.</p>\n<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\">Note</p>\n<p>Ask before closing any of them.</p>\n</div>\n</div>"
            ), "a nested admonition: \(week)")
    }

    @Test func docusaurusSite() throws {
        let site = try Self.fixture("docusaurus")
        defer { site.remove() }
        let result = try Self.build(site)
        #expect(result.status == 0 && !result.stderr.contains("warning"), "\(result.stderr)")
        let home = site.read("public/index.html") ?? ""
        #expect(home.contains("<h1>Design handbook</h1>"), "slug: / makes it the home page")
        let body = Self.body(home)
        #expect(body.contains("<div class=\"markdown-alert markdown-alert-tip\">\n<p class=\"markdown-alert-title\">Good to know</p>"))
        #expect(body.contains("<div class=\"markdown-alert markdown-alert-caution\">\n<p class=\"markdown-alert-title\">Danger</p>"))
        #expect(
            body.contains(
                "<p class=\"markdown-alert-title\">Reviews</p>\n<p>Every design is reviewed twice.</p>\n<div class=\"markdown-alert markdown-alert-note\">"),
            "nested admonitions: \(body)")
        let hiring = site.read("public/team/how-we-hire/index.html") ?? ""
        #expect(hiring.contains("<a href=\"/team/\">The team</a>"), "_category_.json names the folder")
        let order = [">Hiring</a>", ">Rituals</a>"].map { hiring.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]!, "sidebar_position orders it")
        #expect(site.read("public/team/_category_.json") == nil, "category files are not published")
        #expect(
            Self.body(site.read("public/team/rituals/index.html") ?? "").contains("<p>Contrast, focus order, and text that fits when enlarged.</p>"),
            "an imported Markdown file used as <Checklist /> is included")
    }

    /// What a dialect does not carry over is a warning where it is written,
    /// left out of the page, and counted once per build.
    @Test func unsupportedConstructsAreReportedOnce() throws {
        let site = try TestSite([
            "hugo.toml": "title = \"x\"\n",
            "content/_index.md": "# Home\n\n{{< figure src=\"a.png\" >}} and {{< tweet 1 >}}\n\n{{< figure src=\"b.png\" >}}\n",
        ])
        defer { site.remove() }
        let result = try Self.build(site)
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/_index.md:3:1: warning: hugo shortcode or directive 'figure' is not supported; it is left out of the page [shortcode.unsupported]"))
        #expect(result.stderr.contains("content/_index.md:3:32: warning: hugo shortcode or directive 'tweet'"), "\(result.stderr)")
        #expect(result.stderr.contains("unsupported shortcodes: figure (2), tweet (1)\n"))
        #expect(Self.body(site.read("public/index.html") ?? "").contains("<p>and</p>"), "left out, not shown as braces")
        // dialect: forces one; github reads the braces as text, as GitHub would.
        try site.write("handbook.yml", "dialect: github\ncontent_dir: content\n")
        let plain = try Self.build(site)
        #expect(!plain.stderr.contains("shortcode"))
        #expect(Self.body(site.read("public/index.html") ?? "").contains("{{&lt; figure"))
    }

    @Test func tomlMistakesArePositioned() throws {
        let site = try TestSite([
            "hugo.toml": "",
            "content/a.md": "+++\ntitle = \"A\"\nweight = heavy\n+++\nText.\n",
            "content/b.md": "+++\ntitle = \"B\ntags = []\n+++\nText.\n",
            "content/c.md": "+++\n[params]\nx = 1\n[params]\n+++\nText.\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["check", "--site", site.root.path])
        #expect(result.stdout.contains("content/a.md:3:10: error: 'heavy' is not a TOML value; text needs quotes: \"heavy\" [toml.syntax]"), "\(result.stdout)")
        #expect(result.stdout.contains("content/b.md:2:9: error: this string is not closed on its line [toml.syntax]"))
        #expect(result.stdout.contains("content/c.md:4:2: error: 'params' is already defined [toml.syntax]"), "\(result.stdout)")
    }
}
