import HandbookDiagnostics

/// TOML front matter (`+++` fences, as Hugo writes it) read into the same
/// positioned values as YAML, so that every key is decoded and checked the
/// same way. The TOML that front matter uses: `key = value` with bare,
/// quoted and dotted keys, `[table]` and `[[array of tables]]` headers,
/// basic, literal and multi-line strings, numbers, booleans, dates and times
/// (kept as text), arrays and inline tables. A mistake is one error at its
/// line and column.
package enum TOMLReader {
    package static func read(_ text: String, file: String, lineOffset: Int = 0) -> YAMLReader.Result {
        var parser = Parser(bytes: Array(text.utf8), file: file, lineOffset: lineOffset)
        do {
            return .value(try parser.document())
        } catch let failure as Failure {
            return .failure(
                .error(DiagnosticID.tomlSyntax, at: SourceLocation(file: file, line: failure.line + lineOffset, column: failure.column), failure.message))
        } catch {
            return .failure(.error(DiagnosticID.tomlSyntax, at: SourceLocation(file: file, line: 1 + lineOffset), "TOML front matter could not be read"))
        }
    }

    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// A mapping being filled: its entries, and for each key the position of its value.
    final class Table {
        var entries: [(key: String, value: Node, line: Int, column: Int)] = []
        /// Opened by its own `[header]` (a table may be opened once).
        var explicit = false
        let line: Int
        let column: Int
        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
        func find(_ key: String) -> Int? { entries.firstIndex { $0.key == key } }
    }

    enum Node {
        case value(YAMLValue)
        case table(Table)
        case tables([Table], line: Int, column: Int)

        var yaml: YAMLValue {
            switch self {
            case .value(let v): v
            case .table(let t): .mapping(t.entries.map { ($0.key, $0.value.yaml, $0.line, $0.column) }, line: t.line, column: t.column)
            case .tables(let ts, let line, let column): .sequence(ts.map { Node.table($0).yaml }, line: line, column: column)
            }
        }
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        let lineOffset: Int
        var i = 0
        var line = 1
        var lineStart = 0

        var column: Int { i - lineStart + 1 }

        func fail(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func advance() {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }

        mutating func skipSpaces() { while let c = peek, c == 0x20 || c == 0x09 { i += 1 } }

        /// Spaces, newlines and comments (inside arrays, between statements).
        mutating func skipBlank() {
            while let c = peek {
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A {
                    advance()
                } else if c == UInt8(ascii: "#") {
                    while let d = peek, d != 0x0A { i += 1 }
                } else {
                    return
                }
            }
        }

        /// The end of a statement: spaces, an optional comment, then a newline or the end.
        mutating func endOfLine() throws {
            skipSpaces()
            if peek == UInt8(ascii: "#") { while let d = peek, d != 0x0A { i += 1 } }
            if peek == 0x0D { i += 1 }
            guard peek == nil || peek == 0x0A else { throw fail("expected the end of the line after a value") }
        }

        mutating func document() throws -> YAMLValue? {
            let root = Table(line: 1 + lineOffset, column: 1)
            var current = root
            skipBlank()
            guard peek != nil else { return nil }
            while peek != nil {
                if peek == UInt8(ascii: "[") {
                    let (l, c) = (line, column)
                    let array = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "[")
                    i += array ? 2 : 1
                    skipSpaces()
                    let path = try keyPath()
                    skipSpaces()
                    for _ in 0..<(array ? 2 : 1) {
                        guard peek == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header") }
                        i += 1
                    }
                    try endOfLine()
                    current = try header(path, array: array, in: root, line: l, column: c)
                } else {
                    try keyValue(into: current)
                    try endOfLine()
                }
                skipBlank()
            }
            return Node.table(root).yaml
        }

        /// The table a `[a.b]` or `[[a.b]]` header opens.
        func header(_ path: [(String, Int, Int)], array: Bool, in root: Table, line l: Int, column c: Int) throws -> Table {
            var table = root
            for (n, (key, kl, kc)) in path.enumerated() {
                let last = n == path.count - 1
                if let k = table.find(key) {
                    switch table.entries[k].value {
                    case .table(let t) where !(last && array):
                        if last {
                            guard !t.explicit else { throw Failure(message: "'\(key)' is already defined", line: kl, column: kc) }
                            t.explicit = true
                        }
                        table = t
                    case .tables(var ts, let tl, let tc):
                        if last && array {
                            let fresh = Table(line: l + lineOffset, column: c)
                            ts.append(fresh)
                            table.entries[k].value = .tables(ts, line: tl, column: tc)
                            return fresh
                        }
                        guard let lastTable = ts.last else { throw Failure(message: "'\(key)' is empty", line: kl, column: kc) }
                        table = lastTable
                    default:
                        throw Failure(message: "'\(key)' is already defined", line: kl, column: kc)
                    }
                } else {
                    let fresh = Table(line: kl + lineOffset, column: kc)
                    fresh.explicit = last
                    let node: Node = last && array ? .tables([fresh], line: kl + lineOffset, column: kc) : .table(fresh)
                    table.entries.append((key, node, kl + lineOffset, kc))
                    table = fresh
                }
            }
            return table
        }

        /// `key = value`, with a dotted key making the tables on its way.
        mutating func keyValue(into table: Table) throws {
            let path = try keyPath()
            skipSpaces()
            guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after the key '\(path.map(\.0).joined(separator: "."))'") }
            i += 1
            skipSpaces()
            let value = try self.value()
            var target = table
            for (key, kl, kc) in path.dropLast() {
                if let k = target.find(key) {
                    guard case .table(let t) = target.entries[k].value else { throw Failure(message: "'\(key)' is already defined", line: kl, column: kc) }
                    target = t
                } else {
                    let fresh = Table(line: kl + lineOffset, column: kc)
                    target.entries.append((key, .table(fresh), kl + lineOffset, kc))
                    target = fresh
                }
            }
            guard let (key, kl, kc) = path.last else { throw fail("expected a key") }
            if target.find(key) != nil { throw Failure(message: "duplicate key '\(key)'", line: kl, column: kc) }
            target.entries.append((key, value, kl + lineOffset, kc))
        }

        /// `a`, `"a b"`, `a.b.'c'`: each part with its position.
        mutating func keyPath() throws -> [(String, Int, Int)] {
            var parts: [(String, Int, Int)] = []
            repeat {
                skipSpaces()
                let (l, c) = (line, column)
                if peek == UInt8(ascii: "\"") || peek == UInt8(ascii: "'") {
                    guard case .scalar(let s, _, _) = try string() else { throw fail("expected a key") }
                    parts.append((s, l, c))
                } else {
                    let start = i
                    while let b = peek, b.isBareKey { i += 1 }
                    guard i > start else { throw fail("expected a key, found '\(peek.map { String(UnicodeScalar($0)) } ?? "the end")'") }
                    parts.append((String(decoding: bytes[start..<i], as: UTF8.self), l, c))
                }
                skipSpaces()
                guard peek == UInt8(ascii: ".") else { break }
                i += 1
            } while true
            return parts
        }

        mutating func value() throws -> Node {
            let (l, c) = (line + lineOffset, column)
            switch peek {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return .value(try string())
            case UInt8(ascii: "["):
                i += 1
                var items: [YAMLValue] = []
                skipBlank()
                while peek != UInt8(ascii: "]") {
                    guard peek != nil else { throw Failure(message: "this array is not closed", line: l - lineOffset, column: c) }
                    items.append(try value().yaml)
                    skipBlank()
                    if peek == UInt8(ascii: ",") {
                        i += 1
                        skipBlank()
                    } else if peek != UInt8(ascii: "]") {
                        throw fail("expected ',' or ']' in an array")
                    }
                }
                i += 1
                return .value(.sequence(items, line: l, column: c))
            case UInt8(ascii: "{"):
                i += 1
                let table = Table(line: l, column: c)
                skipSpaces()
                while peek != UInt8(ascii: "}") {
                    try keyValue(into: table)
                    skipSpaces()
                    if peek == UInt8(ascii: ",") {
                        i += 1
                        skipSpaces()
                    } else if peek != UInt8(ascii: "}") {
                        throw fail("expected ',' or '}' in an inline table")
                    }
                }
                i += 1
                return .table(table)
            case let b? where b.isBareKey || b == UInt8(ascii: "+") || b == UInt8(ascii: ":"):
                // Numbers, booleans, dates and times: kept as written (without `_` in numbers).
                let start = i
                while let d = peek, d.isBareKey || d == UInt8(ascii: "+") || d == UInt8(ascii: ":") || d == UInt8(ascii: ".")
                    || (d == 0x20 && i + 1 < bytes.count && bytes[i + 1].isDigit && i > start && bytes[start..<i].contains(UInt8(ascii: "-")))
                {
                    i += 1
                }
                var word = String(decoding: bytes[start..<i], as: UTF8.self)
                guard word == "true" || word == "false" || word.first?.isNumber == true || word.first == "+" || word.first == "-" || word == "inf" || word == "nan"
                else { throw Failure(message: "'\(word)' is not a TOML value; text needs quotes: \"\(word)\"", line: l - lineOffset, column: c) }
                if word.first?.isNumber == true, !word.contains("-"), !word.contains(":") { word.removeAll { $0 == "_" } }
                return .value(.scalar(word, line: l, column: c))
            default:
                throw fail("expected a value")
            }
        }

        /// `"basic"`, `'literal'`, `"""multi-line"""`, `'''multi-line'''`.
        mutating func string() throws -> YAMLValue {
            let (l, c) = (line + lineOffset, column)
            guard let quote = peek else { throw fail("expected a string") }
            let multi = i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote
            i += multi ? 3 : 1
            if multi, peek == 0x0A { advance() } else if multi, peek == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; advance() }
            var out: [UInt8] = []
            while true {
                guard let b = peek else { throw Failure(message: "this string is not closed", line: l - lineOffset, column: c) }
                if b == quote, !multi || (i + 2 < bytes.count && bytes[i + 1] == quote && bytes[i + 2] == quote) {
                    i += multi ? 3 : 1
                    return .scalar(String(decoding: out, as: UTF8.self), line: l, column: c)
                }
                if b == 0x0A, !multi { throw Failure(message: "this string is not closed on its line", line: l - lineOffset, column: c) }
                if b == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                    i += 1
                    guard let e = peek else { continue }
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
                    case UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let length = e == UInt8(ascii: "u") ? 4 : 8
                        guard i + length < bytes.count, let code = UInt32(String(decoding: bytes[(i + 1)...(i + length)], as: UTF8.self), radix: 16),
                            let scalar = UnicodeScalar(code)
                        else { throw fail("invalid \\u escape") }
                        out += Array(String(Character(scalar)).utf8)
                        i += length
                    case 0x0A where multi, 0x0D where multi:
                        // A line-ending backslash joins the next line without its leading blanks.
                        while let d = peek, d == 0x20 || d == 0x09 || d == 0x0D || d == 0x0A { advance() }
                        continue
                    default: throw fail("unknown escape '\\\(String(UnicodeScalar(e)))'")
                    }
                    i += 1
                    continue
                }
                out.append(b)
                advance()
            }
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    fileprivate var isBareKey: Bool {
        isDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
}
