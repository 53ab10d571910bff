import CMark

/// `![[page]]` or `![[page#section]]` alone in a paragraph: the page (or one
/// of its sections) is shown here. The paragraph becomes a marker in the
/// HTML, which the render stage replaces with the other page's rendered
/// section, its links already resolved from where it was written. The target
/// is resolved and checked as a wiki link (id, path, file name or title, and
/// the anchor), so a missing page or section is reported where `![[` stands.
enum Transclusion {
    struct Include {
        var target: String
        var line: Int
        var column: Int
    }

    /// The marker of the `n`th include in a page's HTML.
    static func marker(_ n: Int) -> String { "<!--handbook:include \(n)-->\n" }

    /// Replaces each embed paragraph with its marker; the includes in order.
    static func apply(to document: OpaquePointer, wikiOrigins: inout [OpaquePointer: WikiLinks.Origin]) -> [Include] {
        var paragraphs: [OpaquePointer] = []
        for (node, entering) in CMarkTree.walk(document) where entering && cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
            paragraphs.append(node)
        }
        var includes: [Include] = []
        for paragraph in paragraphs {
            guard let bang = cmark_node_first_child(paragraph), cmark_node_get_type(bang) == CMARK_NODE_TEXT,
                CMarkTree.literal(bang)?.trimmingSpaces() == "!", let link = cmark_node_next(bang), let origin = wikiOrigins[link],
                !origin.hasLabel
            else { continue }
            // Nothing but spaces after it.
            if let rest = cmark_node_next(link) {
                guard cmark_node_get_type(rest) == CMARK_NODE_TEXT, cmark_node_next(rest) == nil, CMarkTree.literal(rest)?.trimmingSpaces() == ""
                else { continue }
            }
            let target = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            includes.append(Include(target: target, line: origin.line, column: max(origin.column - 1, 1)))
            wikiOrigins[link] = nil
            CMarkTree.replace(paragraph, with: CMarkTree.customBlock(enter: marker(includes.count - 1), exit: ""))
        }
        return includes
    }
}
