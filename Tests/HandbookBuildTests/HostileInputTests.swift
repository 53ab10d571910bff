import Foundation
import HandbookTestSupport
import Testing

/// Input that once crashed, hung or exploded the build. Each must end with
/// exit status 0, 1 or 2 and a diagnostic, in bounded time and memory.
@Suite struct HostileInputTests {
    /// Builds `files` with the real binary and returns the result and the seconds it took.
    func build(_ files: [String: String], arguments: [String] = []) throws -> (CLI.Result, Double, TestSite) {
        let site = try TestSite(files)
        let started = Date()
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/public"] + arguments)
        return (result, Date().timeIntervalSince(started), site)
    }

    @Test func oneCharacterFoldersPagesAndAliases() throws {
        let (result, _, site) = try build([
            "content/index.md": "# Home\n", "content/a.md": "---\naliases: [/q/, /z]\n---\n# A\n", "content/x/y.md": "# Y\n",
            "content/ .md": "# Blank\n",
        ])
        defer { site.remove() }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(site.exists("public/a/index.html"))
        #expect(site.exists("public/x/y/index.html"))
        #expect(site.read("public/q/index.html")?.contains("/a/") == true)
    }

    @Test func reviewIntervalsAreRangeChecked() throws {
        for every in ["9223372036854775807d", "9999999999999d", "101y", "1201m"] {
            let (result, seconds, site) = try build([
                "content/index.md": "---\nlast_reviewed: 2020-01-01\nreview_every: \(every)\n---\n# Home\n",
            ])
            defer { site.remove() }
            #expect(result.status == 1, "\(every): \(result.stderr)")
            #expect(result.stderr.contains("content/index.md:3:15: error: 'review_every' must be"), "\(result.stderr)")
            #expect(seconds < 10)
        }
        let (result, _, site) = try build([
            "content/index.md": "---\nlast_reviewed: 2020-01-01\nreview_every: 36525d\nowner: nobody\n---\n# Home\n",
        ], arguments: ["--today", "2026-01-01"])
        defer { site.remove() }
        #expect(result.status == 0, "the longest interval is fine: \(result.stderr)")
    }

    @Test func templatesThatIncludeThemselvesAreReportedAtTheInclude() throws {
        let cases: [(files: [String: String], at: String)] = [
            (["templates/page.mustache": "<main>\n  {{>page}}\n</main>\n"], "templates/page.mustache:2:3"),
            (["templates/page.mustache": "{{>a}}", "templates/a.mustache": "{{>b}}", "templates/b.mustache": "x {{>a}}"], "templates/b.mustache:1:3"),
            (["templates/page.mustache": "{{<page}}{{/page}}"], "templates/page.mustache:1:1"),
        ]
        for item in cases {
            let (result, seconds, site) = try build(item.files.merging(["content/index.md": "# Home\n"]) { a, _ in a })
            defer { site.remove() }
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("\(item.at): error: templates include each other in a loop"), "\(result.stderr)")
            #expect(seconds < 10)
        }
    }

    @Test func deeplyNestedSectionsAndDynamicPartialsAreRefused() throws {
        let deep = String(repeating: "{{#site}}", count: 3000) + "x" + String(repeating: "{{/site}}", count: 3000)
        let (result, _, site) = try build(["content/index.md": "# Home\n", "templates/page.mustache": deep])
        defer { site.remove() }
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/page.mustache:1:901: error: sections in template 'page' are nested more than 100 deep"), "\(result.stderr)")
        let (dynamic, _, other) = try build(["content/index.md": "# Home\n", "templates/page.mustache": "{{>*kind}}"])
        defer { other.remove() }
        #expect(dynamic.status == 1)
        #expect(dynamic.stderr.contains("[template.dynamic-partial]"), "\(dynamic.stderr)")
    }

    @Test func aWideTableOverShortRowsIsNotPadded() throws {
        let header = "|" + Array(repeating: "h", count: 1000).joined(separator: "|") + "|\n"
        let delimiter = "|" + Array(repeating: "-", count: 1000).joined(separator: "|") + "|\n"
        let (result, seconds, site) = try build(["content/index.md": header + delimiter + String(repeating: "|x\n", count: 7000)])
        defer { site.remove() }
        #expect(result.status == 0)
        #expect(result.stderr.contains("content/index.md:1:1: warning: a table of 1000 columns"), "\(result.stderr)")
        let html = try #require(site.read("public/index.html"))
        #expect(html.utf8.count < 1_000_000, "output stays proportional to the input")
        #expect(html.contains("<tr>\n<td>x</td>\n</tr>"))
        #expect(seconds < 20)
        // An ordinary table is still padded, as on GitHub.
        let (small, _, other) = try build(["content/index.md": "| a | b |\n| - | - |\n| x |\n"])
        defer { other.remove() }
        #expect(other.read("public/index.html")?.contains("<td>x</td>\n<td></td>") == true, "\(small.stderr)")
    }

    @Test func aYAMLAliasBombIsAnErrorAtItsLine() throws {
        var lines = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...8 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        lines += ["title: Bomb", "---", "# Bomb"]
        let (result, seconds, site) = try build(["content/index.md": lines.joined(separator: "\n") + "\n"])
        defer { site.remove() }
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/index.md:6:"), "\(result.stderr)")
        #expect(result.stderr.contains("expands to more than 100000 values [yaml.too-large]"))
        #expect(seconds < 10)
        // Aliases as such are fine.
        let (small, _, other) = try build(["content/index.md": "---\nbase: &b [one, two]\ncopy: *b\n---\n# Fine\n"])
        defer { other.remove() }
        #expect(small.status == 0, "\(small.stderr)")
    }

    @Test func twentyThousandEqualHeadingsTakeLinearTime() throws {
        let (result, seconds, site) = try build(["content/index.md": String(repeating: "## Same\n\n", count: 20_000)])
        defer { site.remove() }
        #expect(result.status == 0)
        let html = try #require(site.read("public/index.html"))
        #expect(html.contains(#"<h2 id="same-19999">Same</h2>"#))
        #expect(seconds < 20)
    }

    /// Imported dialects: thousands of alert shortcodes that are never closed,
    /// admonitions nested past the limit, and a long chain of includes take
    /// linear time and say what is wrong once each.
    @Test func dialectsAndIncludesStayLinear() throws {
        let (hugo, hugoSeconds, hugoSite) = try build([
            "hugo.toml": "",
            "content/index.md": String(repeating: "{{< alert >}}\ntext\n", count: 20_000) + "{{< /note >}}\n",
        ])
        defer { hugoSite.remove() }
        #expect(hugo.status == 0 && hugoSeconds < 20)
        #expect(hugo.stderr.contains("unsupported shortcodes: alert without {{< /alert >}} (20000)"), "\(hugo.stderr.suffix(300))")
        let (docusaurus, docusaurusSeconds, docusaurusSite) = try build([
            "docusaurus.config.js": "",
            "docs/index.md": "# Deep\n\n" + String(repeating: ":::note\n", count: 5_000) + "text\n" + String(repeating: ":::\n", count: 5_000),
        ])
        defer { docusaurusSite.remove() }
        #expect(docusaurus.status == 0 && docusaurusSeconds < 20)
        let page = docusaurusSite.read("public/index.html") ?? ""
        #expect(page.components(separatedBy: "markdown-alert-note\"").count - 1 == 16, "nested 16 deep, then text")
        var chain: [String: String] = ["content/index.md": "# Home\n\n![[p0]]\n"]
        for n in 0..<2_000 { chain["content/p\(n).md"] = "# P\(n)\n\nStep \(n).\n\n" + (n < 1_999 ? "![[p\(n + 1)]]\n" : "") }
        let (included, includedSeconds, includedSite) = try build(chain)
        defer { includedSite.remove() }
        #expect(included.status == 0 && includedSeconds < 60, "\(included.stderr.suffix(300))")
        #expect(
            included.stderr.contains("content/index.md:3:1: warning: includes nest 2000 deep from here; past 8 nothing more is shown [include.too-deep]"),
            "once, where the chain starts: \(included.stderr.suffix(300))")
        #expect(included.stderr.components(separatedBy: "[include.too-deep]").count == 2)
        #expect(includedSite.read("public/p1995/index.html")?.contains("<p>Step 1999.</p>") == true)
        let first = includedSite.read("public/p0/index.html") ?? ""
        #expect(first.contains("<p>Step 8.</p>") && !first.contains("<p>Step 9.</p>"), "eight levels shown")
    }

    @Test func aLongReportingLineIsDrawnWhole() throws {
        var files = ["content/index.md": "# Home\n"]
        for i in 0..<300 {
            let boss = i == 0 ? "" : "reports_to: r\(i - 1)\n"
            files["content/roles/r\(i).md"] = "---\nkind: role\nid: r\(i)\ntitle: Role \(i)\ntrack: management\n\(boss)---\n# Role \(i)\n"
        }
        let (result, _, site) = try build(files)
        defer { site.remove() }
        #expect(result.status == 0, "\(result.stderr)")
        let chart = try #require(site.read("public/org-chart/index.html"))
        #expect(chart.contains(">Role 299</a>"), "no role is dropped, however deep")
        #expect(chart.components(separatedBy: "<ul>").count - 1 == 299)
    }
}
