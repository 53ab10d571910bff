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

    /// Career frameworks written for Gatsby put a tab after a list's dash,
    /// which libyaml refuses; read as a space, the values keep their columns.
    @Test func tabAfterAListDashIsASpace() throws {
        let text = "---\ntitle: People\ncriteria:\n  -\t\"Gives feedback\"\n  - \tCoaches\nteam:\n  - - \tnested\n---\nBody\n"
        let result = FrontMatterDecoder.decode(text, file: "people.md")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let criteria = try #require(result.frontMatter?.extra.first { $0.key == "criteria" }?.value)
        guard case .sequence(let items, _, _) = criteria else {
            Issue.record("criteria is not a list: \(criteria)")
            return
        }
        #expect(items.map(\.line) == [4, 5])
        #expect(items.compactMap { if case .scalar(let s, _, let column) = $0 { "\(s)@\(column)" } else { nil } } == ["Gives feedback@5", "Coaches@6"])
        // Elsewhere a tab is still an error, reported once, where it stands.
        let broken = FrontMatterDecoder.decode("---\ntitle:\tx\n\tkind: page\n---\n", file: "b.md")
        #expect(broken.diagnostics.map(\.identifier) == ["yaml.syntax"])
        #expect(broken.diagnostics.first?.location?.line == 3)
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

/// Where the front matter ends and the body starts, line numbers included.
@Suite struct FrontMatterSplitTests {
    private func split(_ text: String) -> (yaml: String?, body: String, bodyLine: Int, toml: Bool) {
        let s = FrontMatterSplit.split(text)
        return (s.yaml, s.body, s.bodyLineOffset, s.isTOML)
    }

    @Test func yamlBetweenFences() {
        let s = split("---\ntitle: A\nkind: page\n---\n# A\n\nText.\n")
        #expect(s.yaml == "title: A\nkind: page")
        #expect(s.body == "# A\n\nText.\n")
        #expect(s.bodyLine == 4)
        #expect(!s.toml)
    }

    @Test func fileWithoutFrontMatterIsAllBody() {
        for text in ["# A\n", "", "--- not a fence\ntitle: A\n---\n", "----\ntitle: A\n----\n", "---\ntitle: A\n", "---"] {
            let s = split(text)
            #expect(s.yaml == nil, "\(text.debugDescription)")
            #expect(s.body == text)
            #expect(s.bodyLine == 0)
        }
    }

    @Test func windowsLineEndsByteOrderMarkAndTrailingSpaces() {
        let s = split("\u{FEFF}---  \r\ntitle: A\r\n---\t\r\nBody\r\n")
        #expect(s.yaml == "title: A\r")
        #expect(s.body == "Body\r\n")
        #expect(s.bodyLine == 3)
    }

    @Test func dotsCloseYamlButNotToml() {
        #expect(split("---\na: 1\n...\nBody").body == "Body")
        let toml = split("+++\ntitle = \"A\"\n+++\nBody\n")
        #expect(toml.toml && toml.yaml == "title = \"A\"" && toml.body == "Body\n")
        #expect(split("+++\na = 1\n...\nBody\n").yaml == nil)
    }

    @Test func emptyFrontMatterAndClosingFenceOnTheLastLine() {
        let empty = split("---\n---\nBody\n")
        #expect(empty.yaml == "" && empty.body == "Body\n" && empty.bodyLine == 2)
        let last = split("---\ntitle: A\n---")
        #expect(last.yaml == "title: A" && last.body == "" && last.bodyLine == 3)
    }
}
