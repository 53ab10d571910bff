import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown

/// The pages' statuses and what replaces what: `status:`, `superseded_by:`
/// (resolved like a link written on the page, or as an id or title) and
/// `effective:`. What cannot be resolved is kept in `diagnostics` for
/// `LifecycleCheck`.
package struct Lifecycle: Sendable {
    /// Page → the page that replaces it.
    package let successor: [Int: Int]
    /// Page → the pages it replaces, by title.
    package let predecessors: [Int: [Int]]
    /// `superseded_by` that finds no page, a superseded page without it, and cycles.
    let diagnostics: [Diagnostic]

    init(index: SiteIndex, routes: RouteTable) {
        let resolver = LinkResolver(index: index, routes: routes)
        var successor: [Int: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (i, page) in index.pages.enumerated() {
            let at = { (line: Int, column: Int) in SourceLocation(file: page.source.displayPath, line: line, column: column) }
            guard let target = page.frontMatter.supersededBy else {
                if page.frontMatter.status == .superseded {
                    let node = page.frontMatter.raw?["status"]
                    diagnostics.append(
                        .warning(
                            DiagnosticID.statusNoSuccessor, at: at(node?.line ?? 1, node?.column ?? 1),
                            "'\(page.title)' is superseded, but by what?",
                            note: "name the page that replaces it: superseded_by: path/to/page.md (or its id)"))
                }
                continue
            }
            let position = at(target.line, target.column)
            // Like a link from this page first, then as a wiki link (id, path, file name or title).
            var found: Int?
            for kind in [LinkReference.Kind.link, .wiki] {
                let link = LinkReference(kind: kind, destination: target.value, line: target.line, column: target.column)
                if case .page(let j, _, _) = resolver.resolve(link, from: page) {
                    found = j
                    break
                }
            }
            guard let found else {
                diagnostics.append(
                    .error(
                        DiagnosticID.linkBroken, at: position, "superseded_by '\(target.value)' is not a page of the site",
                        note: "write the replacing page's path relative to this one (release-train.md) or its id"))
                continue
            }
            guard found != i else {
                diagnostics.append(.error(DiagnosticID.statusCycle, at: position, "'\(page.title)' cannot supersede itself"))
                continue
            }
            successor[i] = found
        }
        // A chain of replacements that comes back: one error per cycle, at its first page by path.
        var reported: Set<Int> = []
        for start in successor.keys.sorted() where !reported.contains(start) {
            var path: [Int] = []
            var position: [Int: Int] = [:]
            var current: Int? = start
            while let p = current, !reported.contains(p) {
                if let k = position[p] {
                    let cycle = Array(path[k...])
                    let first = cycle.min { index.pages[$0].source.path < index.pages[$1].source.path } ?? p
                    let from = cycle.firstIndex(of: first) ?? 0
                    let names = (cycle[from...] + cycle[..<from] + [first]).map { index.pages[$0].source.displayPath }
                    let node = index.pages[first].frontMatter.supersededBy
                    diagnostics.append(
                        .error(
                            DiagnosticID.statusCycle,
                            at: SourceLocation(file: index.pages[first].source.displayPath, line: node?.line ?? 1, column: node?.column ?? 1),
                            "superseded_by goes round: \(names.joined(separator: " → "))",
                            note: "the newest of these pages should have no superseded_by"))
                    break
                }
                position[p] = path.count
                path.append(p)
                current = successor[p]
            }
            reported.formUnion(path)
        }
        var predecessors: [Int: [Int]] = [:]
        for (old, new) in successor { predecessors[new, default: []].append(old) }
        let titles = index.pages.map { $0.title.lowercased() }
        self.successor = successor
        self.predecessors = predecessors.mapValues { $0.sorted { (titles[$0], $0) < (titles[$1], $1) } }
        self.diagnostics = diagnostics.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
    }

    /// The status a page is read with: its own, or `superseded` when it names a successor.
    package static func status(of page: Page) -> PageStatus? {
        page.frontMatter.status ?? (page.frontMatter.supersededBy == nil ? nil : .superseded)
    }
}
