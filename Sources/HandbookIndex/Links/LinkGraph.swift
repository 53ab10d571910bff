import HandbookContent
import HandbookMarkdown
import HandbookSystem

/// Every link of every page, resolved once, and the reverse: which pages
/// link to each page ("Referenced by"). Checks and the render stage read it;
/// nothing resolves a link twice.
package struct LinkGraph: Sendable {
    package struct Entry: Sendable {
        package var link: LinkReference
        package var resolution: LinkResolver.Resolution
        package var rewrite: LinkRewrite?
    }

    /// A page that links here, and the sections of that page the links are in
    /// (in document order; empty when the links come before any heading).
    package struct Backlink: Sendable, Hashable {
        package struct Section: Sendable, Hashable {
            package var title: String
            package var id: String
        }

        package var source: Int
        package var sections: [Section]
    }

    /// Links of each page, in document order, parallel to `SiteIndex.pages`.
    package private(set) var entries: [[Entry]]
    /// Pages linking to each page, by title, without duplicates or self-links.
    package private(set) var backlinks: [[Backlink]]

    package init(index: SiteIndex, routes: RouteTable) {
        let resolver = LinkResolver(index: index, routes: routes)
        // Each page's links resolve on their own, in parallel, and give the pages it links to.
        let linked = parallelMap(Array(index.pages.indices)) { source in
            let page = index.pages[source]
            let entries = page.document.links.map { link in
                let resolution = resolver.resolve(link, from: page)
                return Entry(link: link, resolution: resolution, rewrite: resolver.rewrite(resolution, for: link))
            }
            return (entries: entries, targets: Self.targets(of: source, entries, in: index))
        }
        // Each page linked to, with its sources (a source is met once per target).
        var byTarget = Array(repeating: [Backlink](), count: index.pages.count)
        for (source, page) in linked.enumerated() {
            for (target, sections) in page.targets { byTarget[target].append(Backlink(source: source, sections: sections)) }
        }
        self.entries = linked.map(\.entries)
        let byTitle = index.titleOrder
        self.backlinks = parallelMap(byTarget) { Self.sorted($0, by: byTitle) }
    }

    /// The pages one page links to, with the sections of it the links are in.
    private static func targets(of source: Int, _ entries: [Entry], in index: SiteIndex) -> [Int: [Backlink.Section]] {
        var result: [Int: [Backlink.Section]] = [:]
        guard !entries.isEmpty else { return result }
        // The headings that open sections, in document order: a link is in the
        // last one at or above its line (found by bisection).
        let headings = index.pages[source].document.headings.filter { $0.level > 1 }
        func heading(above line: Int) -> Heading? {
            var (low, high) = (0, headings.count)
            while low < high {
                let mid = (low + high) / 2
                if headings[mid].line <= line { low = mid + 1 } else { high = mid }
            }
            return low > 0 ? headings[low - 1] : nil
        }
        for entry in entries {
            guard case .page(let target, _, _) = entry.resolution, target != source else { continue }
            var sections = result[target] ?? []
            if let heading = heading(above: entry.link.line) {
                let section = Backlink.Section(title: heading.text, id: heading.id)
                if !sections.contains(section) { sections.append(section) }
            }
            result[target] = sections
        }
        return result
    }

    /// Backlinks in the order of their sources' titles.
    private static func sorted(_ backlinks: [Backlink], by byTitle: (Int, Int) -> Bool) -> [Backlink] {
        backlinks.sorted { byTitle($0.source, $1.source) }
    }

    /// The graph after some pages' links or headings changed (not their
    /// paths, ids or titles): their links are resolved again, and the
    /// backlinks of every page they linked to or now link to are made anew.
    /// Returns those pages too.
    package func updating(structureOf changed: [Int], index: SiteIndex, routes: RouteTable) -> (LinkGraph, affected: Set<Int>) {
        let before = Set(changed.flatMap { source in
            entries[source].compactMap { entry -> Int? in
                if case .page(let target, _, _) = entry.resolution { return target }
                return nil
            }
        })
        var result = updating(pages: changed, index: index, routes: routes)
        let now = changed.map { Self.targets(of: $0, result.entries[$0], in: index) }
        let affected = before.union(now.flatMap(\.keys))
        let changedSet = Set(changed)
        let byTitle = index.titleOrder
        for target in affected {
            var sources = backlinks[target].filter { !changedSet.contains($0.source) }
            for (k, source) in changed.enumerated() {
                if let sections = now[k][target] { sources.append(Backlink(source: source, sections: sections)) }
            }
            result.backlinks[target] = Self.sorted(sources, by: byTitle)
        }
        return (result, affected)
    }

    /// The graph after some pages' titles or front matter changed, but no
    /// address (`SiteIndex.replacing(identityOf:)`, the same routes): links
    /// resolve by path, so only those pages' links and wiki links (which
    /// resolve by title and show it) are resolved again. The backlinks of
    /// every page the changed pages link to are sorted by the new titles.
    package func updating(identityOf changed: [Int], index: SiteIndex, routes: RouteTable) -> LinkGraph {
        let wiki = index.pages.indices.filter { i in index.pages[i].document.links.contains { $0.kind == .wiki } }
        return updating(structureOf: Array(Set(changed).union(wiki)).sorted(), index: index, routes: routes).0
    }

    /// The graph after some pages changed without changing their metadata:
    /// their links resolve to the same targets (and backlinks stay), only the
    /// positions differ, so only their entries are resolved again.
    package func updating(pages changed: [Int], index: SiteIndex, routes: RouteTable) -> LinkGraph {
        let resolver = LinkResolver(index: index, routes: routes)
        var copy = self
        for i in changed {
            let page = index.pages[i]
            copy.entries[i] = page.document.links.map { link in
                let resolution = resolver.resolve(link, from: page)
                return Entry(link: link, resolution: resolution, rewrite: resolver.rewrite(resolution, for: link))
            }
        }
        return copy
    }

    /// What link `link` of page `page` becomes in the output (nil: as written).
    package func rewrite(page: Int, link: Int) -> LinkRewrite? {
        entries[page].indices.contains(link) ? entries[page][link].rewrite : nil
    }
}
