import CMark
import Foundation
import Testing

@testable import HandbookMarkdown

/// For plain CommonMark, Handbook's HTML must be cmark's own HTML, apart from
/// heading ids. libcmark itself is the oracle.
@Suite struct CommonMarkParityTests {
    static func cmarkHTML(_ source: String) -> String {
        let options = CMARK_OPT_SMART | CMARK_OPT_UNSAFE
        let html = cmark_markdown_to_html(source, source.utf8.count, options)!
        defer { free(html) }
        return String(cString: html)
    }

    /// Handbook's HTML as cmark would write it: headings without their ids,
    /// code blocks and tables without the focusable box they scroll in.
    static func withoutHeadingIDs(_ html: String) -> String {
        withoutScrollBoxes(html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression))
    }

    static func withoutScrollBoxes(_ html: String) -> String {
        html.replacingOccurrences(
            of: #"<div class="code-scroll" tabindex="0">\n(<pre>[\s\S]*?</pre>\n)</div>\n"#, with: "$1", options: .regularExpression
        )
        .replacingOccurrences(of: #"<div class="table-scroll" tabindex="0"><table>"#, with: "<table>")
        .replacingOccurrences(of: "</table></div>", with: "</table>")
    }

    static let samples: [String] = [
        "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and a [link](https://example.com \"t\").\n",
        "Setext heading\n==============\n\nSecond\n------\n\n> quote with\n> two lines\n\n---\n",
        "- tight\n- list\n  - nested\n\n1. ordered\n2. list\n\n3) other\n",
        "- loose\n\n- list\n\n  with paragraphs\n",
        "```swift\nlet x = 1 < 2\n```\n\n    indented code\n\nHard  \nbreak and \\\nbackslash\n",
        "<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\nInline <kbd>K</kbd>.\n",
        "- # Heading in a list\n- ## another\n\n> ### Heading in a quote\n",
        "\"Smart\" quotes -- and --- dashes... it's fine\n",
        "[ref]: /url \"title\"\n\nSee [ref] and ![image](img.png) and <https://auto.link> and <mail@example.com>.\n",
        "Entities &amp; &copy; &#35; and escapes \\* \\_ \\[\n",
        "# Heading with `code` and [link](x.md)\n\n#### Level four\n\n###### Level six\n",
        "",
        "\n\n\n",
        "Line\u{0}with a NUL byte\n",
    ]

    @Test(arguments: samples)
    func sameHTMLAsCMark(_ source: String) {
        let ours = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .allow)).html
        #expect(Self.withoutHeadingIDs(ours) == Self.cmarkHTML(source))
    }

    @Test func everyHeadingGetsAnID() {
        let html = MarkdownParser.parse(Self.samples[1] + Self.samples[6]).html
        let headings = html.matches(of: /<h[1-6][ >]/).count
        let withIDs = html.components(separatedBy: " id=\"").count - 1
        #expect(headings == 5)
        #expect(withIDs == 5)
    }

    @Test func nulByteDoesNotCutTheDocument() {
        let html = MarkdownParser.parse("before\u{0}after\n\nsecond paragraph\n").html
        #expect(html.contains("second paragraph"))
    }
}
