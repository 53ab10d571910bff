import Foundation
import HandbookTestSupport
import Testing

/// `![[page#section]]`: a section of another page shown in place, its links
/// resolved from where they were written; misses and cycles reported where
/// the include is written.
@Suite struct TransclusionTests {
    @Test func includesASectionWithItsOwnLinks() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n",
            "content/shared/legend.md": """
                # Legend

                Not included.

                ## The letters {#letters}

                - **R**: does the work; see [estimation](../process/estimation.md#sizes).

                ### Detail

                Still part of the letters.

                ## Other

                Not included either.
                """,
            "content/process/estimation.md": "# Estimation\n\n## Sizes\n\nBefore.\n\n![[shared/legend#letters]]\n\nAfter.\n\n![[Legend]]\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let page = site.read("public/process/estimation/index.html") ?? ""
        #expect(
            page.contains(
                "<p>Before.</p>\n<h2 id=\"letters\">The letters</h2>\n<ul>\n<li><strong>R</strong>: does the work; see <a href=\"/process/estimation/#sizes\">estimation</a>.</li>\n</ul>\n<h3 id=\"detail\">Detail</h3>\n<p>Still part of the letters.</p>\n<p>After.</p>"
            ), "the section up to the next heading of its level, its link resolved from shared/: \(page)")
        #expect(page.contains("<p>Not included.</p>"), "the whole page, by title, without its own title")
        #expect(!page.contains("<h1 id=\"legend\">"))
        // The included page's backlinks name the page that includes it.
        #expect(site.read("public/shared/legend/index.html")?.contains("<a href=\"/process/estimation/#sizes\">Estimation</a>") == true)
    }

    @Test func missesAndCyclesAreReportedAtTheInclude() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n\nText.\n\n![[nowhere]]\n\n![[a#no-such-part]]\n",
            "content/a.md": "# A\n\n## Part\n\n![[b#part]]\n",
            "content/b.md": "# B\n\n## Part\n\n![[a#part]]\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["check", "--site", site.root.path])
        #expect(result.status == 1)
        let out = result.stdout
        #expect(out.contains("content/index.md:5:1: warning: link target 'nowhere' does not exist [link.broken]"), "\(out)")
        #expect(out.contains("content/index.md:7:1: warning: 'a.md' has no anchor '#no-such-part' [link.broken-anchor]"), "\(out)")
        #expect(out.contains("content/a.md:5:1: error: includes go round: content/a.md → content/b.md → content/a.md [include.cycle]"), "\(out)")
        #expect(out.components(separatedBy: "[include.cycle]").count == 2, "one cycle, one error")
    }
}
