import HandbookContent
import HandbookDiagnostics

/// Pages no other page links to (`page.orphan`, a note: the sidebar still
/// lists them, but nothing in the prose leads a reader there). Folder index
/// pages and the home page are reached through the navigation by design.
enum OrphanCheck {
    static func check(_ site: SiteModel) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (i, page) in site.index.pages.enumerated() where !page.isFolderIndex && site.graph.backlinks[i].isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, DiagnosticID.pageOrphan, at: SourceLocation(file: page.source.displayPath),
                    "no other page links to '\(page.title)'",
                    note: "link to it from a related page, or from its section's index page"))
        }
        return diagnostics
    }
}
