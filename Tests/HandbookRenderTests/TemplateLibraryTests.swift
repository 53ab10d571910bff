import Foundation
import HandbookContent
import HandbookIndex
import HandbookMarkdown
import Mustache
import Testing

@testable import HandbookRender

/// Handbook renders with its own compiled templates; swift-mustache, which
/// also checks the templates' syntax, is the oracle here: the same templates
/// and values give the same text.
@Suite struct TemplateLibraryTests {
    /// Empty text, which sections skip: the one deliberate difference from
    /// swift-mustache, where `{{#url}}` with an empty URL rendered `<a href="">`.
    struct EmptyText: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    /// A view as swift-mustache sees it.
    struct Oracle: MustacheParent {
        let object: any TemplateObject
        func child(named name: String) -> Any? { Self.convert(object.field(TemplateParser.Name.Part(name))) }

        static func convert(_ value: TemplateValue) -> Any? {
            switch value {
            case .none: nil
            case .text(let s): s.isEmpty ? EmptyText() : s
            case .flag(let b): b
            case .list(let items): items.compactMap(convert)
            case .object(let object): Oracle(object: object)
            }
        }
    }

    func both(_ templates: [String: String], _ view: any TemplateObject, template: String = "main") throws -> (ours: String?, theirs: String?) {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return (TemplateLibrary(templates).render(view, withTemplate: template), library.render(Oracle(object: view), withTemplate: template))
    }

    static let data = Fields([
        "title": .text("Tom & \"Jerry\" <b>'s</b>"), "yes": .flag(true), "no": .flag(false), "empty": .list([]),
        "items": .list([.object(Fields(["name": .text("a"), "last": .flag(false)])), .object(Fields(["name": .text("b"), "last": .flag(true)]))]),
        "words": .list([.text("x"), .text("y")]), "site": .object(Fields(["title": .text("Site"), "links": .list([.object(Fields(["url": .text("/u/")]))])])),
        "html": .text("<em>raw</em>"), "blank": .text(""),
    ])

    static let cases: [[String: String]] = [
        ["main": "Hello {{title}} / {{{title}}} / {{&title}} / {{site.title}} / {{missing}}!"],
        ["main": "{{#items}}[{{name}}{{^last}},{{/last}}]{{/items}}{{^empty}}none{{/empty}}{{#no}}never{{/no}}{{#yes}}{{title}}{{/yes}}"],
        ["main": "<ul>\n{{#words}}\n  <li>{{.}}</li>\n{{/words}}\n</ul>\n"],
        ["main": "{{#site}}{{title}}:{{#links}}{{url}} {{title}}{{/links}}{{/site}}"],
        ["main": "Before\n  {{! a comment }}\n{{#yes}}\n  inside\n{{/yes}}\nAfter\n"],
        ["main": "<div>\n  {{>part}}\n</div>\n", "part": "line one\nline two\n"],
        ["main": "{{>part}}|{{>part}}", "part": "{{#items}}{{name}}{{/items}}"],
        ["main": "{{=<% %>=}}<% title %> {{not a tag}} <%={{ }}=%>{{html}}"],
        ["base": "<title>{{$pageTitle}}{{title}}{{/pageTitle}}</title>\n<main>\n{{$content}}default{{/content}}\n</main>\n",
         "main": "{{<base}}\n{{$content}}\nmine {{html}}\n{{/content}}\n{{/base}}\n"],
        ["base": "[{{$a}}base a{{/a}}][{{$b}}base b{{/b}}]", "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}",
         "main": "{{<middle}}{{$b}}main b{{/b}}{{/middle}}"],
        ["main": "{{#words}}{{#yes}}{{.}}{{/yes}}{{/words}}\r\n{{#yes}}\r\nwindows\r\n{{/yes}}\r\n"],
    ]

    @Test(arguments: cases.indices)
    func sameTextAsSwiftMustache(_ k: Int) throws {
        let (ours, theirs) = try both(Self.cases[k], Self.data)
        #expect(ours != nil)
        #expect(ours == theirs, "\(Self.cases[k])")
    }

    /// Found by the templates fuzz target: an override that holds a block of
    /// its own name rendered itself until the stack ran out. Inside its
    /// override, the block is its default text.
    @Test func aBlockInsideItsOwnOverrideEnds() throws {
        let library = TemplateLibrary([
            "base": "[{{$content}}default{{/content}}]",
            "main": "{{<base}}{{$content}}A{{$content}}B{{/content}}C{{/content}}{{/base}}",
        ])
        #expect(library.render(Self.data, withTemplate: "main") == "[ABC]")
    }

    @Test func emptyTextIsFalsy() throws {
        #expect(TemplateLibrary(["main": "{{#blank}}<a href=\"{{blank}}\"></a>{{/blank}}{{^blank}}none{{/blank}}"]).render(Self.data, withTemplate: "main") == "none")
    }

    /// `hasX` a view does not answer is whether `x` is there and not empty;
    /// a view's own answer wins, and names that only start with "has" are left alone.
    @Test func hasFlagsFollowTheirList() throws {
        let view = Fields(["items": .list([.text("a")]), "empty": .list([]), "blank": .text(""), "hasOwn": .flag(false), "own": .text("x")])
        let library = TemplateLibrary([
            "main": "{{#hasItems}}I{{/hasItems}}{{#hasEmpty}}E{{/hasEmpty}}{{#hasBlank}}B{{/hasBlank}}{{#hasMissing}}M{{/hasMissing}}"
                + "{{#hasOwn}}O{{/hasOwn}}{{^hasOwn}}o{{/hasOwn}}{{#hasitems}}h{{/hasitems}}{{#has}}?{{/has}}"
        ])
        #expect(library.render(view, withTemplate: "main") == "Io")
    }

    /// Every page of a small handbook, through the built-in theme, both ways.
    @Test func builtInThemeOnTheFixtureHandbook() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/leadership/content")
        let files = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
        let pages = files.map { path in
            PageParser.parse(
                text: try! String(contentsOf: root.appendingPathComponent(path), encoding: .utf8),
                file: SourceFile(path: path, absolutePath: root.path + "/" + path, displayPath: "content/" + path),
                options: MarkdownOptions(), siteTitle: "Fixture"
            ).0
        }
        let site = SiteModel(pages: pages, assets: [], settings: .init(baseURL: "https://example.org/"))
        let (loaded, _) = Theme.load(siteTemplates: nil, displayRoot: "/")
        let theme = try #require(loaded)
        let renderer = SiteRenderer(site: site, theme: theme, config: SiteConfig())
        let sources = Theme.builtInTemplates
        #expect(Set(sources.keys) == theme.templateNames)
        var oracle = MustacheLibrary()
        for (name, text) in sources { oracle.register(try MustacheTemplate(string: text), named: name) }
        var compared = 0
        for route in site.routes.routes {
            guard let job = renderer.job(for: route), case .view(var view, let template, _) = job.content else { continue }
            view.body = "<p>body</p>"
            let ours = theme.library.render(view, withTemplate: template)
            let theirs = oracle.render(Oracle(object: view), withTemplate: template)
            #expect(ours == theirs, "\(route.outputPath)")
            compared += 1
        }
        #expect(compared > 20)
    }
}
