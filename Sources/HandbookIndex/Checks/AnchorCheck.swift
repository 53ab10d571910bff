import HandbookContent
import HandbookDiagnostics

/// Links to an anchor that the target page does not have (`link.broken-anchor`),
/// on other pages and on the same page. Anchors are heading ids (GitHub's
/// rules, or `{#id}`) and `id`/`name` attributes in raw HTML.
enum AnchorCheck {
    static func check(_ site: SiteModel, page p: Int) -> [Diagnostic] {
        let index = site.index
        return site.linkDiagnostics(page: p) { entry, at in
            let target: Int
            let fragment: String
            switch entry.resolution {
            case .page(let i, let f?, _) where !f.isEmpty:
                (target, fragment) = (i, f)
            case .sameDocument(let f) where !f.isEmpty && f != "top":
                (target, fragment) = (p, f)
            default:
                return nil
            }
            let anchors = index.anchors(ofPage: target)
            guard !anchors.contains(fragment) else { return nil }
            let name = target == p ? "this page" : "'\(index.pages[target].source.path)'"
            return .warning(
                DiagnosticID.linkBrokenAnchor, at: at, "\(name) has no anchor '#\(fragment)'",
                note: note(for: fragment, anchors: anchors, in: index.pages[target]))
        }
    }

    private static func note(for fragment: String, anchors: Set<String>, in page: Page) -> String {
        if anchors.isEmpty { return "the page has no headings" }
        let near = Suggestions.closest(to: fragment, among: anchors.sorted())
        if !near.isEmpty { return "did you mean " + near.map { "'#\($0)'" }.joined(separator: ", ") + "?" }
        let ordered = page.document.headings.map(\.id)
        let listed = ordered.prefix(5).map { "#\($0)" }.joined(separator: ", ")
        return "anchors on that page: \(listed)\(ordered.count > 5 ? ", …" : "")"
    }
}
