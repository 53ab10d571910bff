import HandbookDiagnostics
import Yams

/// A YAML value with the position of each node, detached from Yams so that it
/// is `Sendable` and can be checked key by key with exact line and column.
package indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String, line: Int, column: Int)
    case sequence([YAMLValue], line: Int, column: Int)
    case mapping([(key: String, value: YAMLValue, line: Int, column: Int)], line: Int, column: Int)

    package var line: Int {
        switch self {
        case .scalar(_, let line, _), .sequence(_, let line, _), .mapping(_, let line, _): line
        }
    }

    package var column: Int {
        switch self {
        case .scalar(_, _, let column), .sequence(_, _, let column), .mapping(_, _, let column): column
        }
    }

    package var string: String? {
        if case .scalar(let s, _, _) = self { return s }
        return nil
    }

    /// A short name of the value's shape, for messages ("expected a string, found a list").
    package var shapeName: String {
        switch self {
        case .scalar: "a value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    package subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries, _, _) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// Plain Swift values (strings, arrays, dictionaries) for templates.
    package var plain: any Sendable {
        switch self {
        case .scalar(let s, _, _): s
        case .sequence(let items, _, _): items.map(\.plain)
        case .mapping(let entries, _, _):
            Dictionary(entries.map { ($0.key, $0.value.plain) }, uniquingKeysWith: { first, _ in first })
        }
    }

    package static func == (lhs: YAMLValue, rhs: YAMLValue) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, l1, c1), .scalar(b, l2, c2)): a == b && l1 == l2 && c1 == c2
        case let (.sequence(a, l1, c1), .sequence(b, l2, c2)): a == b && l1 == l2 && c1 == c2
        case let (.mapping(a, l1, c1), .mapping(b, l2, c2)):
            l1 == l2 && c1 == c2 && a.count == b.count
                && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(column)
        if case .scalar(let s, _, _) = self { hasher.combine(s) }
    }
}

/// Parses YAML text into a `YAMLValue`, or a diagnostic at the right place of
/// the file (`lineOffset` is the number of lines above the YAML text).
package enum YAMLReader {
    package enum Result: Sendable {
        case value(YAMLValue?)
        case failure(Diagnostic)
    }

    package static func read(_ text: String, file: String, lineOffset: Int = 0) -> Result {
        do {
            // Every scalar is read as text and typed by Handbook itself, so Yams'
            // regular-expression tag resolution would be wasted work.
            guard let node = try Yams.compose(yaml: text, .basic) else { return .value(nil) }
            return .value(convert(node, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(
                .error("yaml.syntax", at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)"))
        }
    }

    static func convert(_ node: Node, lineOffset: Int) -> YAMLValue {
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, line: line, column: column)
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0, lineOffset: lineOffset) }, line: line, column: column)
        case .mapping(let mapping):
            let entries = mapping.map { pair in
                (
                    key: pair.key.string ?? "\(pair.key.any)",
                    value: convert(pair.value, lineOffset: lineOffset),
                    line: (pair.key.mark?.line ?? 1) + lineOffset,
                    column: pair.key.mark?.column ?? 1
                )
            }
            return .mapping(entries, line: line, column: column)
        case .alias(let alias):
            return .scalar("\(alias)", line: line, column: column)
        }
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return .error(
                "yaml.syntax", at: at(mark), "invalid YAML: \(problem)",
                note: context.map { "\($0.text) at line \($0.mark.line + lineOffset)" })
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(
                "yaml.duplicate-key", at: at(context.mark),
                "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", ")) in YAML mapping")
        case let .reader(problem, _, _, _):
            return .error("yaml.syntax", at: SourceLocation(file: file, line: lineOffset + 1), "unreadable YAML: \(problem)")
        default:
            return .error("yaml.syntax", at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }
}
