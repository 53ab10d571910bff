import CMark

/// Pipe tables as a transformation of cmark's tree: a paragraph whose source
/// lines hold a header row followed by a delimiter row becomes a table. The
/// lines before the header row stay a paragraph. Cell contents are parsed as
/// inline Markdown by cmark itself and grafted into the table's cells.
struct TableExtension {
    let source: SourceLines
    let parseOptions: Int32
    /// Where each cell's text starts in the file (body-relative line, byte
    /// column), so that links in cells are reported at their real position.
    private(set) var cellOrigins: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// Tables wider than `paddedColumns`, with body-relative lines.
    private(set) var problems: [MarkdownProblem] = []

    /// GFM pads every row with empty cells up to the header's width. Past this
    /// many columns, rows are padded only up to the longest row written, so a
    /// wide header over many short lines cannot multiply the output.
    static let paddedColumns = 100

    /// The allocator of the page's tree: cells are parsed with it too, as their nodes move into that tree.
    let memory: UnsafeMutablePointer<cmark_mem>

    init(source: SourceLines, parseOptions: Int32, memory: UnsafeMutablePointer<cmark_mem>) {
        self.memory = memory
        self.source = source
        self.parseOptions = parseOptions
    }

    /// The page's link reference definitions (`[label]: url`), by label in
    /// lower case: a cell is parsed on its own, and the definitions whose
    /// label it mentions are added after its text, so that `[text][label]` in
    /// a cell finds its definition, as on GitHub.
    private var definitions: [(label: String, line: String)] = []

    mutating func apply(to document: OpaquePointer) {
        let blocks = candidates(in: document)
        guard !blocks.isEmpty else { return }
        definitions = Self.definitions(in: source)
        for block in blocks { transform(block) }
    }

    /// Lines that open a link reference definition: up to three spaces, a
    /// bracketed label (not a footnote's `[^…]`), a colon.
    static func definitions(in source: SourceLines) -> [(label: String, line: String)] {
        var found: [(label: String, line: String)] = []
        for number in 1...max(1, source.count) {
            let line = source.line(number)
            var i = line.startIndex
            while i < line.endIndex, line[i] == UInt8(ascii: " "), i - line.startIndex < 3 { i += 1 }
            guard i + 1 < line.endIndex, line[i] == UInt8(ascii: "["), line[i + 1] != UInt8(ascii: "^"),
                let close = line[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close > i + 1,
                close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":")
            else { continue }
            let label = String(decoding: line[(i + 1)..<close], as: UTF8.self).lowercased()
            found.append((label, String(decoding: line, as: UTF8.self)))
        }
        return found
    }

    /// The definitions a cell's text may use, to be parsed after it.
    private func references(for text: String) -> String {
        guard !definitions.isEmpty, text.utf8.contains(UInt8(ascii: "]")) else { return "" }
        let lowered = text.lowercased()
        let used = definitions.filter { lowered.contains($0.label) }
        return used.isEmpty ? "" : "\n\n" + used.map(\.line).joined(separator: "\n")
    }

    /// Paragraphs, and setext headings (`---` under a table's last row makes
    /// one in plain CommonMark), that span two lines or more and contain a pipe.
    private func candidates(in document: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        for (node, entering) in CMarkTree.walk(document) {
            guard entering else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING else { continue }
            let first = Int(cmark_node_get_start_line(node))
            let last = Int(cmark_node_get_end_line(node))
            guard last > first else { continue }
            if (first...last).contains(where: { source.line($0).contains(UInt8(ascii: "|")) }) { result.append(node) }
        }
        return result
    }

    private struct Line {
        var number: Int
        var content: ArraySlice<UInt8>
        /// False for a lazy continuation line (a container marker is missing).
        var inContainer: Bool
    }

    private func lines(of block: OpaquePointer) -> [Line] {
        let first = Int(cmark_node_get_start_line(block))
        let last = Int(cmark_node_get_end_line(block))
        let startColumn = Int(cmark_node_get_start_column(block))
        let containers = Self.containers(of: block)
        var result: [Line] = []
        for number in first...last {
            let raw = source.line(number)
            if number == first {
                let skip = min(max(startColumn - 1, 0), raw.count)
                result.append(Line(number: number, content: raw.dropFirst(skip), inContainer: true))
            } else if let content = Self.strip(containers, from: raw) {
                result.append(Line(number: number, content: content, inContainer: true))
            } else {
                result.append(Line(number: number, content: raw, inContainer: false))
            }
        }
        return result
    }

    /// Block quotes (true) and list items (false) around a block, outermost first.
    private static func containers(of block: OpaquePointer) -> [Bool] {
        var chain: [Bool] = []
        var node = cmark_node_parent(block)
        while let n = node {
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_BLOCK_QUOTE { chain.append(true) }
            if type == CMARK_NODE_ITEM { chain.append(false) }
            node = cmark_node_parent(n)
        }
        return chain.reversed()
    }

    /// Removes the block-quote markers and list indentation in front of a
    /// continuation line; nil when a `>` is missing (a lazy line).
    private static func strip(_ containers: [Bool], from line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var s = line
        for isQuote in containers {
            while let c = s.first, c == 0x20 || c == 0x09 { s = s.dropFirst() }
            guard isQuote else { continue }
            guard s.first == UInt8(ascii: ">") else { return nil }
            s = s.dropFirst()
            if let c = s.first, c == 0x20 || c == 0x09 { s = s.dropFirst() }
        }
        return s
    }

    private mutating func transform(_ block: OpaquePointer) {
        let isHeading = cmark_node_get_type(block) == CMARK_NODE_HEADING
        var lines = lines(of: block)
        if isHeading {
            // A setext underline is a row too; the heading's own text lines come first.
            guard lines.count >= 2 else { return }
        }
        // The header row is the line before the first delimiter row with as many cells.
        var headerIndex: Int?
        var alignments: [PipeTableRow.Alignment] = []
        for i in 1..<lines.count {
            guard lines[i].inContainer, lines[i - 1].inContainer,
                let delimiter = PipeTableRow.delimiterRow(lines[i].content)
            else { continue }
            if PipeTableRow.cells(lines[i - 1].content).count == delimiter.count {
                headerIndex = i - 1
                alignments = delimiter
                break
            }
        }
        guard let headerIndex else { return }
        if isHeading && headerIndex > 0 { return }  // keep odd setext cases as cmark made them
        lines = Array(lines[headerIndex...])

        let table = CMarkTree.customBlock(enter: MarkdownParser.scrollBox(class: "table-scroll") + "<table>", exit: "</table></div>")
        let head = CMarkTree.customBlock(enter: "<thead>", exit: "</thead>")
        _ = cmark_node_append_child(head, row(PipeTableRow.cells(lines[0].content), of: lines[0], tag: "th", alignments: alignments[...]))
        _ = cmark_node_append_child(table, head)
        if lines.count > 2 {
            let rows = lines[2...].map { PipeTableRow.cells($0.content) }
            var width = alignments.count
            if width > Self.paddedColumns {
                width = min(width, rows.map(\.count).max() ?? 0)
                problems.append(
                    MarkdownProblem(
                        kind: .wideTable, line: lines[0].number, column: 1,
                        message: "a table of \(alignments.count) columns: its rows are not padded to the header's width",
                        note: "tables of up to \(Self.paddedColumns) columns are padded with empty cells, as on GitHub"))
            }
            let body = CMarkTree.customBlock(enter: "<tbody>", exit: "</tbody>")
            for (line, cells) in zip(lines[2...], rows) {
                _ = cmark_node_append_child(body, row(cells, of: line, tag: "td", alignments: alignments.prefix(width)))
            }
            _ = cmark_node_append_child(table, body)
        }

        if headerIndex == 0 {
            CMarkTree.replace(block, with: table)
        } else {
            _ = cmark_node_insert_after(block, table)
            truncate(paragraph: block, beforeLine: lines[0].number)
        }
    }

    private mutating func row(
        _ cells: [PipeTableRow.Cell], of line: Line, tag: String, alignments: ArraySlice<PipeTableRow.Alignment>
    ) -> OpaquePointer {
        let tr = CMarkTree.customBlock(enter: "<tr>", exit: "</tr>")
        let lineStart = line.content.startIndex - source.line(line.number).startIndex
        for (index, alignment) in alignments.enumerated() {
            let (wrapper, cell) = CMarkTree.inlineLine(enter: "<\(tag)\(alignment.attribute)>", exit: "</\(tag)>")
            if index < cells.count {
                graftInlines(of: cells[index].text, into: cell)
                cellOrigins[cell] = (line.number, lineStart + cells[index].offset + 1)
            }
            _ = cmark_node_append_child(tr, wrapper)
        }
        return tr
    }

    /// Parses a cell's text with cmark and moves the resulting inlines into `cell`.
    private func graftInlines(of text: String, into cell: OpaquePointer) {
        guard !text.isEmpty else { return }
        let references = references(for: text)
        guard var parsed = CMarkTree.parse(text + references, options: parseOptions, memory: memory) else { return }
        defer { cmark_node_free(parsed) }
        // A cell that is one piece of raw HTML (`<br>`, `<script>...`) stays raw
        // HTML, inline, so the raw-HTML policy applies to it as anywhere else.
        if let only = cmark_node_first_child(parsed), cmark_node_next(only) == nil,
            cmark_node_get_type(only) == CMARK_NODE_HTML_BLOCK, let literal = CMarkTree.literal(only)
        {
            let html = CMarkTree.node(CMARK_NODE_HTML_INLINE)
            var trimmed = Substring(literal)
            while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
            _ = cmark_node_set_literal(html, String(trimmed))
            _ = cmark_node_append_child(cell, html)
            return
        }
        // Text such as "# x" or "- x" would parse as a block; as a cell it is text.
        if !Self.isSingleParagraph(parsed) {
            cmark_node_free(parsed)
            guard let again = CMarkTree.parse(Self.escapingBlockStart(text) + references, options: parseOptions, memory: memory)
            else { return }
            parsed = again
        }
        guard let paragraph = cmark_node_first_child(parsed), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return }
        cmark_consolidate_text_nodes(paragraph)
        CMarkTree.moveChildren(from: paragraph, to: cell)
    }

    /// The text with a backslash where it keeps the start from opening a
    /// block: before an ordered list's `.` or `)` (a backslash before a digit
    /// would stay visible), otherwise before the first character.
    static func escapingBlockStart(_ text: String) -> String {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count), let next = text.dropFirst(digits.count).first, next == "." || next == ")" {
            return String(digits) + "\\" + String(text.dropFirst(digits.count))
        }
        return "\\" + text
    }

    private static func isSingleParagraph(_ document: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(document) else { return true }
        return cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH && cmark_node_next(first) == nil
    }

    /// Drops the inlines of a paragraph from `line` on (and the line break before them).
    private func truncate(paragraph: OpaquePointer, beforeLine line: Int) {
        var cut: OpaquePointer?
        for child in CMarkTree.children(paragraph) {
            let start = Int(cmark_node_get_start_line(child))
            if start >= line {
                cut = child
                break
            }
        }
        guard let cut else { return }
        var node: OpaquePointer? = cut
        if let previous = cmark_node_previous(cut),
            cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(previous) == CMARK_NODE_LINEBREAK
        {
            node = previous
        }
        while let n = node {
            node = cmark_node_next(n)
            CMarkTree.remove(n)
        }
    }
}
