import HandbookContent
import Testing

@Suite struct CodeOwnersTests {
    func owners(_ text: String, _ path: String) -> [String]? {
        CodeOwners.parse(text, file: "CODEOWNERS").0.owners(of: path)?.owners
    }

    /// The examples of GitHub's documentation of CODEOWNERS, one rule each.
    @Test func patternsMatchAsOnGitHub() {
        #expect(owners("* @global", "a/b/c.md") == ["@global"])
        #expect(owners("*.js @js", "src/app.js") == ["@js"])
        #expect(owners("*.js @js", "src/app.ts") == nil)
        #expect(owners("/build/logs/ @logs", "build/logs/x/y.log") == ["@logs"])
        #expect(owners("/build/logs/ @logs", "src/build/logs/y.log") == nil, "a leading slash anchors to the root")
        #expect(owners("docs/* @docs", "docs/getting-started.md") == ["@docs"])
        #expect(owners("docs/* @docs", "docs/build-app/troubleshooting.md") == nil, "docs/* is only the files directly in docs")
        #expect(owners("apps/ @apps", "x/apps/y/z.md") == ["@apps"], "without a leading slash, anywhere")
        #expect(owners("/docs/ @d", "docs/a/b/c.md") == ["@d"])
        #expect(owners("**/logs @l", "deep/er/logs/today.txt") == ["@l"])
        #expect(owners("/scripts/ @s", "scripts") == nil, "a pattern ending in / is a folder")
        #expect(owners("content/guides @g", "content/guides/hiring.md") == ["@g"], "a folder's name covers what is in it")
        #expect(owners("content/*.md @m", "content/a.md") == ["@m"])
        #expect(owners("content/?.md @m", "content/ab.md") == nil)
    }

    @Test func lastMatchWinsAndAnEmptyLineOfOwnersClearsThem() {
        let text = """
            # Everything
            * @acme/handbook
            /content/guides/ @acme/leads @ana   # the guides
            /content/guides/old.md
            """
        #expect(owners(text, "content/guides/new.md") == ["@acme/leads", "@ana"])
        #expect(owners(text, "content/guides/old.md") == [])
        #expect(owners(text, "content/index.md") == ["@acme/handbook"])
        let (parsed, _) = CodeOwners.parse(text, file: "CODEOWNERS")
        #expect(parsed.owners(of: "content/guides/new.md")?.line == 3)
    }

    @Test func unsupportedPatternsAreReportedWhereTheyAre() {
        let (parsed, diagnostics) = CodeOwners.parse("* @a\n  !docs/ @b\n[ab].md @c\n\\#hash.md @d\n", file: ".github/CODEOWNERS")
        #expect(diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.identifier)" } == [
            "2:3 codeowners.unsupported", "3:1 codeowners.unsupported",
        ])
        #expect(parsed.owners(of: "docs/x.md")?.owners == ["@a"], "the skipped lines do not apply")
        #expect(parsed.owners(of: "#hash.md")?.owners == ["@d"], "an escaped # starts a pattern")
    }
}
