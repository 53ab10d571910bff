import HandbookDiagnostics
import HandbookMarkdown
import Testing

@testable import HandbookContent

@Suite struct MarkdownSettingsTests {
    @Test func extensionsAreOnByDefault() {
        let (config, _) = SiteConfig.decode("title: T\n", file: "handbook.yml")
        #expect(config.markdownOptions.extensions == MarkdownExtensions())
        #expect(config.extensions.tables && config.extensions.alerts)
    }

    @Test func eachExtensionCanBeTurnedOff() {
        let (config, diagnostics) = SiteConfig.decode(
            "markdown:\n  tables: false\n  task_lists: false\n  strikethrough: no\n  autolinks: false\n  alerts: false\n  footnotes: false\n  wiki_links: false\n",
            file: "handbook.yml")
        #expect(diagnostics.isEmpty)
        #expect(config.extensions == .none)
    }

    @Test func badMarkdownSettingsAreReportedWhereTheyAre() {
        let (_, diagnostics) = SiteConfig.decode("markdown:\n  tables: sometimes\n  mermaid: true\n", file: "handbook.yml")
        #expect(diagnostics.map(\.identifier) == ["config.unknown-key", "config.type"])
        #expect(diagnostics.map { $0.location!.line } == [3, 2])
        let (_, notMapping) = SiteConfig.decode("markdown: yes\n", file: "handbook.yml")
        #expect(notMapping.first?.identifier == "config.type")
    }
}
