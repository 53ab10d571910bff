import CMark
import CMarkArena

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers over cmark's node API, for the transformations that turn
/// cmark's CommonMark tree into a GitHub-flavoured one. File-private to the
/// module: no cmark pointer leaves HandbookMarkdown.
enum CMarkTree {
    typealias Node = OpaquePointer

    static func type(_ node: Node) -> cmark_node_type { cmark_node_get_type(node) }

    /// Parses `text` (by length: a NUL byte does not end it) with `memory`
    /// as the allocator of the tree and everything made from it.
    static func parse(_ text: String, options: Int32, memory: UnsafeMutablePointer<cmark_mem>) -> Node? {
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
        defer { cmark_parser_free(parser) }
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        return cmark_parser_finish(parser)
    }

    /// Every node below `root` (itself included) in document order:
    /// containers once entering and once leaving, leaves once. The one cmark
    /// iteration in Handbook: `for (node, entering) in CMarkTree.walk(root)`.
    /// A walk may change the current node's URL or literal; a node it has not
    /// reached yet must not be freed (collect those, change them afterwards).
    static func walk(_ root: Node) -> Walk { Walk(root) }

    final class Walk: Sequence, IteratorProtocol {
        private let iterator: OpaquePointer?

        init(_ root: Node) { iterator = cmark_iter_new(root) }

        deinit { if let iterator { cmark_iter_free(iterator) } }

        func next() -> (node: Node, entering: Bool)? {
            guard let iterator else { return nil }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { return nil }
                if let node = cmark_iter_get_node(iterator) { return (node, event == CMARK_EVENT_ENTER) }
            }
        }
    }

    static func children(_ node: Node) -> [Node] {
        var result: [Node] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    static func literal(_ node: Node) -> String? {
        cmark_node_get_literal(node).map { String(cString: $0) }
    }

    /// A new node, from the parse's arena when one is open: every node the
    /// extensions make comes from here.
    static func node(_ type: cmark_node_type) -> Node {
        let memory = UnsafeMutablePointer<cmark_mem>(OpaquePointer(handbook_arena_current()))
        // Neither allocator returns nil: both abort when memory runs out.
        return cmark_node_new_with_mem(type, memory)
    }

    static func text(_ literal: String) -> Node {
        let node = node(CMARK_NODE_TEXT)
        _ = cmark_node_set_literal(node, literal)
        return node
    }

    static func customBlock(enter: String, exit: String) -> Node {
        let node = node(CMARK_NODE_CUSTOM_BLOCK)
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return node
    }

    static func customInline(enter: String, exit: String) -> Node {
        let node = node(CMARK_NODE_CUSTOM_INLINE)
        _ = cmark_node_set_on_enter(node, enter)
        _ = cmark_node_set_on_exit(node, exit)
        return node
    }

    /// A block that renders as `enter` + inline content + `exit` on one line,
    /// exactly as cmark renders a paragraph or heading (`<th>x</th>\n`).
    static func inlineLine(enter: String, exit: String) -> (block: Node, inline: Node) {
        let block = customBlock(enter: "", exit: "")
        let inline = customInline(enter: enter, exit: exit)
        _ = cmark_node_append_child(block, inline)
        return (block, inline)
    }

    static func moveChildren(from source: Node, to target: Node) {
        while let child = cmark_node_first_child(source) {
            cmark_node_unlink(child)
            _ = cmark_node_append_child(target, child)
        }
    }

    /// Puts `replacement` where `node` is and frees `node` (and what is left in it).
    static func replace(_ node: Node, with replacement: Node) {
        _ = cmark_node_insert_before(node, replacement)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    static func remove(_ node: Node) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The text nodes of a tree that are not inside a link or image, whose
    /// literal passes `filter` (a cheap test on the C string).
    static func textNodesOutsideLinks(in root: Node, where filter: (UnsafePointer<CChar>) -> Bool) -> [Node] {
        var result: [Node] = []
        var linkDepth = 0
        for (node, entering) in walk(root) {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                linkDepth += entering ? 1 : -1
            } else if entering, type == CMARK_NODE_TEXT, linkDepth == 0, let literal = cmark_node_get_literal(node), filter(literal) {
                result.append(node)
            }
        }
        return result
    }
}
