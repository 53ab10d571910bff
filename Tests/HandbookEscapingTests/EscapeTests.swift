import Foundation
import HandbookEscaping
import Testing

/// One escaper per output language, each checked here once.
@Suite struct EscapeTests {
    @Test func html() {
        #expect(Escape.html(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Escape.html("plain text – ünïcode") == "plain text – ünïcode")
    }

    /// The template engine's form appends to bytes: the same text as `html`,
    /// entities at the start and the end and next to each other included.
    @Test func appendHTML() {
        for text in [#"<a href="x">Tom & Jerry's</a>"#, "&&", "plain – ünïcode", "", "end<", ">start", "a long run with nothing to escape in it"] {
            var out = Array("prefix ".utf8)
            Escape.appendHTML(text, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "prefix " + Escape.html(text))
        }
    }

    /// A JSON string literal that JSONSerialization reads back as the same text.
    @Test func json() throws {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} é 🚀 </script>"
        let literal = Escape.json(text)
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(decoded == [text])
        #expect(literal.contains(#"\u0007"#))
    }

    @Test func xml() {
        #expect(Escape.xml("a&b<c>\"d\"'e'") == "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;")
    }

    @Test func href() {
        #expect(Escape.href("/roles/em/#hiring") == "/roles/em/#hiring")
        #expect(Escape.href("a b&c'd\"é") == "a%20b&amp;c&#x27;d%22%C3%A9")
    }
}
