import HandbookDiagnostics
import HandbookMarkdown
import Testing

@testable import HandbookContent

@Suite struct SiteConfigTests {
    @Test func decodesSettings() {
        let (config, diagnostics) = SiteConfig.decode(
            "title: Acme Handbook\nbase_url: https://intranet.example.com/handbook\nraw_html: omit\n", file: "handbook.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Acme Handbook")
        #expect(config.basePath == "/handbook/")
        #expect(config.rawHTML == .omit)
    }

    @Test func unknownKeyIsAWarningAndWrongTypeAnError() {
        let (_, diagnostics) = SiteConfig.decode("title: A\ncolour: blue\nraw_html: sometimes\nlanguage: [en]\n", file: "handbook.yml")
        #expect(diagnostics.map(\.severity) == [.warning, .error, .error])
        #expect(diagnostics.map { $0.location!.line } == [2, 3, 4])
        #expect(diagnostics.map(\.identifier) == ["config.unknown-key", "config.value", "config.type"])
    }

    @Test func basePathForms() {
        var config = SiteConfig()
        for (url, path) in [("/", "/"), ("", "/"), ("docs", "/docs/"), ("https://x.example", "/"), ("https://x.example/a/b/", "/a/b/")] {
            config.baseURL = url
            #expect(config.basePath == path)
        }
    }
}
