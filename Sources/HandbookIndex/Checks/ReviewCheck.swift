import HandbookContent
import HandbookDiagnostics

/// `handbook check --stale`: a warning for each page past its review date.
package enum ReviewCheck {
    package static func check(_ index: SiteIndex, _ reviews: ReviewSchedule) -> [Diagnostic] {
        reviews.stalePages.map { i in
            let page = index.pages[i]
            let status = reviews.status[i]!
            var location = SourceLocation(file: page.source.displayPath)
            if let node = page.frontMatter.raw?["last_reviewed"] {
                location = SourceLocation(file: page.source.displayPath, line: node.line, column: node.column)
            }
            return .warning(
                "review.overdue", at: location,
                "last reviewed \(status.lastReviewed), due for review since \(status.due)",
                note: page.frontMatter.owner.map { "owner: \($0)" } ?? "the page has no owner")
        }
    }
}
