/// How bad a problem is. Errors fail a build; warnings fail it only under
/// `--strict`; notes are for information (orphan pages and the like).
public enum Severity: String, Sendable, Hashable, Comparable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in the content, the configuration or the templates.
///
/// Stages return diagnostics as values; they never print or throw for a
/// content problem. `identifier` is stable (`frontmatter.yaml`,
/// `link.broken`) so that tools and tests can rely on it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var identifier: String
    public var location: SourceLocation?
    public var message: String
    public var note: String?

    public init(
        _ severity: Severity,
        _ identifier: String,
        at location: SourceLocation?,
        _ message: String,
        note: String? = nil
    ) {
        self.severity = severity
        self.identifier = identifier
        self.location = location
        self.message = message
        self.note = note
    }

    public static func error(_ identifier: String, at location: SourceLocation?, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, identifier, at: location, message, note: note)
    }

    public static func warning(_ identifier: String, at location: SourceLocation?, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, identifier, at: location, message, note: note)
    }

    public var description: String { DiagnosticFormatter.text.format(self) }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var hasWarnings: Bool { contains { $0.severity == .warning } }

    /// Diagnostics in a stable order: by file, line, column, then message, so
    /// that parallel stages print the same output on every run.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.message, a.identifier) < (b.message, b.identifier)
            }
        }
    }
}

extension Diagnostic {
    /// Names for a note, at most `limit` of them: `a, b, c, d, e and 12 more`.
    /// A note never grows with the size of the site.
    public static func names(_ names: [String], limit: Int = 5) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
