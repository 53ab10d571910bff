import Foundation
import HandbookDiagnostics
import HandbookMarkdown

/// Where a site's parts are on disk: its root, configuration, content and
/// templates. A folder with neither `handbook.yml` nor `content/` is itself the
/// content, so an existing repository of Markdown builds with no set-up.
package struct SiteLayout: Sendable {
    /// Absolute, standardised paths.
    package var root: String
    package var configFile: String?
    package var contentDir: String
    /// The site's own `templates/`, or `nil` for the built-in theme.
    package var templatesDir: String?
    /// The `CODEOWNERS` file GitHub would use for the site's folder, if any.
    package var codeOwnersFile: String?
    package var config: SiteConfig

    package static let configFileName = "handbook.yml"

    /// Reads the layout of the site at `root`. Configuration problems come back
    /// as diagnostics; an error among them means the site cannot be built.
    package static func load(root rootPath: String) -> (SiteLayout?, [Diagnostic]) {
        let fm = FileManager.default
        let root = absolutePath(rootPath)
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue else {
            return (nil, [.error(DiagnosticID.siteMissing, at: nil, "site folder '\(rootPath)' does not exist or is not a folder")])
        }
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let configPath = root + "/" + configFileName
        var configFile: String?
        if fm.fileExists(atPath: configPath) {
            configFile = configPath
            guard let data = fm.contents(atPath: configPath) else {
                return (nil, [.error(DiagnosticID.configUnreadable, at: SourceLocation(file: configFileName), "cannot read handbook.yml")])
            }
            guard let text = String(validatingUTF8Data: data) else {
                return (nil, [.error(DiagnosticID.configEncoding, at: SourceLocation(file: configFileName), "handbook.yml is not valid UTF-8")])
            }
            let decoded = SiteConfig.decode(text, file: configFileName)
            config = decoded.0
            diagnostics += decoded.1
        }
        // A Hugo, MkDocs or Docusaurus site is recognised by its own configuration file.
        let recognised = Dialect.recognise(root: root)
        if config.dialect == nil { config.dialect = recognised?.dialect }
        if recognised?.dialect == .mkdocs, let file = ["mkdocs.yml", "mkdocs.yaml"].first(where: { fm.fileExists(atPath: root + "/" + $0) }),
            let data = fm.contents(atPath: root + "/" + file)
        {
            config.navigationHints = NavigationHints.mkdocs(String(decoding: data, as: UTF8.self))
        }
        let contentDir: String
        if configFile == nil, let folder = recognised?.contentDir, isDirectory(root + "/" + folder) {
            contentDir = absolutePath(folder, relativeTo: root)
        } else if configFile == nil && !isDirectory(root + "/content") {
            contentDir = root
        } else {
            contentDir = absolutePath(config.contentDir, relativeTo: root)
            if !isDirectory(contentDir) {
                diagnostics.append(
                    .error(
                        DiagnosticID.configContentDir, at: configFile.map { _ in SourceLocation(file: configFileName) },
                        "content folder '\(config.contentDir)' does not exist"))
            }
        }
        let templates = root + "/templates"
        let layout = SiteLayout(
            root: root, configFile: configFile, contentDir: contentDir,
            templatesDir: isDirectory(templates) ? templates : nil,
            codeOwnersFile: CodeOwners.locations.map { root + "/" + $0 }.first { fm.isReadableFile(atPath: $0) && !isDirectory($0) },
            config: config)
        return (diagnostics.hasErrors ? nil : layout, diagnostics)
    }

    /// The content folder relative to the site root (`content`), `` when the
    /// site root is the content.
    package var contentPrefix: String {
        contentDir == root ? "" : displayPath(contentDir)
    }

    /// A path relative to the site root for messages (`content/roles/em.md`).
    /// Every place a settings file may be, whether there is one or not
    /// (`handbook.yml`, then the places GitHub reads CODEOWNERS from): the
    /// preview server watches them, so that one created while it runs is read.
    package var settingsFiles: [String] { [root + "/" + Self.configFileName] + CodeOwners.locations.map { root + "/" + $0 } }

    package func displayPath(_ absolute: String) -> String {
        absolute.hasPrefix(root + "/") ? String(absolute.dropFirst(root.count + 1)) : absolute
    }

    package static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Makes `path` absolute (against `base`, or the working folder) and
    /// removes `.`, `..` and trailing slashes, without resolving symlinks.
    package static func absolutePath(_ path: String, relativeTo base: String? = nil) -> String {
        let start = path.hasPrefix("/") ? path : (base ?? FileManager.default.currentDirectoryPath) + "/" + path
        var parts: [Substring] = []
        for part in start.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

extension Dialect {
    /// The dialect a site's files say it is written in, and where its content is.
    static func recognise(root: String) -> (dialect: Dialect, contentDir: String)? {
        let fm = FileManager.default
        func exists(_ name: String) -> Bool { fm.fileExists(atPath: root + "/" + name) }
        for name in ["mkdocs.yml", "mkdocs.yaml"] where exists(name) {
            // `docs_dir:` if mkdocs.yml moves the content, else docs/.
            let text = fm.contents(atPath: root + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let line = text.split(separator: "\n").first { $0.hasPrefix("docs_dir:") }
            let folder = line.map { String($0.dropFirst("docs_dir:".count)).trimmingCharacters(in: CharacterSet(charactersIn: " \t'\"")) }
            return (.mkdocs, folder.flatMap { $0.isEmpty ? nil : $0 } ?? "docs")
        }
        if ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"].contains(where: exists) { return (.docusaurus, "docs") }
        if ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml"].contains(where: exists) || (exists("config.yaml") && exists("archetypes")) {
            return (.hugo, "content")
        }
        return nil
    }
}

extension String {
    /// Decodes UTF-8 only when every byte is valid.
    package init?(validatingUTF8Data data: Data) {
        var valid = true
        let s = data.withUnsafeBytes { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            valid = false
            return ""
        }
        guard valid else { return nil }
        self = s
    }
}
