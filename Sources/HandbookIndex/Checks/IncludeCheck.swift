import HandbookContent
import HandbookDiagnostics

/// Includes (`![[page#section]]`) that come back to where they started
/// (`include.cycle`): one error per cycle, at the include of its first page
/// by path, naming the chain. (A missing page or section is a broken link
/// or anchor, like any wiki link.)
package enum IncludeCheck {
    /// Includes nest this deep at most (a page, what it includes, what that includes…).
    package static let maximumDepth = 8

    static func check(_ site: SiteModel) -> [Diagnostic] {
        let pages = site.index.pages
        // page → (included page, the include's link) in document order
        var edges: [Int: [(page: Int, link: Int)]] = [:]
        for (i, page) in pages.enumerated() where !page.document.includes.isEmpty {
            for link in page.document.includes {
                if let (j, _) = site.includeTarget(page: i, link: link) { edges[i, default: []].append((j, link)) }
            }
        }
        guard !edges.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var done: Set<Int> = []
        var reported: Set<[Int]> = []
        // Depth first from each page, in path order, with an explicit stack (a
        // chain of includes may be long); a page on the current path seen again closes a cycle.
        for start in edges.keys.sorted(by: { pages[$0].source.path < pages[$1].source.path }) where !done.contains(start) {
            var path: [Int] = [start]
            var onPath: Set<Int> = [start]
            var next: [Int] = [0]  // per path entry: the next edge to follow
            while let p = path.last {
                let out = edges[p] ?? []
                guard let k = next.last, k < out.count else {
                    done.insert(p)
                    onPath.remove(p)
                    path.removeLast()
                    next.removeLast()
                    continue
                }
                next[next.count - 1] += 1
                let q = out[k].page
                if onPath.contains(q), let at = path.firstIndex(of: q) {
                    report(Array(path[at...]))
                } else if !done.contains(q) {
                    path.append(q)
                    onPath.insert(q)
                    next.append(0)
                }
            }
        }
        func report(_ cycle: [Int]) {
            let first = cycle.min { pages[$0].source.path < pages[$1].source.path } ?? cycle[0]
            let from = cycle.firstIndex(of: first) ?? 0
            let rotated = Array(cycle[from...] + cycle[..<from])
            guard reported.insert(rotated).inserted else { return }
            let next = rotated.count > 1 ? rotated[1] : first
            let link = edges[first]?.first { $0.page == next }?.link
            let reference = link.map { pages[first].document.links[$0] }
            diagnostics.append(
                .error(
                    DiagnosticID.includeCycle,
                    at: SourceLocation(file: pages[first].source.displayPath, line: reference?.line ?? 1, column: reference?.column ?? 1),
                    "includes go round: \((rotated + [first]).map { pages[$0].source.displayPath }.joined(separator: " → "))",
                    note: "a page cannot show itself; include a section that does not include this page"))
        }
        return diagnostics + tooDeep(site, edges: edges, inCycles: Set(reported.flatMap { $0 }))
    }

    /// Chains of includes deeper than `maximumDepth`, reported once each, at
    /// the include of the page that starts the chain (one no page includes).
    private static func tooDeep(_ site: SiteModel, edges: [Int: [(page: Int, link: Int)]], inCycles: Set<Int>) -> [Diagnostic] {
        let pages = site.index.pages
        // Depth of each page's includes (1: it includes pages that include nothing), bottom up without recursion.
        var depth: [Int: Int] = [:]
        for start in edges.keys.sorted() where depth[start] == nil && !inCycles.contains(start) {
            var stack: [(page: Int, expanded: Bool)] = [(start, false)]
            while let (p, expanded) = stack.popLast() {
                guard depth[p] == nil else { continue }
                let children = (edges[p] ?? []).map(\.page).filter { !inCycles.contains($0) }
                if expanded {
                    depth[p] = 1 + (children.map { depth[$0] ?? 0 }.max() ?? 0)
                } else {
                    stack.append((p, true))
                    for c in children where depth[c] == nil && edges[c] != nil { stack.append((c, false)) }
                }
            }
        }
        let included = Set(edges.values.flatMap { $0.map(\.page) })
        return edges.keys.filter { !included.contains($0) && (depth[$0] ?? 0) > maximumDepth }
            .sorted { pages[$0].source.path < pages[$1].source.path }
            .map { root in
                let link = edges[root]?.max { (depth[$0.page] ?? 0) < (depth[$1.page] ?? 0) }?.link
                let reference = link.map { pages[root].document.links[$0] }
                return .warning(
                    DiagnosticID.includeTooDeep,
                    at: SourceLocation(file: pages[root].source.displayPath, line: reference?.line ?? 1, column: reference?.column ?? 1),
                    "includes nest \(depth[root] ?? 0) deep from here; past \(maximumDepth) nothing more is shown",
                    note: "include the deeper sections directly, or link to them")
            }
    }
}
