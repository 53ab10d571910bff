import CMark
import Foundation
import HandbookTestSupport
import Testing

@testable import HandbookMarkdown

/// GitHub-flavoured Markdown as real handbooks and career ladders write it.
@Suite struct GFMHandbookCaseTests {
    func parse(_ markdown: String, lineOffset: Int = 0) -> MarkdownDocument {
        MarkdownParser.parse(markdown, lineOffset: lineOffset)
    }

    @Test func ladderTableWithLinksInCells() {
        let source = """
            ## Levels

            | Level | Title | Scope |
            |-------|-------|-------|
            | [D1](developer.md#d1---developer-1) | Developer 1 | Own tasks, see [the guide](../guide.md) |
            | D2 | Developer 2 | A feature |
            """
        let doc = parse(source, lineOffset: 5)
        #expect(doc.html.contains("<td><a href=\"developer.md#d1---developer-1\">D1</a></td>"))
        #expect(doc.html.contains("<td>Own tasks, see <a href=\"../guide.md\">the guide</a></td>"))
        // Positions point at the links in the file, front matter lines included.
        #expect(doc.links.map(\.destination) == ["developer.md#d1---developer-1", "../guide.md"])
        #expect(doc.links.map(\.line) == [10, 10])
        #expect(doc.links.map(\.column) == [3, 70])
    }

    /// The autolink and strikethrough pass is skipped for a source that holds
    /// none of `@ ~ & :// www.`: an address spelled with an entity, or `www.`
    /// in capitals, must still count as one.
    @Test func autolinksBehindEntitiesAndCapitalsAreStillFound() {
        let doc = parse("Write to team&#64;example.com or see WWW.Example.com today.\n")
        #expect(doc.html.contains("<a href=\"mailto:team@example.com\">team@example.com</a>"))
        #expect(doc.html.contains("<a href=\"http://WWW.Example.com\">WWW.Example.com</a>"))
        let plain = parse("Nothing to link here: only words, colons and dots.\n")
        #expect(plain.html == "<p>Nothing to link here: only words, colons and dots.</p>\n")
    }

    /// Found by the markdown fuzz target: an autolink has no position of its
    /// own in cmark's tree, and was reported at line 0 (plus the offset).
    @Test func autolinksStandOnTheirParagraphsLine() {
        let source = "# Title\n\nIntro.\n\n- one\n- see https://example.com/x for more\n"
        let doc = parse(source, lineOffset: 3)
        #expect(doc.links.map(\.destination) == ["https://example.com/x"])
        #expect(doc.links.map(\.line) == [9])
    }

    /// Also found by fuzzing: a cell that is one piece of raw HTML becomes a
    /// node the table pass makes, with no position; its `src` was at line 0.
    @Test func rawHTMLInACellStandsOnItsRow() {
        let source = "| a | b |\n|---|---|\n| x | <img src=\"p.png\"> |\n| [[Wiki]] | y |\n"
        let doc = parse(source, lineOffset: 4)
        #expect(doc.links.map(\.destination) == ["p.png", "Wiki"])
        #expect(doc.links.map(\.line) == [7, 8])
        #expect(doc.links.map(\.column) == [17, 3], "the value of src, and the [[ of the wiki link")
    }

    /// Cells whose text would open a block stay text, with no backslash left showing.
    @Test func cellsThatLookLikeBlocksStayText() {
        let doc = parse("| a | b | c |\n|---|---|---|\n| 1. Block elements | # x | 2) y |\n")
        #expect(doc.html.contains("<td>1. Block elements</td>"), "\(doc.html)")
        #expect(doc.html.contains("<td># x</td>"), "\(doc.html)")
        #expect(doc.html.contains("<td>2) y</td>"), "\(doc.html)")
    }

    /// Reference-style links in cells find the page's definitions, as on GitHub.
    @Test func referenceLinksInCells() {
        let source = "| Role | Guide |\n|---|---|\n| [EM][em] | see [the guide] |\n\n[em]: roles/em.md\n[the guide]: guide.md \"Guide\"\n"
        let doc = parse(source)
        #expect(doc.html.contains("<td><a href=\"roles/em.md\">EM</a></td>"), "\(doc.html)")
        #expect(doc.html.contains("<td>see <a href=\"guide.md\" title=\"Guide\">the guide</a></td>"), "\(doc.html)")
        #expect(doc.links.map(\.destination) == ["roles/em.md", "guide.md"])
        #expect(doc.links.map(\.line) == [3, 3])
    }

    /// As on GitHub, a URL with a scheme is a link after a quote (straight or
    /// curly, smart punctuation runs first) or any other non-letter; `www.`
    /// still needs a space, `*`, `_`, `~` or `(` before it.
    @Test func schemeURLsAfterQuotes() {
        let doc = parse("See \"https://example.com\" and x:https://a.org/y but xhttps://no.org and \"www.no.org\".\n")
        #expect(doc.links.map(\.destination) == ["https://example.com", "https://a.org/y"], "\(doc.html)")
        #expect(doc.html.contains("“<a href=\"https://example.com\">https://example.com</a>”"), "\(doc.html)")
        // A path ending in another character whose last byte is the same stays whole.
        #expect(parse("https://example.com/Ϙ\n").links.map(\.destination) == ["https://example.com/Ϙ"])
    }

    @Test func linksInCellsAreRewritten() {
        let doc = MarkdownParser.parse(
            "| Role |\n|---|\n| [EM](em.md) |\n", rewriteLink: { $0.destination == "em.md" ? LinkRewrite(url: "/roles/em/") : nil })
        #expect(doc.html.contains("<td><a href=\"/roles/em/\">EM</a></td>"))
    }

    @Test func tableRightAfterAParagraphLine() {
        let html = parse("The ladder:\n| IC | Manager |\n|---|---|\n| Staff | EM |\n").html
        #expect(html.hasPrefix("<p>The ladder:</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>\n<tr>\n<th>IC</th>\n<th>Manager</th>"))
        #expect(html.contains("<td>Staff</td>\n<td>EM</td>"))
    }

    @Test func tableInsideAListItemAndAQuote() {
        let list = parse("- Levels:\n\n  | A | B |\n  |---|---|\n  | 1 | 2 |\n").html
        #expect(list.contains("<li>\n<p>Levels:</p>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n<thead>"))
        #expect(list.contains("<td>1</td>\n<td>2</td>"))
        let quote = parse("> | A | B |\n> |---|---|\n> | 1 | 2 |\n").html
        #expect(quote.hasPrefix("<blockquote>\n<div class=\"table-scroll\" tabindex=\"0\"><table>\n"))
        #expect(quote.contains("<td>1</td>\n<td>2</td>"))
        // A lazy delimiter line does not make a table (GFM spec).
        let lazy = MarkdownParser.parse("> abc | def\n----|-----\n", options: MarkdownOptions(smartPunctuation: false)).html
        #expect(lazy == "<blockquote>\n<p>abc | def\n----|-----</p>\n</blockquote>\n")
    }

    @Test func tableWithInlineHTMLAndCellsThatLookLikeBlocks() {
        let html = MarkdownParser.parse(
            "| A | B |\n|---|---|\n| <b>bold</b><br>next | # not a heading |\n| - not a list | > not a quote |\n",
            options: MarkdownOptions(rawHTML: .allow)
        ).html
        #expect(html.contains("<td><b>bold</b><br>next</td>"))
        #expect(html.contains("<td># not a heading</td>"))
        #expect(html.contains("<td>- not a list</td>"))
        #expect(html.contains("<td>&gt; not a quote</td>"))
    }

    @Test func scriptInACellIsFiltered() {
        let html = parse("| A |\n|---|\n| <script>x</script> |\n").html
        #expect(html.contains("<td>&lt;script>x&lt;/script></td>"))
    }

    @Test func nestedTaskListsInOrderedList() {
        let html = parse("1. Onboarding\n   - [x] Laptop\n   - [ ] Access\n      - [ ] VPN\n2. [ ] Not a task in an ordered item? It is one.\n").html
        #expect(html.contains("<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> Laptop</li>"))
        #expect(html.contains("<li><input disabled=\"\" type=\"checkbox\"> VPN</li>"))
        #expect(html.contains("<li><input disabled=\"\" type=\"checkbox\"> Not a task"))
        #expect(!parse("- [y] no\n- [] no\n- [ ]no\n").html.contains("checkbox"))
    }

    @Test func alertsOfEveryKind() {
        for (marker, kind, title) in [
            ("NOTE", "note", "Note"), ("TIP", "tip", "Tip"), ("IMPORTANT", "important", "Important"),
            ("WARNING", "warning", "Warning"), ("CAUTION", "caution", "Caution"),
        ] {
            #expect(
                parse("> [!\(marker)]\n> Read this.\n").html
                    == "<div class=\"markdown-alert markdown-alert-\(kind)\">\n<p class=\"markdown-alert-title\">\(title)</p>\n<p>Read this.</p>\n</div>\n"
            )
        }
    }

    @Test func alertWithTextOnTheMarkerLineAndSeveralParagraphs() {
        #expect(
            parse("> [!note] Reviews are blameless.\n> Always.\n>\n> - a list\n").html
                == "<div class=\"markdown-alert markdown-alert-note\">\n<p class=\"markdown-alert-title\">Note</p>\n<p>Reviews are blameless.\nAlways.</p>\n<ul>\n<li>a list</li>\n</ul>\n</div>\n"
        )
        #expect(parse("> [!NOTES]\n> x\n").html.hasPrefix("<blockquote>"))
        #expect(parse("> Not [!NOTE] at the start\n").html.hasPrefix("<blockquote>"))
    }

    @Test func headingsInsideAlertsKeepTheirIDs() {
        let doc = parse("> [!TIP]\n> ## Try this\n")
        #expect(doc.headings.map(\.id) == ["try-this"])
        #expect(doc.html.contains("<h2 id=\"try-this\">Try this</h2>"))
    }

    @Test func extensionsCanBeTurnedOff() {
        let source = "| a | b |\n|---|---|\n\n- [ ] t\n\n~~s~~ www.example.com\n\n> [!NOTE]\n> n\n"
        let plain = MarkdownParser.parse(source, options: MarkdownOptions(extensions: .none)).html
        let cmark = CommonMarkParityTests.cmarkHTML(source)
        #expect(plain == cmark)
        var onlyTables = MarkdownExtensions.none
        onlyTables.tables = true
        let tablesOnly = MarkdownParser.parse(source, options: MarkdownOptions(extensions: onlyTables)).html
        #expect(tablesOnly.contains("<table>"))
        #expect(!tablesOnly.contains("<del>"))
    }

    @Test func customNodesSurviveOmitMode() {
        let html = MarkdownParser.parse("## Title\n\n- [x] done\n\n| a |\n|---|\n| <b>x</b> |\n", options: MarkdownOptions(rawHTML: .omit)).html
        #expect(html.contains("<h2 id=\"title\">Title</h2>"))
        #expect(html.contains("<input checked=\"\" disabled=\"\" type=\"checkbox\">"))
        #expect(html.contains("<td><!-- raw HTML omitted -->x<!-- raw HTML omitted --></td>"))
    }
}

/// Property-style: Markdown built at random from CommonMark pieces that use
/// none of GitHub's syntax renders exactly as cmark renders it.
@Suite struct PlainCommonMarkPropertyTests {
    static let blocks = [
        "# Heading *one*", "## Second `code` heading", "Plain paragraph with **strong** and _emphasis_.",
        "A [link](target.md \"title\") and ![image](pic.png).", "> Quoted text\n> over two lines",
        "- item one\n- item two\n  - nested", "1. first\n2. second", "```\nfenced code | with pipe\n```",
        "    indented code", "---", "Line with trailing spaces  \nand a hard break", "<div>\nraw *html*\n</div>",
        "Text with &amp; entities &copy; and \\*escapes\\*", "Setext\n======", "Auto <https://example.org/x> link",
        "Tildes ~ alone and a pipe | alone", "[ref]\n\n[ref]: /somewhere", "* * *", "Emoji 🚀 and ümlauts",
    ]

    @Test func randomDocumentsMatchCMark() {
        var generator = SeededGenerator(seed: 20261126)
        for _ in 0..<300 {
            let count = Int.random(in: 1...8, using: &generator)
            let source = (0..<count).map { _ in Self.blocks.randomElement(using: &generator)! }.joined(separator: "\n\n") + "\n"
            let ours = MarkdownParser.parse(source, options: MarkdownOptions(rawHTML: .allow)).html
            #expect(CommonMarkParityTests.withoutHeadingIDs(ours) == CommonMarkParityTests.cmarkHTML(source), "\(source)")
        }
    }
}
