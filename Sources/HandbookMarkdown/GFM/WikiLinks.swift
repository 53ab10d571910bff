import CMark

/// `[[target]]`, `[[target#anchor]]` and `[[target|label]]` in text become
/// links whose destination is the raw target; the index resolves it by id,
/// path or title, and a link without a label shows the target's title.
struct WikiLinks {
    struct Origin {
        var line: Int
        var column: Int
        var hasLabel: Bool
    }

    /// The links created, with where their `[[` stands in the source.
    private(set) var origins: [OpaquePointer: Origin] = [:]

    /// Whether a page made from `source` can hold a `[[`: only where the
    /// source does, or where a backslash escape or an entity made a bracket.
    static func mayApply(toSource source: String) -> Bool {
        MarkdownParser.contains("[[", in: source) || MarkdownParser.contains(UInt8(ascii: "\\"), in: source)
            || MarkdownParser.contains(UInt8(ascii: "&"), in: source)
    }

    mutating func apply(to document: OpaquePointer) {
        let texts = CMarkTree.textNodesOutsideLinks(in: document, where: Self.containsDoubleBracket)
        for text in texts { split(text) }
    }

    private static func containsDoubleBracket(_ literal: UnsafePointer<CChar>) -> Bool {
        var p = literal
        while p.pointee != 0 {
            if p.pointee == 0x5B, (p + 1).pointee == 0x5B { return true }
            p += 1
        }
        return false
    }

    struct Match: Equatable {
        var range: Range<Int>
        var target: String
        var label: String?
    }

    /// `[[...]]` spans in a text; the target may not be empty or hold brackets.
    static func matches(in text: String) -> [Match] {
        let bytes = Array(text.utf8)
        var result: [Match] = []
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "[") else {
                i += 1
                continue
            }
            var j = i + 2
            var pipe: Int?
            while j + 1 < bytes.count, !(bytes[j] == UInt8(ascii: "]") && bytes[j + 1] == UInt8(ascii: "]")) {
                if bytes[j] == UInt8(ascii: "[") || bytes[j] == UInt8(ascii: "]") || bytes[j] == 0x0A { break }
                if bytes[j] == UInt8(ascii: "|"), pipe == nil { pipe = j }
                j += 1
            }
            guard j + 1 < bytes.count, bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: "]") else {
                i += 2
                continue
            }
            let targetEnd = pipe ?? j
            let target = String(decoding: bytes[(i + 2)..<targetEnd], as: UTF8.self).trimmingSpaces()
            let label = pipe.map { String(decoding: bytes[($0 + 1)..<j], as: UTF8.self).trimmingSpaces() }
            if !target.isEmpty {
                result.append(Match(range: i..<(j + 2), target: target, label: label?.isEmpty == true ? nil : label))
            }
            i = j + 2
        }
        return result
    }

    private mutating func split(_ node: OpaquePointer) {
        guard let literal = CMarkTree.literal(node) else { return }
        let found = Self.matches(in: literal)
        guard !found.isEmpty else { return }
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let bytes = Array(literal.utf8)
        var position = 0
        for match in found {
            if match.range.lowerBound > position {
                _ = cmark_node_insert_before(
                    node, CMarkTree.text(String(decoding: bytes[position..<match.range.lowerBound], as: UTF8.self)))
            }
            let link = CMarkTree.node(CMARK_NODE_LINK)
            _ = cmark_node_set_url(link, match.target)
            _ = cmark_node_append_child(link, CMarkTree.text(match.label ?? match.target))
            _ = cmark_node_insert_before(node, link)
            origins[link] = Origin(line: line, column: column + match.range.lowerBound, hasLabel: match.label != nil)
            position = match.range.upperBound
        }
        if position < bytes.count {
            _ = cmark_node_insert_before(node, CMarkTree.text(String(decoding: bytes[position...], as: UTF8.self)))
        }
        CMarkTree.remove(node)
    }
}
