import CMark
import Foundation
import HandbookEscaping
import HandbookTestSupport
import Testing

@testable import HandbookMarkdown

/// A page is parsed once: its template, filled in once the site's URLs are
/// known, is the HTML a conversion with the links rewritten on the way gives.
@Suite struct BodyTemplateTests {
    static let blocks = PlainCommonMarkPropertyTests.blocks + [
        "See [[Alpha]] and [[beta#one|the beta]] and [[Bob's \"page\"]].", "| a | [b](b.md#x) |\n|---|---|\n| [[c]] | d |",
        "<a href=\"../x.md\">raw</a> and <img src='pic.png' id=\"top\">", "[bad](javascript:alert(1)) <a href=\"javascript:x\">x</a>",
        "A [spaced](<a b.md>) link & [query](x.md?a=1&b='2')", "www.example.com and https://example.org/path?q=1.",
        "- [ ] task with [link](task.md)", "> [!NOTE]\n> See [note](n.md).", "Text with %0 and %03 and 100%",
        "<script src=\"x.js\"></script> and <a href=\"<script>\">s</a>",
        // Found by the markdown fuzz target: an unclosed value at the end of an HTML block.
        "<p src=\"\"src=\"", "<div title=x href='a.md\nsecond line",
    ]

    /// Rewrites every other link, and gives wiki links a title.
    static func rewrite(_ link: LinkReference, _ i: Int) -> LinkRewrite? {
        guard i % 2 == 0 else { return nil }
        return LinkRewrite(url: "/site/\(i)/\(link.destination)#t", text: link.kind == .wiki ? "Title <\(i)> & 'more'" : nil)
    }

    @Test(arguments: [RawHTMLPolicy.filter, .allow, .omit])
    func filledTemplateIsTheRewrittenConversion(policy: RawHTMLPolicy) {
        var generator = SeededGenerator(seed: 42)
        let options = MarkdownOptions(rawHTML: policy)
        for _ in 0..<300 {
            let count = Int.random(in: 1...8, using: &generator)
            let source = (0..<count).map { _ in Self.blocks.randomElement(using: &generator)! }.joined(separator: "\n\n") + "\n"
            var seen = 0
            let expected = MarkdownParser.parse(source, options: options, rewriteLink: { link in
                defer { seen += 1 }
                return Self.rewrite(link, seen)
            })
            let template = MarkdownParser.parseTemplate(source, options: options)
            #expect(template.body != nil)
            #expect(template.links == expected.links, "\(source)")
            #expect(template.headings == expected.headings)
            let filled = template.html(rewriting: { Self.rewrite(template.links[$0], $0) })
            #expect(filled == expected.html, "\(source)")
        }
    }

    @Test func textThatLooksLikeASlotIsConvertedAgain() {
        for source in ["Odd %011%02 text and [a](a.md)\n", "Control \u{1}0\u{2} bytes [a](a.md)\n", "[x](%010%02)\n"] {
            let template = MarkdownParser.parseTemplate(source)
            let expected = MarkdownParser.parse(source, rewriteLink: { _ in LinkRewrite(url: "/a/") }).html
            #expect(template.html(rewriting: { _ in LinkRewrite(url: "/a/") }) == expected, "\(source)")
        }
    }

    /// `Escape.href` is cmark's own URL escaping, byte for byte.
    @Test func hrefEscapingMatchesCMark() {
        for byte in UInt8(0x01)...UInt8(0xFF) where byte != 0x0A && byte != 0x0D {
            let url = "a" + String(decoding: [byte], as: UTF8.self) + "b"
            let source = "[l](<\(url.replacingOccurrences(of: "<", with: "\\<").replacingOccurrences(of: ">", with: "\\>").replacingOccurrences(of: "\\", with: "\\\\"))>)\n"
            guard let html = cmark_markdown_to_html(source, source.utf8.count, CMARK_OPT_DEFAULT) else { continue }
            defer { free(html) }
            let rendered = String(cString: html)
            guard let start = rendered.range(of: "href=\""), let end = rendered[start.upperBound...].firstIndex(of: "\"") else { continue }
            let link = MarkdownParser.parse(source).links.first?.destination ?? ""
            #expect(Escape.href(link) == String(rendered[start.upperBound..<end]), "byte \(byte)")
        }
    }
}
