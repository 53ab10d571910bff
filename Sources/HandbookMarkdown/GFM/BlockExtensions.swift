import CMark
import HandbookEscaping

/// GFM's block-level extensions on cmark's tree: task list items and alerts.
struct BlockExtensions {
    let extensions: MarkdownExtensions

    func apply(to document: OpaquePointer) {
        var items: [OpaquePointer] = []
        var quotes: [OpaquePointer] = []
        for (node, entering) in CMarkTree.walk(document) {
            guard entering else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_ITEM where extensions.taskLists: items.append(node)
            case CMARK_NODE_BLOCK_QUOTE where extensions.alerts: quotes.append(node)
            default: break
            }
        }
        for item in items { TaskList.apply(to: item) }
        // Innermost first, so that replacing an outer quote never frees a node still in the list.
        for quote in quotes.reversed() { Alert.apply(to: quote) }
    }
}

/// `- [ ] item` and `- [x] item` → a disabled checkbox, as the GFM spec renders it.
enum TaskList {
    static func apply(to item: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(item), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = CMarkTree.literal(first)
        else { return }
        let bytes = Array(literal.utf8)
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "["), bytes[2] == UInt8(ascii: "]") else { return }
        let checked: Bool
        switch bytes[1] {
        case UInt8(ascii: " "): checked = false
        case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
        default: return
        }
        let rest = bytes[3...]
        if let next = rest.first {
            guard next == 0x20 || next == 0x09 else { return }
        } else if let sibling = cmark_node_next(first) {
            let type = cmark_node_get_type(sibling)
            guard type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK else { return }
        }
        let box = CMarkTree.customInline(
            enter: checked ? #"<input checked="" disabled="" type="checkbox">"# : #"<input disabled="" type="checkbox">"#,
            exit: "")
        _ = cmark_node_insert_before(first, box)
        if rest.isEmpty {
            CMarkTree.remove(first)
        } else {
            _ = cmark_node_set_literal(first, String(decoding: rest, as: UTF8.self))
        }
    }
}

/// `> [!NOTE]` (also TIP, IMPORTANT, WARNING, CAUTION, any case) → a callout
/// with GitHub's class names. Text on the marker's own line is kept as the
/// start of the callout's body.
enum Alert {
    static let kinds: [String: String] = [
        "NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution",
    ]

    static func apply(to quote: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
            let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
            let literal = CMarkTree.literal(first), literal.hasPrefix("[!"), let close = literal.firstIndex(of: "]")
        else { return }
        // `[!NOTE]`, or from a dialect's admonition `[!NOTE|Title]` and `[!NOTE|Title|closed]` (or `open`).
        let parts = literal[literal.index(literal.startIndex, offsetBy: 2)..<close].split(separator: "|", omittingEmptySubsequences: false)
        let name = parts[0].uppercased()
        guard let standard = kinds[name] ?? (name == "DETAILS" && parts.count > 1 ? "Details" : nil) else { return }
        let title = parts.count > 1 ? String(parts[1]) : standard
        let mode = parts.count > 2 ? parts[2] : nil
        var rest = literal[literal.index(after: close)...]
        if let c = rest.first, c != " " && c != "\t" { return }
        while rest.first == " " || rest.first == "\t" { rest = rest.dropFirst() }

        if rest.isEmpty {
            if let next = cmark_node_next(first),
                cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) == CMARK_NODE_LINEBREAK
            {
                CMarkTree.remove(next)
            }
            CMarkTree.remove(first)
        } else {
            _ = cmark_node_set_literal(first, String(rest))
        }
        if cmark_node_first_child(paragraph) == nil { CMarkTree.remove(paragraph) }

        let kind = name.lowercased()
        let callout: OpaquePointer
        if let mode {
            // Collapsible: a plain `<details>` for a dialect's "details", a styled one for an admonition.
            let style = name == "DETAILS" ? "" : " class=\"markdown-alert markdown-alert-\(kind)\""
            callout = CMarkTree.customBlock(enter: "<details\(style)\(mode == "open" ? " open" : "")>", exit: "</details>")
            _ = cmark_node_append_child(callout, CMarkTree.customBlock(enter: "<summary class=\"markdown-alert-title\">\(Escape.html(title))</summary>", exit: ""))
        } else {
            callout = CMarkTree.customBlock(enter: "<div class=\"markdown-alert markdown-alert-\(kind)\">", exit: "</div>")
            if !title.isEmpty {
                _ = cmark_node_append_child(callout, CMarkTree.customBlock(enter: "<p class=\"markdown-alert-title\">\(Escape.html(title))</p>", exit: ""))
            }
        }
        CMarkTree.moveChildren(from: quote, to: callout)
        CMarkTree.replace(quote, with: callout)
    }
}
