import HandbookDiagnostics
import Testing

@testable import HandbookContent

@Suite struct FrontMatterTests {
    @Test func decodesCommonKeys() {
        let text = """
            ---
            title: Engineering Manager
            id: em
            tags: [roles, management]
            weight: 2
            draft: false
            aliases:
              - /old/em/
            owner: vp-engineering
            last_reviewed: 2026-03-01
            review_every: 6m
            team_size: 8
            ---
            # Body heading

            Text.
            """
        let result = FrontMatterDecoder.decode(text, file: "content/em.md")
        #expect(result.diagnostics.isEmpty)
        let fm = try! #require(result.frontMatter)
        #expect(fm.title == "Engineering Manager")
        #expect(fm.id == "em")
        #expect(fm.tags == ["roles", "management"])
        #expect(fm.weight == 2)
        #expect(fm.aliases == ["/old/em/"])
        #expect(fm.owner == "vp-engineering")
        #expect(fm.lastReviewed == "2026-03-01")
        #expect(fm.reviewEvery == "6m")
        #expect(fm.extra.map(\.key) == ["team_size"])
        #expect(result.bodyLineOffset == 13)
        #expect(result.body.hasPrefix("# Body heading"))
    }

    @Test func invalidYAMLIsReportedAtItsLineInTheFile() {
        let text = "---\ntitle: Fine\nsummary: \"unclosed\nweight: 3\n---\nBody\n"
        let result = FrontMatterDecoder.decode(text, file: "content/x.md")
        let d = try! #require(result.diagnostics.first)
        #expect(d.severity == .error)
        #expect(d.identifier == "yaml.syntax")
        #expect(d.location?.file == "content/x.md")
        // The scanner notices the unclosed quote at the end of the YAML, line 5 of the file.
        #expect((3...5).contains(d.location!.line))
        #expect(result.body == "Body\n")
    }

    @Test func wrongTypesPointAtTheValue() {
        let text = "---\ntitle: [a, b]\nweight: heavy\ndraft: maybe\nlast_reviewed: 2026-02-30\nkind: robot\n---\n"
        let result = FrontMatterDecoder.decode(text, file: "p.md")
        let places = result.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.identifier)" }
        #expect(
            places == [
                "2:8 frontmatter.type", "3:9 frontmatter.type", "4:8 frontmatter.type", "5:16 frontmatter.type",
                "6:7 frontmatter.unknown-kind",
            ])
    }

    @Test func dashesFollowedByProseAreAThematicBreak() {
        let text = "---\nThis is prose, not YAML at all.\n---\n\nMore.\n"
        let result = FrontMatterDecoder.decode(text, file: "p.md")
        #expect(result.frontMatter == nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.body == text)
    }

    @Test func noFrontMatter() {
        let result = FrontMatterDecoder.decode("# Title\n\n---\n\ntext\n", file: "p.md")
        #expect(result.frontMatter == nil)
        #expect(result.bodyLineOffset == 0)
    }

    @Test func unclosedFenceIsMarkdown() {
        let result = FrontMatterDecoder.decode("---\ntitle: x\n\nno closing fence\n", file: "p.md")
        #expect(result.frontMatter == nil)
    }

    @Test func onlyFrontMatterAndEmptyFrontMatter() {
        let only = FrontMatterDecoder.decode("---\ntitle: Only\n---", file: "p.md")
        #expect(only.frontMatter?.title == "Only")
        #expect(only.body == "")
        let empty = FrontMatterDecoder.decode("---\n---\nBody\n", file: "p.md")
        #expect(empty.frontMatter != nil)
        #expect(empty.body == "Body\n")
    }

    @Test func windowsLineEndingsAndByteOrderMark() {
        let result = FrontMatterDecoder.decode("\u{FEFF}---\r\ntitle: CRLF\r\n---\r\nBody\r\n", file: "p.md")
        #expect(result.frontMatter?.title == "CRLF")
    }
}
