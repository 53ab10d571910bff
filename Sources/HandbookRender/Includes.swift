import HandbookEscaping
import HandbookIndex
import HandbookMarkdown

/// `![[page#section]]`: each include marker in a page's HTML replaced by the
/// section it names, rendered from its own page (so its links resolve from
/// where they were written), includes within it expanded in turn. An include
/// that would come back to a page already being shown is left empty
/// (`IncludeCheck` reports the cycle), as is one whose target is missing
/// (reported as a broken link or anchor).
extension SiteRenderer {
    func expandingIncludes(_ html: String, page i: Int, shown: [Int] = []) -> String {
        let includes = index.pages[i].document.includes
        guard !includes.isEmpty else { return html }
        var out = html
        for (n, link) in includes.enumerated() {
            guard let range = out.range(of: MarkdownDocument.includeMarker(n)) else { continue }
            var included = ""
            // Past the depth `IncludeCheck` allows (and reports), nothing more is shown.
            if shown.count < IncludeCheck.maximumDepth, let (j, fragment) = site.includeTarget(page: i, link: link), !shown.contains(j), j != i {
                let source = index.pages[j].document.html(rewriting: { site.graph.rewrite(page: j, link: $0) })
                let section = fragment.map { Self.section(source, id: $0, headings: index.pages[j].document.headings) } ?? Self.droppingTitle(source)
                included = expandingIncludes(section, page: j, shown: shown + [i])
            }
            out.replaceSubrange(range, with: included)
        }
        return out
    }

    /// The part of a page's HTML from the heading `id` to the next heading
    /// of the same or a higher level (the heading included).
    static func section(_ html: String, id: String, headings: [Heading]) -> String {
        guard let k = headings.firstIndex(where: { $0.id == id }),
            let start = html.range(of: "<h\(headings[k].level) id=\"\(Escape.html(id))\">")?.lowerBound
        else { return "" }
        let next = headings[(k + 1)...].first { $0.level <= headings[k].level }
        let end = next.flatMap { html.range(of: "<h\($0.level) id=\"\(Escape.html($0.id))\">", range: start..<html.endIndex)?.lowerBound } ?? html.endIndex
        return String(html[start..<end])
    }

    /// A whole page without its opening `# title`.
    static func droppingTitle(_ html: String) -> String {
        guard html.hasPrefix("<h1"), let end = html.range(of: "</h1>\n") else { return html }
        return String(html[end.upperBound...])
    }
}
