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
    public func format(_ diagnostics: [Diagnostic], colour: Bool = false) -> String {
        switch self {
        case .json:
            return Self.formatJSON(diagnostics) + "\n"
        case .text, .github:
            return diagnostics.map { format($0, colour: colour) + "\n" }.joined()
        }
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
