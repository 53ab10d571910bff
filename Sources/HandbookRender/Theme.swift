import Foundation
import HandbookDiagnostics
import HandbookSystem
import Mustache

/// The templates and static files a site renders with: the built-in default
/// theme, with any file of the site's own `templates/` folder replacing the
/// built-in file of the same name (as Hugo's theme lookup does).
package struct Theme: Sendable {
    package let library: TemplateLibrary
    package let templateNames: Set<String>
    /// Templates every theme must have.
    package static let requiredTemplates = ["page", "section", "404", "navigation", "redirect"]
    /// A static file of the theme, written into the output's `_handbook/`
    /// folder: the built-in theme's text, or a file of the site's `templates/assets/`.
    package enum Asset: Sendable, Hashable {
        case text(String)
        case file(String)
    }

    /// Static files: path below `assets/` → the file.
    package let assets: [String: Asset]
    /// Changes whenever a template's text or the set of static files changes.
    package let fingerprint: Int

    /// The built-in theme's templates (name → text), compiled into the
    /// binary by the EmbedTheme build plugin.
    package static var builtInTemplates: [String: String] {
        var templates: [String: String] = [:]
        for (path, text) in embeddedFiles where path.hasSuffix(".mustache") && !path.contains("/") {
            templates[String(path.dropLast(".mustache".count))] = text
        }
        return templates
    }

    /// Loads the theme. Syntax errors and references to missing templates come
    /// back as diagnostics; any error among them means the theme is unusable.
    package static func load(siteTemplates: String?, displayRoot: String) -> (Theme?, [Diagnostic]) {
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: Asset] = [:]
        var diagnostics: [Diagnostic] = []
        for (path, text) in embeddedFiles {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = .text(text)
            } else if path.hasSuffix(".mustache") {
                sources[String(path.dropLast(".mustache".count))] = (text, "(built-in theme)/templates/" + path)
            }
        }
        // The site's own files replace the built-in ones of the same name.
        if let siteTemplates {
            let display = Self.display(siteTemplates, root: displayRoot)
            // Enumerate the real folder: `templates/` may be a symbolic link (it is in this repository).
            let folder = FileSystem.resolvedPath(siteTemplates)
            for relative in Self.files(in: folder) {
                let absolute = folder + "/" + relative
                if relative.hasPrefix("assets/") {
                    assets[String(relative.dropFirst("assets/".count))] = .file(absolute)
                } else if relative.hasSuffix(".mustache") {
                    guard let data = FileManager.default.contents(atPath: absolute),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        diagnostics.append(.error(DiagnosticID.templateUnreadable, at: SourceLocation(file: display + "/" + relative), "cannot read template (is it UTF-8?)"))
                        continue
                    }
                    sources[String(relative.dropLast(".mustache".count))] = (text, display + "/" + relative)
                }
            }
        }
        let (theme, checked) = make(templates: sources, assets: assets)
        return (theme, diagnostics + checked)
    }

    /// A theme from template texts (name → text and the file to name in
    /// diagnostics) and static files, checked: nil when a template has an error.
    package static func make(templates sources: [String: (text: String, file: String)], assets: [String: Asset]) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // swift-mustache's parser finds syntax errors, with their positions;
        // Handbook renders with its own compiled templates (`TemplateLibrary`).
        let lint = TemplateLinter.check(templates: sources)
        for name in sources.keys.sorted() where !lint.unparsable.contains(name) {
            guard let source = sources[name] else { continue }
            do {
                _ = try MustacheTemplate(string: source.text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    .error(
                        DiagnosticID.templateSyntax,
                        at: SourceLocation(file: source.file, line: error.context.lineNumber, column: error.context.columnNumber),
                        "template syntax error: \(Self.describe(error.error))",
                        note: error.context.line))
            } catch {
                diagnostics.append(.error(DiagnosticID.templateSyntax, at: SourceLocation(file: source.file), "template syntax error: \(error)"))
            }
        }
        diagnostics += lint.diagnostics
        for required in requiredTemplates where sources[required] == nil {
            diagnostics.append(.error(DiagnosticID.templateMissing, at: nil, "the theme has no '\(required).mustache' template"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        for (path, asset) in assets.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            hasher.combine(asset)
        }
        return (
            Theme(
                library: TemplateLibrary(sources.mapValues(\.text)), templateNames: Set(sources.keys), assets: assets,
                fingerprint: hasher.finalize()),
            diagnostics
        )
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} sections may stand inside {{<parent}}"
        case .textInsideInheritSection: return "text inside {{<parent}} outside any {{$block}}"
        case .invalidConfigVariableSyntax: return "a {{% config }} tag is malformed"
        case .unrecognisedConfigVariable: return "unknown {{% config }} variable"
        @unknown default: return "\(error)"
        }
    }

    /// Files below `folder`, relative, sorted, dot-files skipped.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir), !isDir.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }


    static func display(_ path: String, root: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
