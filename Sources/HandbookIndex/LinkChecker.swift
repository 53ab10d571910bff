import HandbookContent
import HandbookDiagnostics

/// Reports links into the site whose target does not exist (`link.broken`),
/// at the line and column of the link. Anchors, wiki links and suggestions
/// come with the full indexing layer.
package enum LinkChecker {
    package static func check(_ index: SiteIndex) -> [Diagnostic] {
        let resolver = LinkResolver(index: index)
        var diagnostics: [Diagnostic] = []
        for page in index.pages {
            for link in page.document.links {
                guard case .broken(let target) = resolver.resolve(link.destination, from: page) else { continue }
                diagnostics.append(
                    .warning(
                        "link.broken",
                        at: SourceLocation(file: page.source.displayPath, line: link.line, column: link.column),
                        "\(link.kind == .image ? "image" : "link") target '\(link.destination)' does not exist",
                        note: "looked for '\(target)' in the content folder"))
            }
        }
        return diagnostics
    }
}
