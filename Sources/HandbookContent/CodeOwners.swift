import Foundation
import HandbookDiagnostics

/// A repository's `CODEOWNERS` file, read as GitHub reads it: each line a
/// path pattern and its owners (`@user`, `@org/team` or an e-mail address);
/// for a path, the last line whose pattern matches wins, and a line with no
/// owners leaves the path without any.
///
/// Patterns follow GitHub's rules: `*` matches within one folder name, `**`
/// across folders, a pattern with a `/` at its start or in its middle is
/// relative to the repository's root (otherwise it matches at any depth), a
/// pattern ending in `/` matches everything in that folder, a pattern that
/// names a folder matches everything in it, and `folder/*` matches only the
/// files directly in it. GitHub does not support `!` or `[ ]`; such lines are
/// reported and skipped.
package struct CodeOwners: Sendable, Equatable {
    /// Where GitHub looks, in order; the first file found is used.
    package static let locations = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"]

    package struct Rule: Sendable, Equatable {
        var anchored: Bool
        var segments: [String]
        var folderOnly: Bool
        package var owners: [String]
        package var line: Int
    }

    package private(set) var rules: [Rule] = []
    /// The file, as shown in diagnostics (relative to the site's root).
    package let file: String

    /// The site's CODEOWNERS file, if it has one: its bytes (for what a build
    /// depends on), its rules, and warnings for the lines it skips.
    package static func load(_ layout: SiteLayout) -> (text: Data?, owners: CodeOwners?, diagnostics: [Diagnostic]) {
        guard let file = layout.codeOwnersFile, let data = FileManager.default.contents(atPath: file) else { return (nil, nil, []) }
        let (owners, diagnostics) = parse(String(decoding: data, as: UTF8.self), file: layout.displayPath(file))
        return (data, owners, diagnostics)
    }

    /// Parses the text of a CODEOWNERS file; problems come back as warnings.
    package static func parse(_ text: String, file: String) -> (CodeOwners, [Diagnostic]) {
        var owners = CodeOwners(file: file)
        var diagnostics: [Diagnostic] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            // A comment runs from an unescaped # at the start or after white space.
            var words: [String] = []
            var current = ""
            var escaped = false
            var column = 0
            var patternColumn = 0
            for character in line {
                column += 1
                if escaped {
                    current.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "#" && current.isEmpty {
                    break
                } else if character == " " || character == "\t" {
                    if !current.isEmpty { words.append(current) }
                    current = ""
                } else {
                    if current.isEmpty && words.isEmpty { patternColumn = column }
                    current.append(character)
                }
            }
            if !current.isEmpty { words.append(current) }
            guard let pattern = words.first else { continue }
            let location = SourceLocation(file: file, line: n + 1, column: patternColumn)
            if pattern.hasPrefix("!") || pattern.contains("[") {
                diagnostics.append(
                    .warning(
                        DiagnosticID.codeownersUnsupported, at: location,
                        "GitHub does not support '\(pattern.hasPrefix("!") ? "!" : "[ ]")' in CODEOWNERS patterns; this line is skipped"))
                continue
            }
            owners.rules.append(rule(pattern, owners: Array(words.dropFirst()), line: n + 1))
        }
        return (owners, diagnostics)
    }

    private static func rule(_ pattern: String, owners: [String], line: Int) -> Rule {
        var body = Substring(pattern)
        let folderOnly = body.hasSuffix("/")
        if folderOnly { body = body.dropLast() }
        let anchored = body.hasPrefix("/") || body.dropFirst().contains("/")
        if body.hasPrefix("/") { body = body.dropFirst() }
        var segments = body.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if !anchored && !(segments.first == "**") { segments.insert("**", at: 0) }
        return Rule(anchored: anchored, segments: segments, folderOnly: folderOnly, owners: owners, line: line)
    }

    /// The owners of a file at `path` (relative to the repository's root,
    /// `/`-separated), and the line that gave them; nil when no line matches.
    package func owners(of path: String) -> (owners: [String], line: Int)? {
        let parts = path.split(separator: "/").map(String.init)
        for rule in rules.reversed() where Self.matches(rule, parts) {
            return (rule.owners, rule.line)
        }
        return nil
    }

    /// A rule matches the whole path, or (unless it ends in `*`) a folder the path is in.
    static func matches(_ rule: Rule, _ parts: [String]) -> Bool {
        let lastIsStar = rule.segments.last == "*"
        return match(rule.segments[...], parts[...], allowFolder: !lastIsStar, folderOnly: rule.folderOnly)
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>, allowFolder: Bool, folderOnly: Bool) -> Bool {
        guard let head = pattern.first else {
            // The pattern is used up: the path is this file, or something in this folder.
            if path.isEmpty { return !folderOnly }
            return allowFolder
        }
        if head == "**" {
            // Zero or more folders.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest, allowFolder: allowFolder, folderOnly: folderOnly) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let name = path.first, glob(Array(head.utf8)[...], Array(name.utf8)[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst(), allowFolder: allowFolder, folderOnly: folderOnly)
    }

    /// `*` any run of characters, `?` one, within one name.
    private static func glob(_ pattern: ArraySlice<UInt8>, _ name: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var n = name.startIndex
        var star: (p: Int, n: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1
                n += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = (p, n)
                p += 1
            } else if let s = star {
                p = s.p + 1
                n = s.n + 1
                star = (s.p, s.n + 1)
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
