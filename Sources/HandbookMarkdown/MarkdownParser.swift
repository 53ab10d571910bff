import CMark
import CMarkArena
import HandbookEscaping

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall around cmark. It parses one document, walks the C tree into Swift
/// values, applies Handbook's changes to the tree (heading ids, rewritten and
/// sanitised URLs, filtered raw HTML), renders HTML with cmark's own renderer
/// and frees the tree before returning. No cmark pointer leaves this file.
///
/// cmark is safe to use from several threads as long as each works on its own
/// document, so `parse` may run in parallel.
package enum MarkdownParser {
    /// The version of the cmark library linked in (`0.30.2`).
    package static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Asks what a link becomes in the output; `nil` keeps it as written.
    package typealias LinkRewriter = (LinkReference) -> LinkRewrite?

    /// Parses `source` and returns its headings, links and (if `renderHTML`)
    /// body HTML, with each link rewritten by `rewriteLink` on the way.
    /// `lineOffset` is added to every line number, so positions count from the
    /// top of the file when front matter was split off.
    package static func parse(
        _ source: String,
        options: MarkdownOptions = MarkdownOptions(),
        lineOffset: Int = 0,
        renderHTML: Bool = true,
        rewriteLink: LinkRewriter? = nil
    ) -> MarkdownDocument {
        convert(source, options: options, lineOffset: lineOffset, renderHTML: renderHTML, links: .immediate { _, link in rewriteLink?(link) })
    }

    /// Parses `source` once for the whole build: headings, links and anchors
    /// for the index, and the body's HTML with a slot where each link's URL
    /// goes, filled in by `MarkdownDocument.html(rewriting:)` once the site's
    /// URLs are known.
    package static func parseTemplate(_ source: String, options: MarkdownOptions = MarkdownOptions(), lineOffset: Int = 0)
        -> MarkdownDocument
    {
        // Text that could be mistaken for a slot keeps the source, to be
        // converted again with its links rewritten on the way.
        guard !BodyTemplate.mayContainSlots(source) else {
            var document = convert(source, options: options, lineOffset: lineOffset, renderHTML: false, links: .immediate { _, _ in nil })
            document.body = BodyTemplate(reparse: source, options: options, lineOffset: lineOffset)
            return document
        }
        return convert(source, options: options, lineOffset: lineOffset, renderHTML: true, links: .slots)
    }

    /// How the walk treats link URLs.
    enum LinkOutput {
        /// Rewritten on the spot (by position in the document's links).
        case immediate((Int, LinkReference) -> LinkRewrite?)
        /// Replaced by slots, filled in later.
        case slots
    }

    static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { ByteSearch.offset(of: byte, in: $0) != nil }
    }

    /// `needle`'s bytes in `text`'s, as a byte search: `String.contains` of a
    /// string compares characters, which costs a page's worth of grapheme
    /// breaking on every page that does not contain it.
    static func contains(_ needle: StaticString, in text: String) -> Bool {
        var text = text
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return text.withUTF8 { ByteSearch.offset(of: pattern, in: $0) != nil }
    }

    /// The opening tag of a box that scrolls sideways: focusable, so that a
    /// keyboard can scroll it.
    static func scrollBox(class name: String) -> String { "<div class=\"\(name)\" tabindex=\"0\">" }

    static func convert(_ source: String, options: MarkdownOptions, lineOffset: Int, renderHTML: Bool, links: LinkOutput) -> MarkdownDocument {
        var parseOptions = CMARK_OPT_DEFAULT
        if options.smartPunctuation { parseOptions |= CMARK_OPT_SMART }
        // Every allocation of the conversion comes from an arena, released at once at the end.
        let memory = UnsafeMutablePointer<cmark_mem>(OpaquePointer(handbook_arena_begin()))
        defer { handbook_arena_end() }
        // A dialect's constructs, then footnote definitions, are rewritten
        // before cmark sees them, line for line (see `DialectTranslator`, `Footnotes`).
        let dialect = DialectTranslator.translate(source, dialect: options.dialect, contentFolder: options.contentFolder)
        let translated = dialect?.source ?? source
        let prepared = options.extensions.footnotes ? Footnotes.prepare(translated) : nil
        let source = prepared?.source ?? translated
        guard let memory, let document = CMarkTree.parse(source, options: parseOptions, memory: memory) else {
            return MarkdownDocument(headings: [], links: [], html: "")
        }
        defer { cmark_node_free(document) }

        // GitHub's extensions rewrite cmark's tree before Handbook's own walk, so
        // that links and headings they create are handled like any other.
        let extensions = options.extensions
        var cellOrigins: [OpaquePointer: (line: Int, column: Int)] = [:]
        var problems: [MarkdownProblem] = (dialect?.problems ?? []).map { name, line, column in
            MarkdownProblem(
                kind: .unsupported(name), line: line + lineOffset, column: column,
                message: "\(options.dialect.rawValue) shortcode or directive '\(name)' is not supported; it is left out of the page",
                note: "see the README's \"Coming from Hugo, MkDocs or Docusaurus\" for what Handbook carries over")
        }
        if extensions.anyEnabled { cmark_consolidate_text_nodes(document) }
        // No pipe, no table: most pages skip the line table the pass needs.
        if extensions.tables, Self.contains(UInt8(ascii: "|"), in: source) {
            var tables = TableExtension(source: SourceLines(source), parseOptions: parseOptions, memory: memory)
            tables.apply(to: document)
            cellOrigins = tables.cellOrigins
            problems += tables.problems.map { problem in
                var problem = problem
                problem.line += lineOffset
                return problem
            }
        }
        if extensions.taskLists || extensions.alerts { BlockExtensions(extensions: extensions).apply(to: document) }
        var wikiOrigins: [OpaquePointer: WikiLinks.Origin] = [:]
        var includes: [Transclusion.Include] = []
        if extensions.wikiLinks, WikiLinks.mayApply(toSource: source) {
            var wiki = WikiLinks()
            wiki.apply(to: document)
            wikiOrigins = wiki.origins
            if !wikiOrigins.isEmpty { includes = Transclusion.apply(to: document, wikiOrigins: &wikiOrigins) }
        }
        var footnotes = prepared?.footnotes
        footnotes?.apply(to: document)
        if extensions.autolinks || extensions.strikethrough, InlineExtensions.mayApply(toSource: source) {
            InlineExtensions(extensions: extensions).apply(to: document)
        }

        var walker = TreeWalker(options: options, lineOffset: lineOffset, output: links)
        walker.cellOrigins = cellOrigins
        walker.wikiOrigins = wikiOrigins
        walker.columnShifts = (footnotes?.columnShifts ?? [:]).merging(dialect?.columnShifts ?? [:], uniquingKeysWith: +)
        walker.walk(document)
        walker.applyHeadingIDs()

        var html = ""
        if renderHTML {
            var renderOptions = CMARK_OPT_DEFAULT
            if options.rawHTML != .omit { renderOptions |= CMARK_OPT_UNSAFE }
            if let rendered = cmark_render_html(document, renderOptions) {
                html = String(cString: rendered)
                memory.pointee.free(rendered)
            }
        }
        // An include is a link (resolved and checked like a wiki link) that no slot fills: it comes last.
        var references = walker.links
        var includeLinks: [Int] = []
        for include in includes {
            includeLinks.append(references.count)
            references.append(LinkReference(kind: .wiki, destination: include.target, line: include.line + lineOffset, column: include.column))
        }
        var result = MarkdownDocument(headings: walker.headings, links: references, html: html)
        result.includes = includeLinks
        result.htmlAnchors = walker.htmlAnchors + (footnotes?.anchors ?? [])
        result.problems = problems
        if case .slots = links {
            result.body = BodyTemplate(html: html, slots: walker.slots, rawHTML: options.rawHTML)
            result.html = ""
        }
        return result
    }
}

/// One pass over the tree: collects headings and links, changes URLs and raw
/// HTML in place, and remembers the headings to wrap once the walk is over
/// (a cmark iterator must not see the tree change under it).
private struct TreeWalker {
    let options: MarkdownOptions
    let lineOffset: Int
    let output: MarkdownParser.LinkOutput
    var headings: [Heading] = []
    var links: [LinkReference] = []
    var slots: [BodyTemplate.Slot] = []
    private var headingNodes: [(node: OpaquePointer, id: String)] = []
    private var codeBlocks: [OpaquePointer] = []
    /// Line → columns `Footnotes.prepare` took off its start.
    var columnShifts: [Int: Int] = [:]
    /// Table cells and where their text starts in the body.
    var cellOrigins: [OpaquePointer: (line: Int, column: Int)] = [:]
    /// Links made from `[[...]]`, and where they were written.
    var wikiOrigins: [OpaquePointer: WikiLinks.Origin] = [:]
    var htmlAnchors: [String] = []
    private var cellStack: [(line: Int, column: Int)] = []
    private var slugger = HeadingSlugger()

    init(options: MarkdownOptions, lineOffset: Int, output: MarkdownParser.LinkOutput) {
        self.options = options
        self.lineOffset = lineOffset
        self.output = output
    }

    mutating func walk(_ root: OpaquePointer) {
        // Links and raw HTML are changed in place (URLs and literals), which a
        // walk allows; headings are replaced after it.
        for (node, entering) in CMarkTree.walk(root) {
            if !cellOrigins.isEmpty, let origin = cellOrigins[node] {
                if entering { cellStack.append(origin) } else { cellStack.removeLast() }
            }
            guard entering else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                visitHeading(node)
            case CMARK_NODE_LINK:
                visitLink(node, kind: .link)
            case CMARK_NODE_IMAGE:
                visitLink(node, kind: .image)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                visitHTML(node)
            case CMARK_NODE_CODE_BLOCK:
                codeBlocks.append(node)
            default:
                break
            }
        }
    }

    private mutating func visitHeading(_ node: OpaquePointer) {
        var text = Self.plainText(of: node)
        let id: String
        if let explicit = HeadingSlugger.explicitID(in: text) {
            text = explicit.text
            id = slugger.reserve(explicit.id)
        } else {
            id = slugger.slug(for: text)
        }
        headings.append(
            Heading(
                level: Int(cmark_node_get_heading_level(node)), text: text, id: id,
                line: Int(cmark_node_get_start_line(node)) + lineOffset,
                column: Int(cmark_node_get_start_column(node))))
        headingNodes.append((node, id))
    }

    /// Where `node` starts in the page's Markdown (before `lineOffset`).
    /// A node an extension made (an autolink, a cell's raw HTML) has no
    /// position of its own: it stands where the nearest enclosing node with
    /// one starts; a wiki link gives the `origin` of its `[[`. Inside a table
    /// cell, cmark counted from the cell's own text.
    private func position(of node: OpaquePointer, origin: (line: Int, column: Int)? = nil) -> (line: Int, column: Int) {
        var (line, column) = origin ?? (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
        var enclosing = cmark_node_parent(node)
        while line == 0, let parent = enclosing {
            (line, column) = (Int(cmark_node_get_start_line(parent)), Int(cmark_node_get_start_column(parent)))
            enclosing = cmark_node_parent(parent)
        }
        if let cell = cellStack.last { (line, column) = (cell.line, cell.column + max(column, 1) - 1) }
        // A footnote definition's line lost its marker or indentation before cmark saw it.
        if !columnShifts.isEmpty, let shift = columnShifts[line] { column += shift }
        return (line, column)
    }

    private mutating func visitLink(_ node: OpaquePointer, kind: LinkReference.Kind) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        let wiki = wikiOrigins.isEmpty ? nil : wikiOrigins[node]
        let (line, column) = position(of: node, origin: wiki.map { ($0.line, $0.column) })
        let reference = LinkReference(
            kind: wiki == nil ? kind : .wiki, destination: url, line: line + lineOffset, column: column)
        let index = links.count
        links.append(reference)
        switch output {
        case .immediate(let rewriteLink):
            let rewrite = rewriteLink(index, reference)
            let output = BodyTemplate.destination(rewrite?.url ?? url, rawHTML: options.rawHTML)
            if output != url { _ = cmark_node_set_url(node, output) }
            if let wiki, !wiki.hasLabel, let text = rewrite?.text, let child = cmark_node_first_child(node) {
                _ = cmark_node_set_literal(child, text)
            }
        case .slots:
            _ = cmark_node_set_url(node, BodyTemplate.slotURL(slots.count))
            slots.append(BodyTemplate.Slot(link: index, role: .destination))
            if let wiki, !wiki.hasLabel, let child = cmark_node_first_child(node), let literal = CMarkTree.literal(child) {
                _ = cmark_node_set_literal(child, BodyTemplate.slotText(slots.count))
                slots.append(BodyTemplate.Slot(link: index, role: .label(literal)))
            }
        }
    }

    /// Raw HTML: collects `href`/`src` as links (rewritten in place) and
    /// `id`/`name` as anchors, then applies the tagfilter.
    private mutating func visitHTML(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        let original = String(cString: literal)
        var html = original
        let attributes = HTMLAttributeScanner.attributes(in: original)
        if !attributes.isEmpty {
            let bytes = Array(original.utf8)
            let (startLine, startColumn) = position(of: node)
            var out: [UInt8] = []
            var copied = 0
            for attribute in attributes {
                if attribute.name == "id" || attribute.name == "name" {
                    htmlAnchors.append(attribute.value)
                    continue
                }
                // Line and column of the value, counted through the HTML's own lines.
                let before = bytes[..<attribute.range.lowerBound]
                let newlines = before.filter { $0 == 0x0A }.count
                let column = newlines == 0
                    ? startColumn + attribute.range.lowerBound
                    : attribute.range.lowerBound - (before.lastIndex(of: 0x0A) ?? 0)
                let reference = LinkReference(
                    kind: .html, destination: attribute.value, line: startLine + newlines + lineOffset, column: column)
                let index = links.count
                links.append(reference)
                let replacement: String
                switch output {
                case .immediate(let rewriteLink):
                    let raw = String(decoding: bytes[attribute.range], as: UTF8.self)
                    replacement = BodyTemplate.attribute(rewriteLink(index, reference)?.url, written: attribute.value, raw: raw, rawHTML: options.rawHTML)
                case .slots:
                    replacement = BodyTemplate.slotURL(slots.count)
                    slots.append(BodyTemplate.Slot(link: index, role: .attribute(raw: String(decoding: bytes[attribute.range], as: UTF8.self))))
                }
                if replacement.utf8.count != attribute.range.count || !replacement.utf8.elementsEqual(bytes[attribute.range]) {
                    out += bytes[copied..<attribute.range.lowerBound]
                    out += Array(replacement.utf8)
                    copied = attribute.range.upperBound
                }
            }
            if copied > 0 {
                out += bytes[copied...]
                html = String(decoding: out, as: UTF8.self)
            }
        }
        // In slots the value is filtered when it is filled in.
        if options.rawHTML == .filter { html = HTMLSafety.tagFilter(html) }
        if html != original { _ = cmark_node_set_literal(node, html) }
    }

    /// Replaces each heading with a custom block holding a custom inline that
    /// prints `<hN id="...">` and `</hN>`. cmark then renders exactly what it
    /// renders for a heading, plus the id, with the same line breaks.
    mutating func applyHeadingIDs() {
        for (heading, id) in headingNodes {
            // Freed here, not during the walk, which may not have reached it.
            Self.removeExplicitID(from: heading)
            let level = cmark_node_get_heading_level(heading)
            let (block, inline) = CMarkTree.inlineLine(enter: "<h\(level) id=\"\(Escape.html(id))\">", exit: "</h\(level)>")
            CMarkTree.moveChildren(from: heading, to: inline)
            CMarkTree.replace(heading, with: block)
        }
        headingNodes.removeAll()
        // A code block sideways-scrolls in a box that the keyboard can reach
        // (WCAG's scrollable-region rule), as a table does.
        for code in codeBlocks {
            let box = CMarkTree.customBlock(enter: MarkdownParser.scrollBox(class: "code-scroll"), exit: "</div>")
            _ = cmark_node_insert_before(code, box)
            _ = cmark_node_append_child(box, code)  // unlinks it from where it was
        }
        codeBlocks.removeAll()
    }

    /// The text a reader sees in a node: text and code literals, breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        for (child, entering) in CMarkTree.walk(node) {
            guard entering else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingSpaces()
    }

    /// Drops ` {#id}` from the heading's last text node.
    static func removeExplicitID(from heading: OpaquePointer) {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
            let literal = cmark_node_get_literal(last)
        else { return }
        let text = String(cString: literal)
        guard let split = HeadingSlugger.explicitID(in: text) else { return }
        if split.text.isEmpty {
            cmark_node_unlink(last)
            cmark_node_free(last)
            // Spaces before the removed marker may sit at the end of the new last text.
            if let previous = cmark_node_last_child(heading), cmark_node_get_type(previous) == CMARK_NODE_TEXT,
                let previousLiteral = cmark_node_get_literal(previous)
            {
                let trimmed = String(cString: previousLiteral).trimmingTrailingSpaces()
                _ = cmark_node_set_literal(previous, trimmed)
            }
        } else {
            _ = cmark_node_set_literal(last, split.text)
        }
    }
}


extension String {
    func trimmingSpaces() -> String {
        trimmingTrailingSpaces().drop { $0 == " " || $0 == "\t" }.description
    }

    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
