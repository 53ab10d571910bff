import HandbookContent
import HandbookDiagnostics

/// Pages no other page links to (`page.orphan`, a note: the sidebar still
/// lists them, but nothing in the prose leads a reader there). Folder index
/// pages and the home page are reached through the navigation by design.
enum OrphanCheck {
    static func check(_ index: SiteIndex, _ graph: LinkGraph) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (i, page) in index.pages.enumerated() where !page.isFolderIndex && graph.backlinks[i].isEmpty {
            diagnostics.append(
                Diagnostic(
                    .note, "page.orphan", at: SourceLocation(file: page.source.displayPath),
                    "no other page links to '\(page.title)'",
                    note: "link to it from a related page, or from its section's index page"))
        }
        return diagnostics
    }
}
