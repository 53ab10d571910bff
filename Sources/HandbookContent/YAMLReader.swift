import CYaml
import HandbookDiagnostics

/// Parses YAML text into a `YAMLValue`, or a diagnostic at the right place of
/// the file (`lineOffset` is the number of lines above the YAML text).
///
/// It reads libyaml's events (the parser inside Yams) and builds the value
/// itself, without recursion, so that it can bound what a hostile file can
/// cost: nesting stops at libyaml's 1,000 levels, and aliases may not expand
/// the document past `maximumNodes` values (a "billion laughs" file of a few
/// hundred bytes would otherwise take gigabytes). Every scalar stays text;
/// Handbook types values itself.
package enum YAMLReader {
    package enum Result: Sendable {
        case value(YAMLValue?)
        case failure(Diagnostic)
    }

    /// Values a document may hold once its aliases are expanded.
    package static let maximumNodes = 100_000

    package static func read(_ text: String, file: String, lineOffset: Int = 0) -> Result {
        let result = parse(text, file: file, lineOffset: lineOffset)
        // A tab after a list's dash (`-\t"text"`) is separation in YAML 1.2 and
        // in the JavaScript readers of Gatsby and Docusaurus sites, but libyaml
        // stops at it. Such a file is read again with those tabs as spaces
        // (the same columns); if that fails too, the first error stands.
        guard case .failure = result, let spaced = tabsAfterDashesAsSpaces(text),
            case .value(let value) = parse(spaced, file: file, lineOffset: lineOffset)
        else { return result }
        return .value(value)
    }

    private static func parse(_ text: String, file: String, lineOffset: Int) -> Result {
        var text = text
        return text.withUTF8 { bytes in
            var reader = EventReader(file: file, lineOffset: lineOffset)
            return reader.read(bytes)
        }
    }

    /// `text` with each tab between a line's leading dashes (`-`, `- -`) and
    /// what follows them made a space; nil when there is none.
    static func tabsAfterDashesAsSpaces(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        var changed = false
        var i = 0
        while i < bytes.count {
            // At a line's start: its indentation, then dashes each followed by blanks.
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            while i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09 {
                i += 1
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
                    if bytes[i] == 0x09 {
                        bytes[i] = 0x20
                        changed = true
                    }
                    i += 1
                }
            }
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            i += 1
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// A collection being built, with the anchor it will be registered under.
    private struct Open {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLValue] = []
        /// Mapping keys as written, to report a duplicate.
        var keys: Set<String> = []
        var pendingKey: (key: String, line: Int, column: Int)?
        var entries: [(key: String, value: YAMLValue, line: Int, column: Int)] = []
        /// Values inside, aliases expanded.
        var size = 1
    }

    private struct EventReader {
        let file: String
        let lineOffset: Int
        var anchors: [String: (value: YAMLValue, size: Int)] = [:]
        var stack: [Open] = []
        var root: YAMLValue?
        var nodes = 0
        var documents = 0

        init(file: String, lineOffset: Int) {
            self.file = file
            self.lineOffset = lineOffset
        }

        func at(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
        }

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.error(DiagnosticID.yamlSyntax, at: SourceLocation(file: file), "cannot start the YAML parser")) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return .failure(syntaxError(parser)) }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return .value(root)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return .failure(.error(DiagnosticID.yamlSyntax, at: at(mark), "invalid YAML: more than one document"))
                    }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let value = YAMLValue.scalar(
                        Self.string(scalar.value, length: scalar.length), line: Int(mark.line) + 1 + lineOffset,
                        column: Int(mark.column) + 1)
                    if let problem = add(value, size: 1, anchor: Self.string(scalar.anchor), at: mark) { return .failure(problem) }
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    guard let anchored = anchors[name] else {
                        return .failure(.error(DiagnosticID.yamlSyntax, at: at(mark), "invalid YAML: found undefined alias '\(name)'"))
                    }
                    if let problem = add(anchored.value, size: anchored.size, anchor: nil, at: mark) { return .failure(problem) }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                    stack.append(
                        Open(isMapping: isMapping, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1, anchor: Self.string(anchor)))
                    if let problem = count(1, at: mark) { return .failure(problem) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let open = stack.popLast() else { continue }
                    let value: YAMLValue = open.isMapping
                        ? .mapping(open.entries, line: open.line, column: open.column)
                        : .sequence(open.items, line: open.line, column: open.column)
                    // The collection's own nodes were counted as they came.
                    if let problem = add(value, size: open.size, anchor: open.anchor, at: mark, counted: true) { return .failure(problem) }
                default:
                    continue
                }
            }
        }

        mutating func count(_ size: Int, at mark: yaml_mark_t) -> Diagnostic? {
            nodes += size
            guard nodes > YAMLReader.maximumNodes else { return nil }
            return .error(
                DiagnosticID.yamlTooLarge, at: at(mark),
                "the front matter expands to more than \(YAMLReader.maximumNodes) values",
                note: "YAML aliases (*name) copy what their anchor (&name) holds; use fewer of them")
        }

        /// Puts a finished value into the collection being built (or makes it the root).
        mutating func add(_ value: YAMLValue, size: Int, anchor: String?, at mark: yaml_mark_t, counted: Bool = false) -> Diagnostic? {
            if !counted, let problem = count(size, at: mark) { return problem }
            if let anchor { anchors[anchor] = (value, size) }
            guard !stack.isEmpty else {
                root = value
                return nil
            }
            var open = stack.removeLast()
            defer { stack.append(open) }
            open.size += size
            guard open.isMapping else {
                open.items.append(value)
                return nil
            }
            guard let key = open.pendingKey else {
                let name = value.string ?? value.flowText
                guard open.keys.insert(name).inserted else {
                    return .error(DiagnosticID.yamlDuplicateKey, at: at(mark), "duplicate key \(name) in YAML mapping")
                }
                open.pendingKey = (name, value.line, value.column)
                return nil
            }
            open.entries.append((key.key, value, key.line, key.column))
            open.pendingKey = nil
            return nil
        }

        func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable text"
            let note = parser.context.map { "\(String(cString: $0)) at line \(Int(parser.context_mark.line) + 1 + lineOffset)" }
            if parser.error == YAML_READER_ERROR {
                return .error(DiagnosticID.yamlSyntax, at: SourceLocation(file: file, line: lineOffset + 1), "unreadable YAML: \(problem)")
            }
            return .error(DiagnosticID.yamlSyntax, at: at(parser.problem_mark), "invalid YAML: \(problem)", note: note)
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int? = nil) -> String? {
            guard let pointer else { return nil }
            let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
            return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
        }

        static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
            string(pointer, length: Optional(length)) ?? ""
        }
    }
}

extension YAMLValue {
    /// A collection used as a mapping key, written back in flow style.
    var flowText: String {
        switch self {
        case .scalar(let s, _, _): s
        case .sequence(let items, _, _): "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let entries, _, _): "{" + entries.map { "\($0.key): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }
}
