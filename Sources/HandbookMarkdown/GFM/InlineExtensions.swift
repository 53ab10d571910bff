import CMark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GFM's inline extensions on cmark's tree: extended autolinks and
/// strikethrough. Both work on text nodes after cmark has parsed the inlines,
/// so they never touch code spans, raw HTML or link destinations.
struct InlineExtensions {
    let extensions: MarkdownExtensions

    /// Whether the pass can find anything in a page made from `source`: a
    /// text node holds an `@`, `://`, `www.` or `~` only where the source
    /// does, or where an entity (`&#64;`) was decoded. Most pages have none,
    /// and the check costs far less than a walk of the tree.
    static func mayApply(toSource source: String) -> Bool {
        MarkdownParser.contains(UInt8(ascii: "@"), in: source) || MarkdownParser.contains(UInt8(ascii: "~"), in: source)
            || MarkdownParser.contains(UInt8(ascii: "&"), in: source) || MarkdownParser.contains("://", in: source)
            || mayHoldWWW(source)
    }

    /// `www.` in any case, found from each `.` back.
    private static func mayHoldWWW(_ source: String) -> Bool {
        var source = source
        return source.withUTF8 { bytes in
            var offset = 0
            while let at = ByteSearch.offset(of: UInt8(ascii: "."), in: bytes, from: offset) {
                if at >= 3, bytes[at - 3] | 0x20 == UInt8(ascii: "w"), bytes[at - 2] | 0x20 == UInt8(ascii: "w"),
                    bytes[at - 1] | 0x20 == UInt8(ascii: "w")
                {
                    return true
                }
                offset = at + 1
            }
            return false
        }
    }

    func apply(to document: OpaquePointer) {
        var texts: [OpaquePointer] = []
        var tildeContainers: [OpaquePointer] = []
        var seenContainers: Set<OpaquePointer> = []
        var linkDepth = 0
        for (node, entering) in CMarkTree.walk(document) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += entering ? 1 : -1
                continue
            }
            guard entering, type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { continue }
            // Read in place: most text has neither, and a String per text node cost more than the passes.
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            if extensions.autolinks, linkDepth == 0, Self.mayHoldAutolink(bytes) { texts.append(node) }
            if extensions.strikethrough, memchr(literal, Int32(UInt8(ascii: "~")), bytes.count) != nil, let parent = cmark_node_parent(node),
                seenContainers.insert(parent).inserted
            {
                tildeContainers.append(parent)
            }
        }
        // Autolinks first: a link's trailing `~~` stays text, so `~~www.x.org~~` is struck through.
        for text in texts { autolink(text) }
        for container in tildeContainers { Strikethrough.apply(to: container) }
    }

    /// A cheap byte scan for `@`, `://` or `www.` before the real scanner runs
    /// (String's own `contains` is far slower, and this runs on every text).
    static func mayHoldAutolink(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayHoldAutolink($0) }
    }

    static func mayHoldAutolink(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        for i in 0..<bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "@"):
                return true
            case UInt8(ascii: ":"):
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), bytes[i + 2] == UInt8(ascii: "/") { return true }
            case UInt8(ascii: "."):
                if i >= 3, bytes[i - 3] | 0x20 == UInt8(ascii: "w"), bytes[i - 2] | 0x20 == UInt8(ascii: "w"),
                    bytes[i - 1] | 0x20 == UInt8(ascii: "w")
                {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    /// Splits a text node around the autolinks in it.
    private func autolink(_ node: OpaquePointer) {
        guard let literal = CMarkTree.literal(node) else { return }
        let matches = AutolinkScanner.matches(in: literal)
        guard !matches.isEmpty else { return }
        let bytes = Array(literal.utf8)
        var position = 0
        for match in matches {
            if match.range.lowerBound > position {
                _ = cmark_node_insert_before(node, CMarkTree.text(String(decoding: bytes[position..<match.range.lowerBound], as: UTF8.self)))
            }
            let link = CMarkTree.node(CMARK_NODE_LINK)
            _ = cmark_node_set_url(link, match.url)
            _ = cmark_node_append_child(link, CMarkTree.text(String(decoding: bytes[match.range], as: UTF8.self)))
            _ = cmark_node_insert_before(node, link)
            position = match.range.upperBound
        }
        if position < bytes.count {
            _ = cmark_node_insert_before(node, CMarkTree.text(String(decoding: bytes[position...], as: UTF8.self)))
        }
        CMarkTree.remove(node)
    }
}

/// `~~text~~` and `~text~` → `<del>`: tilde runs of one or two, matched with
/// a closing run of the same length by the same flanking rules as emphasis.
enum Strikethrough {
    private enum Segment {
        case text([UInt8])
        case node(OpaquePointer)
        case tildes(count: Int, canOpen: Bool, canClose: Bool)
    }

    static func apply(to container: OpaquePointer) {
        let children = CMarkTree.children(container)
        var segments: [Segment] = []
        for child in children {
            if cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = CMarkTree.literal(child),
                literal.utf8.contains(UInt8(ascii: "~"))
            {
                segments += split(Array(literal.utf8))
            } else {
                segments.append(.node(child))
            }
        }
        resolveFlanking(&segments)
        let pairs = match(segments)
        guard !pairs.isEmpty else { return }
        // Rebuild the container's children: keep inline nodes, re-create texts.
        for child in children { cmark_node_unlink(child) }
        var reused: Set<OpaquePointer> = []
        build(segments, pairs: pairs, range: 0..<segments.count, into: container, reused: &reused)
        for child in children where !reused.contains(child) { cmark_node_free(child) }
    }

    /// Cuts a text into plain runs and tilde runs (flanking filled in later).
    private static func split(_ bytes: [UInt8]) -> [Segment] {
        var result: [Segment] = []
        var plain: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "~") {
                var j = i
                while j < bytes.count, bytes[j] == UInt8(ascii: "~") { j += 1 }
                if !plain.isEmpty {
                    result.append(.text(plain))
                    plain = []
                }
                if j - i <= 2 {
                    result.append(.tildes(count: j - i, canOpen: false, canClose: false))
                } else {
                    result.append(.text(Array(bytes[i..<j])))
                }
                i = j
            } else {
                plain.append(bytes[i])
                i += 1
            }
        }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    private enum Neighbour { case space, punctuation, other }

    private static func neighbour(_ segment: Segment?, last: Bool) -> Neighbour {
        switch segment {
        case nil: return .space
        case .node(let node):
            let type = cmark_node_get_type(node)
            return type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK ? .space : .other
        case .tildes: return .punctuation
        case .text(let bytes):
            guard !bytes.isEmpty else { return .space }
            let scalar = (last ? String(decoding: bytes, as: UTF8.self).unicodeScalars.last : String(decoding: bytes, as: UTF8.self).unicodeScalars.first)!
            if scalar.properties.isWhitespace { return .space }
            if scalar.isASCII {
                let v = scalar.value
                let asciiPunctuation = (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v)
                    || (0x5B...0x60).contains(v) || (0x7B...0x7E).contains(v)
                return asciiPunctuation ? .punctuation : .other
            }
            return scalar.properties.generalCategory.isPunctuation ? .punctuation : .other
        }
    }

    private static func resolveFlanking(_ segments: inout [Segment]) {
        for i in segments.indices {
            guard case .tildes(let count, _, _) = segments[i] else { continue }
            let before = neighbour(i > 0 ? segments[i - 1] : nil, last: true)
            let after = neighbour(i + 1 < segments.count ? segments[i + 1] : nil, last: false)
            let leftFlanking = after != .space && (after != .punctuation || before != .other)
            let rightFlanking = before != .space && (before != .punctuation || after != .other)
            segments[i] = .tildes(count: count, canOpen: leftFlanking, canClose: rightFlanking)
        }
    }

    /// Pairs of (opener, closer) segment indices, properly nested.
    private static func match(_ segments: [Segment]) -> [Int: Int] {
        var openers: [(index: Int, count: Int)] = []
        var pairs: [Int: Int] = [:]
        for (i, segment) in segments.enumerated() {
            guard case .tildes(let count, let canOpen, let canClose) = segment else { continue }
            if canClose, let k = openers.lastIndex(where: { $0.count == count }) {
                pairs[openers[k].index] = i
                openers.removeSubrange(k...)
            } else if canOpen {
                openers.append((i, count))
            }
        }
        return pairs
    }

    private static func build(
        _ segments: [Segment], pairs: [Int: Int], range: Range<Int>, into parent: OpaquePointer,
        reused: inout Set<OpaquePointer>
    ) {
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty {
                _ = cmark_node_append_child(parent, CMarkTree.text(String(decoding: pending, as: UTF8.self)))
                pending = []
            }
        }
        var i = range.lowerBound
        while i < range.upperBound {
            switch segments[i] {
            case .text(let bytes):
                pending += bytes
            case .node(let node):
                flush()
                _ = cmark_node_append_child(parent, node)
                reused.insert(node)
            case .tildes(let count, _, _):
                if let closer = pairs[i], closer < range.upperBound {
                    flush()
                    let del = CMarkTree.customInline(enter: "<del>", exit: "</del>")
                    build(segments, pairs: pairs, range: (i + 1)..<closer, into: del, reused: &reused)
                    _ = cmark_node_append_child(parent, del)
                    i = closer
                } else {
                    pending += Array(repeating: UInt8(ascii: "~"), count: count)
                }
            }
            i += 1
        }
        flush()
    }
}

extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            true
        default: false
        }
    }
}
