import HandbookContent
import HandbookDiagnostics

/// Links from a page in use (accepted, or without a status) to a retired
/// page (`link.retired`) or to a superseded one (`link.superseded`, naming
/// what replaces it). Proposals and old pages may point anywhere.
enum StatusLinkCheck {
    static func check(_ site: SiteModel, page p: Int) -> [Diagnostic] {
        let pages = site.index.pages
        guard Lifecycle.status(of: pages[p]).map(\.isCurrent) ?? true else { return [] }
        return site.linkDiagnostics(page: p) { entry, at in
            guard case .page(let target, _, _) = entry.resolution, target != p else { return nil }
            switch Lifecycle.status(of: pages[target]) {
            case .retired:
                return .warning(
                    DiagnosticID.linkRetired, at: at, "link to '\(pages[target].title)', which is retired",
                    note: "link to what is done instead, or remove the link")
            case .superseded:
                let next = site.lifecycle.successor[target]
                return .warning(
                    DiagnosticID.linkSuperseded, at: at, "link to '\(pages[target].title)', which is superseded",
                    note: next.map { "link to '\(pages[$0].title)' (\(pages[$0].source.path)) instead" } ?? "link to the page that replaces it")
            default:
                return nil
            }
        }
    }
}
