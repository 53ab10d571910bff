import HandbookDiagnostics
import HandbookMarkdown

/// `handbook.yml`: the site's settings. Every key is optional.
package struct SiteConfig: Sendable {
    package var title = "Handbook"
    /// `title` was set in handbook.yml; otherwise the home page's title names the site.
    package var titleIsSet = false
    /// Where the site is published, e.g. `https://intranet.example.com/handbook/`.
    package var baseURL = "/"
    package var language = "en"
    package var rawHTML: RawHTMLPolicy = .filter
    package var contentDir = "content"
    /// The source repository (`https://github.com/acme/handbook`): links to its
    /// `/blob/<branch>/…` and `/tree/<branch>/…` files are links into the site.
    package var repoURL: String?
    /// `public: true` lets search engines index the site (robots.txt); an
    /// internal handbook is closed to them by default.
    package var isPublic = false
    /// Search synonyms: a term and what it also means (`EM: Engineering Manager`).
    package var synonyms: [(term: String, meaning: String)] = []
    /// Default review interval of pages with `last_reviewed` (`6m`, `90d`).
    package var reviewEvery: ReviewInterval? = ReviewInterval("6m")
    /// Follow symbolic links in the content that lead outside the site.
    package var followSymlinks = false
    /// `markdown:` — GitHub's extensions, each on unless set to false.
    package var extensions = MarkdownExtensions()
    /// Curly quotes, dashes and ellipses from straight ones (`markdown.smart_punctuation`).
    package var smartPunctuation = true
    /// `changes_weeks`: how many weeks of git history the "what changed" page
    /// and feeds show, counted back from the last commit; 0 turns them off.
    package var changeWeeks = 8
    /// `dialect`: whose constructs the Markdown uses; nil until the layout
    /// recognises one from the site's files (`mkdocs.yml`, `hugo.toml`…).
    package var dialect: Dialect?
    /// Sidebar titles and order from MkDocs' `nav:`.
    package var navigationHints = NavigationHints()

    package init() {}

    /// `base_url` when it is an absolute URL (`https://…`), else nil.
    package var absoluteBaseURL: String? {
        baseURL.contains("://") ? baseURL : nil
    }

    /// The options every page's Markdown is converted with.
    package var markdownOptions: MarkdownOptions {
        MarkdownOptions(rawHTML: rawHTML, smartPunctuation: smartPunctuation, extensions: extensions, dialect: dialect ?? .github)
    }

    /// The path part of `base_url`, always with a leading and trailing slash:
    /// `https://x.example/handbook` gives `/handbook/`.
    package var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "/" }
            rest = rest[slash...]
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    static let knownKeys = [
        "title", "base_url", "language", "raw_html", "content_dir", "repo_url", "review_every", "public", "search", "markdown", "changes_weeks", "dialect",
        "follow_symlinks",
    ]
    static let extensionKeys = ["tables", "task_lists", "strikethrough", "autolinks", "alerts", "footnotes", "wiki_links", "smart_punctuation"]

    /// Decodes the YAML of `handbook.yml`. Unknown keys are warnings, a wrong
    /// type or value is an error at its line.
    package static func decode(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        let value: YAMLValue
        switch YAMLReader.read(text, file: file) {
        case .failure(let diagnostic): return (config, [diagnostic])
        case .value(nil): return (config, [])
        case .value(let v?): value = v
        }
        guard case .mapping(let entries, _, _) = value else {
            return (
                config,
                [.error(DiagnosticID.configType, at: SourceLocation(file: file, line: value.line, column: value.column), "handbook.yml must be a mapping of settings, found \(value.shapeName)")]
            )
        }
        var reader = FieldReader(file: file, domain: .config)
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            switch entry.key {
            case "title":
                if let title = reader.text(entry.value, key: "title")?.value {
                    config.title = title
                    config.titleIsSet = true
                }
            case "base_url": config.baseURL = reader.text(entry.value, key: "base_url")?.value ?? config.baseURL
            case "language": config.language = reader.text(entry.value, key: "language")?.value ?? config.language
            case "content_dir": config.contentDir = reader.text(entry.value, key: "content_dir")?.value ?? config.contentDir
            case "repo_url": config.repoURL = reader.text(entry.value, key: "repo_url")?.value
            case "public": config.isPublic = reader.boolean(entry.value, key: "public") ?? false
            case "follow_symlinks": config.followSymlinks = reader.boolean(entry.value, key: "follow_symlinks") ?? false
            case "search":
                guard case .mapping(let settings, _, _) = entry.value else {
                    reader.report(DiagnosticID.configType, entry.value, "search must be a mapping such as { synonyms: { EM: Engineering Manager } }")
                    continue
                }
                for setting in settings {
                    guard setting.key == "synonyms" else {
                        diagnostics.append(
                            .warning(
                                DiagnosticID.configUnknownKey, at: SourceLocation(file: file, line: setting.line, column: setting.column),
                                "unknown search setting '\(setting.key)'", note: "known: synonyms"))
                        continue
                    }
                    guard case .mapping(let pairs, _, _) = setting.value else {
                        reader.report(DiagnosticID.configType, setting.value, "search.synonyms must map a term to what it means, such as EM: Engineering Manager")
                        continue
                    }
                    for pair in pairs {
                        for meaning in reader.texts(pair.value, key: "search.synonyms." + pair.key).map(\.value) {
                            config.synonyms.append((pair.key, meaning))
                        }
                    }
                }
            case "dialect":
                if let name = reader.text(entry.value, key: "dialect")?.value {
                    if let dialect = Dialect(rawValue: name.lowercased()) {
                        config.dialect = dialect
                    } else {
                        reader.report(
                            DiagnosticID.configValue, entry.value,
                            "dialect must be one of \(Dialect.allCases.map(\.rawValue).joined(separator: ", ")), found '\(name)'")
                    }
                }
            case "changes_weeks":
                if let weeks = reader.integer(entry.value, key: "changes_weeks") {
                    if weeks >= 0 && weeks <= 520 {
                        config.changeWeeks = weeks
                    } else {
                        reader.report(DiagnosticID.configValue, entry.value, "changes_weeks must be between 0 (no changes page) and 520, found \(weeks)")
                    }
                }
            case "review_every":
                if let text = reader.duration(entry.value, key: "review_every") { config.reviewEvery = ReviewInterval(text) }
            case "raw_html":
                if let name = reader.text(entry.value, key: "raw_html")?.value {
                    if let policy = RawHTMLPolicy(rawValue: name) {
                        config.rawHTML = policy
                    } else {
                        reader.report(DiagnosticID.configValue, entry.value, "raw_html must be filter, allow or omit, found '\(name)'")
                    }
                }
            case "markdown":
                guard case .mapping(let switches, _, _) = entry.value else {
                    reader.report(DiagnosticID.configType, entry.value, "markdown must be a mapping such as { tables: false }, found \(entry.value.shapeName)")
                    continue
                }
                for item in switches {
                    let on = reader.boolean(item.value, key: "markdown." + item.key)
                    switch item.key {
                    case "tables": config.extensions.tables = on ?? true
                    case "task_lists": config.extensions.taskLists = on ?? true
                    case "strikethrough": config.extensions.strikethrough = on ?? true
                    case "autolinks": config.extensions.autolinks = on ?? true
                    case "alerts": config.extensions.alerts = on ?? true
                    case "footnotes": config.extensions.footnotes = on ?? true
                    case "wiki_links": config.extensions.wikiLinks = on ?? true
                    case "smart_punctuation": config.smartPunctuation = on ?? true
                    default:
                        diagnostics.append(
                            .warning(
                                DiagnosticID.configUnknownKey, at: SourceLocation(file: file, line: item.line, column: item.column),
                                "unknown Markdown extension '\(item.key)' in handbook.yml",
                                note: "known extensions: \(extensionKeys.joined(separator: ", "))"))
                    }
                }
            default:
                diagnostics.append(
                    .warning(
                        DiagnosticID.configUnknownKey, at: SourceLocation(file: file, line: entry.line, column: entry.column),
                        "unknown setting '\(entry.key)' in handbook.yml",
                        note: "known settings: \(knownKeys.joined(separator: ", "))"))
            }
        }
        diagnostics += reader.diagnostics
        return (config, diagnostics)
    }
}
