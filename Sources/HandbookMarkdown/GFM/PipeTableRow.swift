/// Splitting of pipe-table rows, as in the GFM spec's table extension.
enum PipeTableRow {
    enum Alignment: Sendable, Equatable {
        case none, left, center, right

        var attribute: String {
            switch self {
            case .none: ""
            case .left: " align=\"left\""
            case .center: " align=\"center\""
            case .right: " align=\"right\""
            }
        }
    }

    /// One cell: its text with `\|` turned into `|`, and the byte offset in
    /// the line where the cell's trimmed content starts.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// Splits a row on unescaped pipes. A leading and a trailing pipe are
    /// optional; surrounding spaces are trimmed.
    static func cells(_ line: ArraySlice<UInt8>) -> [Cell] {
        var start = line.startIndex
        var end = line.endIndex
        while start < end, isSpace(line[start]) { start += 1 }
        while end > start, isSpace(line[end - 1]) { end -= 1 }
        guard start < end else { return [] }
        if line[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, line[end - 1] == UInt8(ascii: "|"), !isEscaped(line, at: end - 1, from: start) { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start
        var i = start
        while i <= end {
            if i == end || (line[i] == UInt8(ascii: "|") && !isEscaped(line, at: i, from: start)) {
                var a = cellStart
                var b = i
                while a < b, isSpace(line[a]) { a += 1 }
                while b > a, isSpace(line[b - 1]) { b -= 1 }
                cells.append(Cell(text: unescapePipes(line[a..<b]), offset: a - line.startIndex))
                cellStart = i + 1
            }
            i += 1
        }
        return cells
    }

    /// The alignments of a delimiter row (`| :--- | :-: | --: |`), or nil if the
    /// line is not one. The row must have a pipe, so that a lone `---` stays a
    /// thematic break.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [Alignment]? {
        guard line.contains(UInt8(ascii: "|")), line.contains(UInt8(ascii: "-")) else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(line) {
            let bytes = Array(cell.text.utf8)
            guard !bytes.isEmpty else { return nil }
            let left = bytes.first == UInt8(ascii: ":")
            let right = bytes.last == UInt8(ascii: ":")
            let dashes = bytes.dropFirst(left ? 1 : 0).dropLast(right && bytes.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// A pipe preceded by a backslash is escaped (the table parser looks at
    /// one backslash only, as GitHub's does).
    private static func isEscaped(_ line: ArraySlice<UInt8>, at index: Int, from start: Int) -> Bool {
        index > start && line[index - 1] == UInt8(ascii: "\\")
    }

    private static func unescapePipes(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "|") {
                out.append(UInt8(ascii: "|"))
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
