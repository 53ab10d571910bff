import Foundation

/// Turns diagnostics into text for a terminal, JSON for tools, or GitHub
/// Actions workflow commands for annotations.
public enum DiagnosticFormatter: String, Sendable, CaseIterable {
    case text
    case json
    case github

    /// Formats one diagnostic. `text` gives `path:line:col: error: message [id]`
    /// followed by an indented note when there is one.
    public func format(_ diagnostic: Diagnostic, colour: Bool = false) -> String {
        switch self {
        case .text: return Self.formatText(diagnostic, colour: colour)
        case .json: return Self.formatJSON([diagnostic])
        case .github: return Self.formatGitHub(diagnostic)
        }
    }

    /// "2 errors, 1 warning": the closing line of `handbook check`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(count(errors, "error")), \(count(warnings, "warning"))"
    }

    /// Formats a whole list, one entry per line (one JSON array for `json`).
    /// In `text`, more than `limit` diagnostics (0: no limit) are cut to the
    /// first `limit` (errors first, each severity in file order) and a table
    /// counting every identifier, so that an imported handbook with thousands
    /// of warnings prints one screen. `json` and `github` list everything.
    public func format(_ diagnostics: [Diagnostic], colour: Bool = false, limit: Int = 0) -> String {
        switch self {
        case .json:
            return Self.formatJSON(diagnostics) + "\n"
        case .github:
            return diagnostics.map { format($0) + "\n" }.joined()
        case .text:
            guard limit > 0, diagnostics.count > limit else { return diagnostics.map { format($0, colour: colour) + "\n" }.joined() }
            let first = [Severity.error, .warning, .note].flatMap { severity in diagnostics.filter { $0.severity == severity } }.prefix(limit)
            return first.map { format($0, colour: colour) + "\n" }.joined() + Self.table(diagnostics, shown: first.count)
        }
    }

    /// Every identifier with its count and one example, most frequent first,
    /// and how to see the rest.
    static func table(_ diagnostics: [Diagnostic], shown: Int) -> String {
        let rows = byIdentifier(diagnostics)
        let width = rows.map(\.identifier.count).max() ?? 0
        let countWidth = rows.map { grouped($0.count).count }.max() ?? 0
        var out = "\nBy identifier (\(grouped(diagnostics.count)) in all), with one example each:\n"
        for row in rows {
            let count = grouped(row.count)
            let place = row.example.location.map { "\($0): " } ?? ""
            out += String(repeating: " ", count: countWidth - count.count + 2) + count + "  " + row.identifier
                + String(repeating: " ", count: width - row.identifier.count + 2) + place + row.example.message + "\n"
        }
        out += "and \(grouped(diagnostics.count - shown)) more: `--format json` or `--max-diagnostics 0` lists them all\n"
        return out
    }

    /// Each identifier with how many diagnostics have it and the first of
    /// them, most frequent first (then by identifier): the summaries' rows.
    public static func byIdentifier(_ diagnostics: [Diagnostic]) -> [(identifier: String, count: Int, example: Diagnostic)] {
        var groups: [String: (count: Int, example: Diagnostic)] = [:]
        for d in diagnostics { groups[d.identifier, default: (0, d)].count += 1 }
        return groups.map { ($0.key, $0.value.count, $0.value.example) }.sorted { ($1.count, $0.identifier) < ($0.count, $1.identifier) }
    }

    /// 8351 → "8,351".
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    private static func formatText(_ d: Diagnostic, colour: Bool) -> String {
        let place = d.location.map { "\($0): " } ?? "handbook: "
        let label: String
        if colour {
            let code = switch d.severity {
            case .error: "1;31"
            case .warning: "1;35"
            case .note: "1;36"
            }
            label = "\u{1B}[\(code)m\(d.severity.rawValue):\u{1B}[0m"
        } else {
            label = "\(d.severity.rawValue):"
        }
        var line = "\(place)\(label) \(d.message) [\(d.identifier)]"
        if let note = d.note {
            line += "\n    note: " + note.replacingOccurrences(of: "\n", with: "\n    ")
        }
        return line
    }

    private static func formatGitHub(_ d: Diagnostic) -> String {
        let command = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var properties: [String] = []
        if let location = d.location {
            properties.append("file=\(escapeProperty(location.file))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=\(escapeProperty(d.identifier))")
        var message = d.message
        if let note = d.note { message += "\n" + note }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    // Escaping rules of GitHub Actions workflow commands.
    private static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private struct Entry: Encodable {
        var severity: String
        var identifier: String
        var file: String?
        var line: Int?
        var column: Int?
        var message: String
        var notes: [String]
    }

    private static func formatJSON(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, identifier: $0.identifier, file: $0.location?.file,
                line: $0.location?.line, column: $0.location?.column, message: $0.message, notes: $0.note.map { [$0] } ?? [])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
