import CMark
import HandbookEscaping

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GitHub's footnotes: `[^label]` in the text and `[^label]: text` definitions
/// (continued by lines indented four spaces), rendered as GitHub renders them:
/// a numbered `<sup>` link at each reference, and a `section.footnotes` at the
/// end of the page listing the notes in the order they are first referred to,
/// each with links back to its references. Definitions nobody refers to are
/// left out, as GitHub does; a reference without a definition stays text.
///
/// Two steps around cmark's parse. Before it, `prepare` takes each
/// definition's marker off and its continuation lines' indentation, so that
/// cmark parses the note's text where it stands, as top-level blocks, with its
/// line numbers (`columnShifts` puts the columns back); links in a note are
/// then resolved and checked like any other. After it, `apply` turns the
/// references into links and moves the notes' blocks into the section.
struct Footnotes {
    /// A definition: its label as written, and the lines (1-based, in the
    /// Markdown given to cmark) its text occupies.
    struct Definition {
        var label: String
        var lines: ClosedRange<Int>
    }

    private(set) var definitions: [Definition] = []
    /// Line → how many columns the rewrite took off its start.
    private(set) var columnShifts: [Int: Int] = [:]
    /// `fn-…` and `fnref-…` ids the section and the references carry.
    private(set) var anchors: [String] = []

    /// The source with its definitions rewritten; nil when it has none.
    static func prepare(_ source: String) -> (source: String, footnotes: Footnotes)? {
        guard MarkdownParser.contains("[^", in: source) else { return nil }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var footnotes = Footnotes()
        var fence: (marker: Character, length: Int)?
        var k = 0
        var previousBlank = true
        while k < lines.count {
            let line = lines[k]
            if let open = fence {
                if Self.fence(in: line).map({ $0.marker == open.marker && $0.length >= open.length }) == true { fence = nil }
                k += 1
                previousBlank = false
                continue
            }
            if let opened = Self.fence(in: line) {
                fence = opened
                k += 1
                previousBlank = false
                continue
            }
            // A definition starts a block: after a blank line or another definition.
            guard previousBlank, let (label, markerLength) = Self.definitionMarker(in: line) else {
                previousBlank = line.allSatisfy { $0 == " " || $0 == "\t" }
                k += 1
                continue
            }
            lines[k] = String(line.dropFirst(markerLength))
            footnotes.columnShifts[k + 1] = line.prefix(markerLength).utf8.count
            var last = k
            var next = k + 1
            // Continuation: blank lines, and lines indented four columns.
            while next < lines.count {
                let candidate = lines[next]
                if candidate.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    next += 1
                    continue
                }
                let indent = Self.indentation(of: candidate)
                guard indent.columns >= 4 else { break }
                lines[next] = String(candidate.dropFirst(indent.characters))
                footnotes.columnShifts[next + 1] = indent.characters
                last = next
                next += 1
            }
            footnotes.definitions.append(Definition(label: label, lines: (k + 1)...(last + 1)))
            k = last + 1
            previousBlank = true
        }
        guard !footnotes.definitions.isEmpty else { return nil }
        return (lines.joined(separator: "\n"), footnotes)
    }

    /// `[^label]: ` at the start of a line (up to three spaces before it): the
    /// label, and how many characters the marker takes with the blanks after it.
    private static func definitionMarker(in line: String) -> (String, Int)? {
        var index = line.startIndex
        var spaces = 0
        while index < line.endIndex, line[index] == " ", spaces < 4 {
            spaces += 1
            index = line.index(after: index)
        }
        guard spaces < 4, line[index...].hasPrefix("[^") else { return nil }
        let labelStart = line.index(index, offsetBy: 2)
        guard let close = line[labelStart...].firstIndex(of: "]"), close > labelStart else { return nil }
        let label = line[labelStart..<close]
        guard !label.contains(where: { $0 == " " || $0 == "\t" || $0 == "[" }), line[close...].hasPrefix("]:") else { return nil }
        var end = line.index(close, offsetBy: 2)
        while end < line.endIndex, line[end] == " " || line[end] == "\t" { end = line.index(after: end) }
        return (String(label), line.distance(from: line.startIndex, to: end))
    }

    /// An opening or closing code fence (three or more ` or ~, up to three spaces in).
    private static func fence(in line: String) -> (marker: Character, length: Int)? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count < 4, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let length = trimmed.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    /// Leading whitespace, in columns (a tab to the next multiple of four) and
    /// in characters to drop to take four columns off.
    private static func indentation(of line: String) -> (columns: Int, characters: Int) {
        var columns = 0
        var characters = 0
        for c in line {
            guard columns < 4 else { break }
            if c == " " { columns += 1 } else if c == "\t" { columns += 4 - columns % 4 } else { break }
            characters += 1
        }
        return (columns, characters)
    }

    /// References become links to their note, and the notes that are referred
    /// to move, in that order, into the section at the end of `document`.
    mutating func apply(to document: OpaquePointer) {
        // The notes' blocks: top-level nodes starting on a definition's lines.
        var blocks: [String: [OpaquePointer]] = [:]
        var byKey: [String: Definition] = [:]
        var keyOfLine: [Int: String] = [:]
        for definition in definitions {
            let key = Self.key(definition.label)
            // A label defined twice is its first definition; the second's text is dropped.
            let owner = byKey[key] == nil ? key : "\u{0}duplicate"
            if byKey[key] == nil { byKey[key] = definition }
            for line in definition.lines { keyOfLine[line] = owner }
        }
        for node in CMarkTree.children(document) {
            if let key = keyOfLine[Int(cmark_node_get_start_line(node))] { blocks[key, default: []].append(node) }
        }
        // Number the notes by their first reference, in document order.
        var order: [String] = []
        var numberOf: [String: Int] = [:]
        var referenceCount: [String: Int] = [:]
        let texts = CMarkTree.textNodesOutsideLinks(in: document) { strstr($0, "[^") != nil }
        for text in texts {
            guard let literal = CMarkTree.literal(text) else { continue }
            var pieces: [OpaquePointer] = []
            var rest = Substring(literal)
            while let open = rest.range(of: "[^") {
                guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
                let label = rest[open.upperBound..<close]
                let key = Self.key(String(label))
                guard let definition = byKey[key], !label.isEmpty else {
                    pieces.append(CMarkTree.text(String(rest[..<open.upperBound])))
                    rest = rest[open.upperBound...]
                    continue
                }
                if !rest[..<open.lowerBound].isEmpty { pieces.append(CMarkTree.text(String(rest[..<open.lowerBound]))) }
                if numberOf[key] == nil {
                    order.append(key)
                    numberOf[key] = order.count
                }
                let count = (referenceCount[key] ?? 0) + 1
                referenceCount[key] = count
                let number = numberOf[key] ?? 0
                let id = Self.referenceID(definition.label, count)
                anchors.append(id)
                pieces.append(
                    CMarkTree.customInline(
                        enter: "<sup class=\"footnote-ref\"><a href=\"#\(Escape.html(Self.noteID(definition.label)))\" id=\"\(Escape.html(id))\" data-footnote-ref>\(number)</a></sup>",
                        exit: ""))
                rest = rest[rest.index(after: close)...]
            }
            guard !pieces.isEmpty else { continue }
            if !rest.isEmpty { pieces.append(CMarkTree.text(String(rest))) }
            for piece in pieces { _ = cmark_node_insert_before(text, piece) }
            CMarkTree.remove(text)
        }
        // Notes nobody refers to are left out.
        for (key, nodes) in blocks where referenceCount[key] == nil {
            for node in nodes { CMarkTree.remove(node) }
        }
        guard !order.isEmpty else { return }
        let section = CMarkTree.customBlock(enter: "<section class=\"footnotes\" data-footnotes>\n<ol>", exit: "</ol>\n</section>")
        for (n, key) in order.enumerated() {
            guard let definition = byKey[key] else { continue }
            let noteID = Self.noteID(definition.label)
            anchors.append(noteID)
            let item = CMarkTree.customBlock(enter: "<li id=\"\(Escape.html(noteID))\">", exit: "</li>")
            for node in blocks[key] ?? [] { _ = cmark_node_append_child(item, node) }
            var last = cmark_node_last_child(item)
            // Back-references end the note's last paragraph, or one of their own.
            var separator = " "
            if last.map({ cmark_node_get_type($0) != CMARK_NODE_PARAGRAPH }) ?? true {
                let paragraph = CMarkTree.node(CMARK_NODE_PARAGRAPH)
                _ = cmark_node_append_child(item, paragraph)
                last = paragraph
                separator = ""
            }
            for k in 1...(referenceCount[key] ?? 1) {
                let index = k == 1 ? "\(n + 1)" : "\(n + 1)-\(k)"
                let mark = k == 1 ? "↩" : "↩<sup class=\"footnote-ref\">\(k)</sup>"
                let back = CMarkTree.customInline(
                    enter: separator + "<a href=\"#\(Escape.html(Self.referenceID(definition.label, k)))\" class=\"footnote-backref\" data-footnote-backref"
                        + " data-footnote-backref-idx=\"\(index)\" aria-label=\"Back to reference \(index)\">\(mark)</a>",
                    exit: "")
                if let last { _ = cmark_node_append_child(last, back) }
                separator = " "
            }
            _ = cmark_node_append_child(section, item)
        }
        _ = cmark_node_append_child(document, section)
    }

    /// Labels match as link labels do: case-insensitively.
    private static func key(_ label: String) -> String { label.lowercased() }
    private static func noteID(_ label: String) -> String { "fn-" + label }
    private static func referenceID(_ label: String, _ k: Int) -> String { k == 1 ? "fnref-" + label : "fnref-\(label)-\(k)" }
}
