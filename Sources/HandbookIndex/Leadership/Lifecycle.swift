import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown

/// The pages' statuses and versions, and what replaces what: `status:`,
/// `superseded_by:` and `previous:` (each resolved like a link written on
/// the page, or as an id or title), `effective:` and `version:`. What cannot
/// be resolved is kept in `diagnostics` for the checks.
package struct Lifecycle: Sendable {
    /// Page → the page that replaces it, and the reverse (by title).
    package let successor: [Int: Int]
    package let predecessors: [Int: [Int]]
    /// Page → its previous version (`previous:`), and the reverse.
    package let previousVersion: [Int: Int]
    package let nextVersion: [Int: Int]
    /// References that find no page, a superseded page that does not say by what, and cycles.
    let diagnostics: [Diagnostic]

    init(index: SiteIndex) {
        // Both references name pages: no generated route is needed to resolve them.
        let resolver = LinkResolver(index: index, routes: .empty)
        var diagnostics: [Diagnostic] = []
        func resolve(_ target: Located<String>, on i: Int, key: String) -> Int? {
            let page = index.pages[i]
            let at = SourceLocation(file: page.source.displayPath, line: target.line, column: target.column)
            // Like a link from this page first, then as a wiki link (id, path, file name or title).
            for kind in [LinkReference.Kind.link, .wiki] {
                let link = LinkReference(kind: kind, destination: target.value, line: target.line, column: target.column)
                guard case .page(let j, _, _) = resolver.resolve(link, from: page) else { continue }
                guard j != i else {
                    diagnostics.append(.error(DiagnosticID.statusCycle, at: at, "\(key) of '\(page.title)' is the page itself"))
                    return nil
                }
                return j
            }
            diagnostics.append(
                .error(
                    DiagnosticID.linkBroken, at: at, "\(key) '\(target.value)' is not a page of the site",
                    note: "write the page's path relative to this one (release-train.md) or its id"))
            return nil
        }
        var successor: [Int: Int] = [:]
        var previousVersion: [Int: Int] = [:]
        for (i, page) in index.pages.enumerated() {
            if let target = page.frontMatter.previous, let j = resolve(target, on: i, key: "previous") { previousVersion[i] = j }
            if let target = page.frontMatter.supersededBy {
                if let j = resolve(target, on: i, key: "superseded_by") { successor[i] = j }
            } else if page.frontMatter.status == .superseded {
                let node = page.frontMatter.raw?["status"]
                diagnostics.append(
                    .warning(
                        DiagnosticID.statusNoSuccessor,
                        at: SourceLocation(file: page.source.displayPath, line: node?.line ?? 1, column: node?.column ?? 1),
                        "'\(page.title)' is superseded, but by what?",
                        note: "name the page that replaces it: superseded_by: path/to/page.md (or its id)"))
            }
        }
        diagnostics += Self.cycles(in: successor, index: index, key: "superseded_by") { $0.frontMatter.supersededBy }
        diagnostics += Self.cycles(in: previousVersion, index: index, key: "previous") { $0.frontMatter.previous }
        var predecessors: [Int: [Int]] = [:]
        for (old, new) in successor { predecessors[new, default: []].append(old) }
        self.successor = successor
        self.predecessors = predecessors.mapValues { $0.sorted(by: index.titleOrder) }
        self.previousVersion = previousVersion
        // Two pages naming the same previous version: the first by path is its next.
        var next: [Int: Int] = [:]
        for (new, old) in previousVersion.sorted(by: { $0.key < $1.key }) where next[old] == nil { next[old] = new }
        self.nextVersion = next
        self.diagnostics = diagnostics.sorted {
            ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0)
        }
    }

    /// A chain of references that comes back: one error per cycle, at its first page by path.
    private static func cycles(in next: [Int: Int], index: SiteIndex, key: String, _ value: (Page) -> Located<String>?) -> [Diagnostic] {
        Chains.cycles(next, from: next.keys.sorted()).map { cycle in
            let first = cycle.min { index.pages[$0].source.path < index.pages[$1].source.path } ?? cycle[0]
            let from = cycle.firstIndex(of: first) ?? 0
            let names = (cycle[from...] + cycle[..<from] + [first]).map { index.pages[$0].source.displayPath }
            let node = value(index.pages[first])
            return .error(
                DiagnosticID.statusCycle,
                at: SourceLocation(file: index.pages[first].source.displayPath, line: node?.line ?? 1, column: node?.column ?? 1),
                "\(key) goes round: \(names.joined(separator: " → "))",
                note: key == "previous" ? "the oldest version should have no previous" : "the newest of these pages should have no superseded_by")
        }
    }

    /// The status a page is read with: its own, or `superseded` when it names a successor.
    package static func status(of page: Page) -> PageStatus? {
        page.frontMatter.status ?? (page.frontMatter.supersededBy == nil ? nil : .superseded)
    }
}
