import Foundation
import HandbookDiagnostics
import Testing

@testable import HandbookRender

@Suite struct ThemeTests {
    func templatesFolder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hb-theme-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    @Test func builtInThemeLoadsCleanly() {
        let (loaded, diagnostics) = Theme.load(siteTemplates: nil, displayRoot: "/")
        #expect(diagnostics.isEmpty)
        let theme = try! #require(loaded)
        #expect(Theme.requiredTemplates.allSatisfy(theme.templateNames.contains))
        #expect(theme.assets["handbook.css"] != nil)
    }

    @Test func missingPartialIsReportedWhereItIsUsed() throws {
        let folder = try templatesFolder(["page.mustache": "{{<base}}{{$content}}\n  {{> sidebar-extra}}{{/content}}{{/base}}\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (theme, diagnostics) = Theme.load(siteTemplates: folder, displayRoot: (folder as NSString).deletingLastPathComponent)
        #expect(theme == nil)
        let d = try #require(diagnostics.first { $0.identifier == "template.missing-partial" })
        #expect(d.location?.file.hasSuffix("/page.mustache") == true)
        #expect(d.location?.line == 2)
        #expect(d.location?.column == 3)
        #expect(d.message.contains("sidebar-extra"))
    }

    @Test func missingParentIsReported() throws {
        let folder = try templatesFolder(["page.mustache": "{{<layout}}{{$content}}x{{/content}}{{/layout}}"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (_, diagnostics) = Theme.load(siteTemplates: folder, displayRoot: "/")
        #expect(diagnostics.contains { $0.identifier == "template.missing-partial" && $0.message.contains("'layout'") })
    }

    @Test func syntaxErrorHasFileLineAndColumn() throws {
        let folder = try templatesFolder(["section.mustache": "<h1>{{title}}</h1>\n<ul>\n{{#entries}}<li>{{title}}</li>{{/items}}\n</ul>\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (theme, diagnostics) = Theme.load(siteTemplates: folder, displayRoot: "/")
        #expect(theme == nil)
        let d = try #require(diagnostics.first { $0.identifier == "template.syntax" })
        #expect(d.location?.file.hasSuffix("section.mustache") == true)
        #expect(d.location?.line == 3)
        #expect(d.location!.column > 1)
        #expect(d.message.contains("closed with a different name"))
    }

    @Test func siteTemplateReplacesBuiltInOne() throws {
        let folder = try templatesFolder(["404.mustache": "custom not found {{site.title}}", "assets/extra.css": "p{}"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (theme, diagnostics) = Theme.load(siteTemplates: folder, displayRoot: "/")
        #expect(diagnostics.isEmpty)
        let rendered = theme?.library.render(Fields(["site": .object(Fields(["title": .text("T")]))]), withTemplate: "404")
        #expect(rendered == "custom not found T")
        #expect(theme?.assets["extra.css"] != nil)
        // The built-in stylesheet comes from inside the binary.
        guard case .text(let css)? = theme?.assets["handbook.css"] else {
            Issue.record("the built-in handbook.css should be there")
            return
        }
        #expect(css.contains(".table-scroll"))
    }

    @Test func linterFindsReferences() {
        let refs = TemplateLinter.references(in: "a\n {{>one}} {{< two }}\n{{>*dynamic}} {{! comment }}")
        #expect(refs == [.init(name: "one", line: 2, column: 2), .init(name: "two", line: 2, column: 11)])
    }
}

@Suite struct ThemeSymlinkTests {
    @Test func siteTemplatesReachedThroughASymbolicLinkAreUsed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hb-link-\(UUID().uuidString)")
        let real = root.appendingPathComponent("real-theme")
        try FileManager.default.createDirectory(at: real.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "changed {{site.title}}".write(to: real.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        try "p{}".write(to: real.appendingPathComponent("assets/handbook.css"), atomically: true, encoding: .utf8)
        let link = root.appendingPathComponent("templates")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        defer { try? FileManager.default.removeItem(at: root) }
        let (theme, diagnostics) = Theme.load(siteTemplates: link.path, displayRoot: root.path)
        #expect(diagnostics.isEmpty)
        #expect(theme?.library.render(Fields(["site": .object(Fields(["title": .text("T")]))]), withTemplate: "404") == "changed T")
        guard case .file(let path)? = theme?.assets["handbook.css"] else {
            Issue.record("the site's handbook.css should replace the built-in one")
            return
        }
        #expect(path.hasSuffix("real-theme/assets/handbook.css"))
    }
}

@Suite struct TemplateLinterTests {
    func lint(_ templates: [String: String]) -> [String] {
        TemplateLinter.check(templates: templates.mapValues { ($0, "t") }).diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.identifier) \($0.message)" }
    }

    @Test func cyclesAreFoundOnceEach() {
        #expect(lint(["a": "{{>b}}", "b": "{{>c}}", "c": "{{>a}}", "d": "{{>a}}"]) == ["1:1 template.cycle templates include each other in a loop: a → b → c → a"])
        #expect(lint(["a": "x\n {{<a}}{{/a}}"]) == ["2:2 template.cycle templates include each other in a loop: a → a"])
        #expect(lint(["a": "{{>b}}{{>b}}", "b": "{{#x}}y{{/x}}"]).isEmpty, "including twice is not a loop")
    }

    @Test func depthIsBounded() {
        let ok = String(repeating: "{{#x}}", count: 100) + String(repeating: "{{/x}}", count: 100)
        #expect(lint(["a": ok]).isEmpty)
        let deep = String(repeating: "{{^x}}", count: 101) + String(repeating: "{{/x}}", count: 101)
        #expect(lint(["a": deep]) == ["1:601 template.too-deep sections in template 'a' are nested more than 100 deep"])
    }
}

@Suite struct FragmentSplicerTests {
    @Test func splicesWithoutRecursionAndDropsClosedMarkers() {
        let m = FragmentSplicer.marker
        let splicer = FragmentSplicer(["<ul>\(m(1))\(m(2))</ul>", "<li>a\(m(3))</li>", "<li>b</li>", "<i>deep</i>"])
        #expect(splicer.splice(0) == "<ul><li>a<i>deep</i></li><li>b</li></ul>")
        #expect(splicer.splice(0, expand: { $0 != 1 }) == "<ul><li>b</li></ul>")
        #expect(splicer.splice(0, expand: { $0 == 1 }) == "<ul><li>a</li></ul>")
        // A chain 100,000 fragments deep costs no stack.
        let chain = FragmentSplicer((0..<100_000).map { "<b>\(m($0 + 1))" })
        #expect(chain.splice(0).utf8.count == 300_000)
        // A marker that names its own fragment is not expanded twice.
        #expect(FragmentSplicer(["x\(m(0))y"]).splice(0) == "xy")
    }
}

/// A view made of named values, for tests.
struct Fields: TemplateObject {
    let fields: [String: TemplateValue]
    init(_ fields: [String: TemplateValue]) { self.fields = fields }
    func value(_ name: String) -> TemplateValue { fields[name] ?? .none }
}
