import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown

/// Links whose target is missing (`link.broken`), a draft (`link.draft`),
/// several pages (`link.ambiguous`) or a script URL (`link.unsafe`).
enum LinkTargetCheck {
    static func check(_ site: SiteModel, page p: Int) -> [Diagnostic] {
        let index = site.index
        return site.linkDiagnostics(page: p) { entry, at in
            let link = entry.link
            let what = link.kind == .image ? "image" : "link"
            switch entry.resolution {
            case .broken(let target):
                return .warning(
                    DiagnosticID.linkBroken, at: at, "\(what) target '\(link.destination)' does not exist",
                    note: suggestion(for: target, kind: link.kind, site: site))
            case .draft(let path):
                return .warning(
                    DiagnosticID.linkDraft, at: at, "\(what) to '\(link.destination)', which is a draft and is not published",
                    note: "publish \(path) (remove `draft: true`) or remove the link")
            case .ambiguous(let matches):
                let names = matches.map { "\(index.pages[$0].source.path) (\"\(index.pages[$0].title)\")" }
                return .warning(
                    DiagnosticID.linkAmbiguous, at: at, "wiki link '[[\(link.destination)]]' matches \(matches.count) pages",
                    note: "candidates: \(Diagnostic.names(names)); write the path or id instead")
            case .unsafe:
                return .warning(
                    DiagnosticID.linkUnsafe, at: at, "\(what) uses a script or data URL, which is never published",
                    note: "the link is emptied in the output")
            default:
                return nil
            }
        }
    }

    private static func suggestion(for target: String, kind: LinkReference.Kind, site: SiteModel) -> String {
        let index = site.index
        var name = target
        if name.hasSuffix(".md") { name.removeLast(3) }
        while name.hasSuffix("/") { name.removeLast() }
        var found: [String] = []
        // A page with the same file name elsewhere is the likeliest meaning (a moved file).
        let stem = name.split(separator: "/").last.map(String.init) ?? name
        for i in index.pageIndices(withStem: stem).prefix(3) { found.append(String(index.pages[i].source.path.dropLast(3))) }
        // Then a page titled as the file name reads (`engineering-manager.md` for "Engineering Manager" in `em.md`).
        for i in index.pageIndices(withTitle: PagePaths.titleFromName(stem)).prefix(3) {
            let path = String(index.pages[i].source.path.dropLast(3))
            if !found.contains(path) { found.append(path) }
        }
        if kind == .wiki { found += site.titles.index.closest(to: name) }
        for candidate in site.linkTargets.index.closest(to: name) where !found.contains(candidate) {
            found.append(candidate)
        }
        guard !found.isEmpty else { return "no page or file '\(target)' in the content folder" }
        return "did you mean " + found.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + "?"
    }
}
