import HandbookDiagnostics

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

