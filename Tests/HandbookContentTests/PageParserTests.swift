import Foundation
import HandbookDiagnostics
import HandbookMarkdown
import Testing

@testable import HandbookContent

@Suite struct PageParserTests {
    func file(_ path: String) -> SourceFile {
        SourceFile(path: path, absolutePath: "/nowhere/" + path, displayPath: "content/" + path)
    }

    func parse(_ text: String, at path: String) -> (Page, [Diagnostic]) {
        PageParser.parse(text: text, file: file(path), options: MarkdownOptions(), siteTitle: "Site")
    }

    @Test func titleFallsBackToHeadingThenFileName() {
        #expect(parse("---\ntitle: From YAML\n---\n# From heading\n", at: "a.md").0.title == "From YAML")
        #expect(parse("# From heading\n", at: "a.md").0.title == "From heading")
        #expect(parse("text\n", at: "roles/tech-lead.md").0.title == "Tech lead")
        #expect(parse("", at: "roles/index.md").0.title == "Roles")
        #expect(parse("", at: "README.md").0.title == "Site")
    }

    /// Addresses are the index's: `RoutePathsTests`.
    @Test func ids() {
        let em = parse("", at: "roles/engineering-manager.md").0
        #expect(em.id == "roles/engineering-manager")
        for name in ["index.md", "_index.md", "README.md"] {
            let index = parse("", at: "roles/" + name).0
            #expect(index.isFolderIndex)
            #expect(index.id == "roles")
        }
        #expect(parse("", at: "README.md").0.id == "index")
        #expect(parse("---\nid: em\n---\n", at: "roles/x.md").0.id == "em")
    }

    @Test func positionsCountTheFrontMatter() {
        let (page, _) = parse("---\ntitle: T\n---\n\nSee [x](y.md).\n", at: "a.md")
        #expect(page.document.links.first?.line == 5)
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hb-utf8-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.md")
        try Data([0x23, 0x20, 0x4F, 0x6B, 0x0A, 0x61, 0x62, 0xFF, 0x63, 0x0A]).write(to: url)
        let source = SourceFile(path: "bad.md", absolutePath: url.path, displayPath: "content/bad.md")
        let (page, diagnostics) = PageParser.parse(source, options: MarkdownOptions(), siteTitle: "S")
        #expect(page.title == "Ok")
        let d = try #require(diagnostics.first)
        #expect(d.identifier == "content.invalid-utf8")
        #expect(d.location == SourceLocation(file: "content/bad.md", line: 2, column: 3))
    }
}
