import HandbookContent
import HandbookDiagnostics

/// `handbook check --stale`: a warning for each page past its review date.
enum ReviewCheck {
    static func check(_ site: SiteModel) -> [Diagnostic] {
        site.reviews.stalePages.compactMap { i in
            let page = site.index.pages[i]
            guard let status = site.reviews.status[i] else { return nil }
            var location = SourceLocation(file: page.source.displayPath)
            if let node = page.frontMatter.raw?["last_reviewed"] {
                location = SourceLocation(file: page.source.displayPath, line: node.line, column: node.column)
            }
            return .warning(
                DiagnosticID.reviewOverdue, at: location,
                "last reviewed \(status.lastReviewed), due for review since \(status.due)",
                note: page.frontMatter.owner.map { "owner: \($0)" } ?? "the page has no owner")
        }
    }
}
