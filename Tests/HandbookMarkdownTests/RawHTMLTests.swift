import Testing

@testable import HandbookMarkdown

@Suite struct RawHTMLTests {
    let source = """
        <script>alert(1)</script>

        <details><summary>Open</summary>

        text with <iframe src="x"></iframe> and <STYLE>p{}</STYLE> and <b>bold</b>

        </details>

        [click](javascript:alert(1)) [vb](VBScript:x) [data](data:text/html;base64,xx) [ok](https://example.com)

        """

    @Test func filterNeutralisesTagfilterListOnly() {
        let html = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .filter)).html
        #expect(html.contains("&lt;script>alert(1)&lt;/script>"))
        #expect(html.contains("&lt;iframe src=\"x\">&lt;/iframe>"))
        #expect(html.contains("&lt;STYLE>p{}&lt;/STYLE>"))
        #expect(html.contains("<details><summary>Open</summary>"))
        #expect(html.contains("<b>bold</b>"))
        #expect(!html.contains("<script"))
    }

    @Test func filterDropsScriptURLs() {
        let html = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .filter)).html
        #expect(html.contains("<a href=\"\">click</a>"))
        #expect(html.contains("<a href=\"\">vb</a>"))
        #expect(html.contains("<a href=\"\">data</a>"))
        #expect(html.contains("<a href=\"https://example.com\">ok</a>"))
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test func allowRendersEverythingAsWritten() {
        let html = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .allow)).html
        #expect(html.contains("<script>alert(1)</script>"))
        #expect(html.contains("<a href=\"javascript:alert(1)\">click</a>"))
    }

    @Test func omitIsCMarkSafeMode() {
        let html = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .omit)).html
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(!html.contains("<details>"))
        #expect(!html.contains("<b>"))
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test func tagFilterRules() {
        #expect(HTMLSafety.tagFilter("<script>") == "&lt;script>")
        #expect(HTMLSafety.tagFilter("</textarea >") == "&lt;/textarea >")
        #expect(HTMLSafety.tagFilter("<plaintext/>") == "&lt;plaintext/>")
        #expect(HTMLSafety.tagFilter("<scripts>") == "<scripts>")
        #expect(HTMLSafety.tagFilter("<titles>") == "<titles>")
        #expect(HTMLSafety.tagFilter("a < b") == "a < b")
    }

    @Test func linksAreRewrittenWithPositions() {
        let doc = MarkdownParser.parse(
            "Intro\n\nSee [the EM](../roles/em.md#hiring) and ![chart](img/c.png).\n", lineOffset: 3,
            rewriteLink: { $0.destination.hasSuffix(".png") ? nil : LinkRewrite(url: "/roles/em/#hiring") })
        #expect(doc.links.map(\.destination) == ["../roles/em.md#hiring", "img/c.png"])
        #expect(doc.links.map(\.line) == [6, 6])
        #expect(doc.links.map(\.column) == [5, 41])
        #expect(doc.html.contains("<a href=\"/roles/em/#hiring\">the EM</a>"))
        #expect(doc.html.contains("<img src=\"img/c.png\" alt=\"chart\" />"))
    }
}
