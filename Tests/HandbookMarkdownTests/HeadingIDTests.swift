import Testing

@testable import HandbookMarkdown

@Suite struct HeadingIDTests {
    @Test func githubSlugs() {
        #expect(HeadingSlugger.baseSlug("D1 - Developer 1") == "d1---developer-1")
        #expect(HeadingSlugger.baseSlug("What's the *job*?") == "whats-the-job")
        #expect(HeadingSlugger.baseSlug("Übersicht & Ziele") == "übersicht--ziele")
        #expect(HeadingSlugger.baseSlug("snake_case stays") == "snake_case-stays")
        #expect(HeadingSlugger.baseSlug("🚀") == "section")
    }

    @Test func smartPunctuationDoesNotChangeIDs() {
        // With smart punctuation `--` is an en dash in the text; GitHub slugs the source.
        let doc = MarkdownParser.parse("## Before -- after\n\n## Don't panic\n")
        #expect(doc.headings.map(\.id) == ["before----after", "dont-panic"])
    }

    @Test func duplicatesGetNumberedSuffixes() {
        let doc = MarkdownParser.parse("# A\n\n## Notes\n\n## Notes\n\n### Notes\n")
        #expect(doc.headings.map(\.id) == ["a", "notes", "notes-1", "notes-2"])
        #expect(doc.html.contains("<h2 id=\"notes-1\">Notes</h2>"))
    }

    @Test func explicitIDIsUsedAndRemovedFromText() {
        let doc = MarkdownParser.parse("## Hiring well {#hiring}\n\n## *Emphasis* {#em}\n\n## Hiring\n")
        #expect(doc.headings.map(\.id) == ["hiring", "em", "hiring-1"])
        #expect(doc.headings[0].text == "Hiring well")
        #expect(doc.html.contains("<h2 id=\"hiring\">Hiring well</h2>"))
        #expect(doc.html.contains("<h2 id=\"em\"><em>Emphasis</em></h2>"))
        #expect(!doc.html.contains("{#"))
    }

    @Test func headingPositionsCountFrontMatterLines() {
        let doc = MarkdownParser.parse("Intro\n\n## Second\n", lineOffset: 4, renderHTML: false)
        #expect(doc.headings.first?.line == 7)
        #expect(doc.html.isEmpty)
    }

    @Test func firstLevelOneHeadingIsTheTitle() {
        #expect(MarkdownParser.parse("## Sub\n\n# Main title\n").firstTitle == "Main title")
        #expect(MarkdownParser.parse("Just text\n").firstTitle == nil)
    }
}

@Suite struct HeadingSluggerSuffixTests {
    @Test func suffixesSkipExplicitIDsAndStayLinear() {
        var slugger = HeadingSlugger()
        #expect(slugger.slug(for: "A") == "a")
        #expect(slugger.reserve("a-1") == "a-1")
        #expect(slugger.slug(for: "A") == "a-2")
        #expect(slugger.slug(for: "A-1") == "a-1-1")
        #expect(slugger.slug(for: "A") == "a-3")
        var many = HeadingSlugger()
        for _ in 0..<50_000 { _ = many.slug(for: "Same") }
        #expect(many.slug(for: "Same") == "same-50000")
    }
}
