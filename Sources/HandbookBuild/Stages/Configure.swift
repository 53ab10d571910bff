import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown
import HandbookRender
import HandbookSystem

/// The configure stage's value: where everything is and how to read and
/// render it. Build, check and serve all start from it.
package struct Configuration: Sendable {
    package var layout: SiteLayout
    package var theme: Theme
    /// The resolved output folder (symbolic links followed).
    package var output: String
    package var today: CalendarDate
    /// Identifies everything here that changes how every page parses or renders.
    package var key: SettingsKey
    /// Who maintains each file, from the repository's CODEOWNERS.
    package var codeOwners: CodeOwners?
    /// When each file last changed and who changed it, from git: read on
    /// another thread from the configure stage on, waited for by the index stage.
    package var pendingHistory: PendingHistory?
    package var history: GitHistory? { pendingHistory?.value }

    package var config: SiteConfig { layout.config }

    package var indexSettings: SiteIndex.Settings {
        SiteIndex.Settings(
            basePath: config.basePath, baseURL: config.absoluteBaseURL, repoURL: config.repoURL, contentPrefix: layout.contentPrefix,
            navigationHints: config.navigationHints)
    }

}

extension SiteLayout {
    /// Folders and files a change in which can change the site.
    package var watchedPaths: [String] { [contentDir, templatesDir].compactMap { $0 } + settingsFiles }

    /// Folders assets may be served from; nil when `follow_symlinks: true`.
    package var assetRoots: [String]? {
        config.followSymlinks ? nil : [contentDir, templatesDir].compactMap { $0 }
    }
}

/// The settings a page's parse and render depend on (not its own text).
package struct SettingsKey: Hashable, Sendable {
    var configText: Data?
    var codeOwnersText: Data?
    /// The commit the history was read at.
    var gitHead: String?
    var baseURL: String?
    var contentDir: String
}

enum Configure {
    /// Reads `handbook.yml`, applies the command's options, resolves the output
    /// folder (a build that writes must be allowed to replace it) and loads
    /// the theme. Nil when the site cannot be built; the reasons are emitted.
    /// The layout alone (with the command's `--base-url`), when it can be read.
    static func layout(_ options: BuildOptions, engine: inout DiagnosticEngine) -> SiteLayout? {
        let (loaded, configDiagnostics) = SiteLayout.load(root: options.site)
        engine.emit(configDiagnostics)
        guard var layout = loaded else { return nil }
        if let baseURL = options.baseURL { layout.config.baseURL = baseURL }
        return layout
    }

    static func run(_ options: BuildOptions, layout: SiteLayout, engine: inout DiagnosticEngine) -> (Configuration?, unusable: Bool) {
        let given = options.output ?? SiteLayout.absolutePath("public", relativeTo: layout.root)
        var output = FileSystem.resolvedPath(SiteLayout.absolutePath(given))
        if options.write {
            switch OutputLocation.resolve(options.output, layout: layout) {
            case .success(let folder): output = folder
            case .failure(let refusal):
                engine.emit(.error(DiagnosticID.outputUnsafe, at: nil, refusal.description))
                return (nil, true)
            }
        }
        let (theme, themeDiagnostics) = Theme.load(siteTemplates: layout.templatesDir, displayRoot: layout.root)
        engine.emit(themeDiagnostics)
        guard let theme else { return (nil, false) }
        let (codeOwnersText, codeOwners, codeOwnersDiagnostics) = CodeOwners.load(layout)
        engine.emit(codeOwnersDiagnostics)
        var history: PendingHistory?
        var head: String?
        switch options.readsHistory ? GitHistory.probe(root: layout.root) : .none {
        case .ready(let repository):
            head = repository.head
            history = PendingHistory(root: layout.root, repository: repository, changeWeeks: layout.config.changeWeeks)
        case .none: break
        case .shallow:
            engine.emit(
                .warning(
                    DiagnosticID.historyShallow, at: nil,
                    "the site is in a shallow git clone, so pages show no last-changed dates (they would be wrong)",
                    note: "fetch the whole history: in GitHub Actions, actions/checkout with fetch-depth: 0"))
        }
        let key = SettingsKey(
            configText: layout.configFile.flatMap { FileManager.default.contents(atPath: $0) }, codeOwnersText: codeOwnersText,
            gitHead: head, baseURL: options.baseURL, contentDir: layout.contentDir)
        return (
            Configuration(
                layout: layout, theme: theme, output: output, today: options.today ?? CalendarDate.today(), key: key, codeOwners: codeOwners,
                pendingHistory: history),
            false
        )
    }
}

/// The configure stage with memory: a rebuild for files the watcher names,
/// none of them a template, `handbook.yml` or CODEOWNERS, keeps the last configuration
/// (only "today" is read again).
struct ConfigureStage {
    private var last: (layout: SiteLayout, configuration: Configuration?, diagnostics: [Diagnostic])?

    /// The layout (nil: unusable) and the configuration (nil: the site cannot be built).
    mutating func run(_ options: BuildOptions, changed: Set<String>?, engine: inout DiagnosticEngine) -> (
        layout: SiteLayout?, configuration: Configuration?, unusable: Bool
    ) {
        if let last, let changed, !changed.contains(where: { Self.configures(last.layout, $0) }) {
            engine.emit(last.diagnostics)
            var configuration = last.configuration
            configuration?.today = options.today ?? CalendarDate.today()
            return (last.layout, configuration, false)
        }
        var own = DiagnosticEngine(treatWarningsAsErrors: engine.treatWarningsAsErrors)
        guard let layout = Configure.layout(options, engine: &own) else {
            engine.emit(own.diagnostics)
            last = nil
            return (nil, nil, true)
        }
        let (configuration, unusable) = Configure.run(options, layout: layout, engine: &own)
        engine.emit(own.diagnostics)
        last = unusable ? nil : (layout, configuration, own.diagnostics)
        return (layout, configuration, unusable)
    }

    /// True for `handbook.yml`, CODEOWNERS and the files of the site's templates.
    private static func configures(_ layout: SiteLayout, _ path: String) -> Bool {
        layout.settingsFiles.contains(path) || layout.templatesDir.map { FileSystem.isInside(path, $0) } == true
    }
}
