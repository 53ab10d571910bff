import HandbookIndex

/// Builds each page's sidebar from parts rendered once, and keeps it small
/// whatever the size of the site (as MkDocs Material's `navigation.prune`):
///
/// - the sidebar shows the top level, and the folders on the way down to the
///   page open, each showing its own entries; other folders stay closed;
/// - a long list is cut into chunks: the page's own folder shows the chunk of
///   `currentChunk` entries holding the page, each folder above it the chunk
///   of `ancestorChunk` entries holding the way down; a cut list ends with a
///   link to the folder's page, which lists everything.
///
/// Each chunk of each folder is rendered through `navigation.mustache` once,
/// with a marker where a subfolder's list can open; a page's sidebar is a
/// splice of the chunks on its way down (a byte copy), so its cost is the size
/// of its sidebar, and neither grows with the site.
struct SidebarBuilder {
    static let currentChunk = 20
    static let ancestorChunk = 8

    private let splicer: FragmentSplicer
    private let sections: [NavigationNode]
    private let sectionIndex: [String: Int]
    /// Fragment number of chunk 0 of each section's chunks, as the open folder
    /// (`current`) and as a folder on the way down (`ancestor`).
    private let currentBase: [Int]
    private let ancestorBase: [Int]

    init(index: SiteIndex, theme: Theme) {
        let sections = index.navigation.sections
        self.sections = sections
        var sectionIndex: [String: Int] = [:]
        for (i, section) in sections.enumerated() { sectionIndex[section.folder ?? ""] = i }
        self.sectionIndex = sectionIndex
        var fragments: [String] = []
        var currentBase: [Int] = []
        var ancestorBase: [Int] = []
        for section in sections {
            let entries = section.children.map { child in
                NavigationEntryView(
                    title: child.title, url: index.url(child.urlPath), isSection: child.isSection,
                    children: child.folder.flatMap { sectionIndex[$0] }.map(FragmentSplicer.marker) ?? "")
            }
            for size in [Self.currentChunk, Self.ancestorChunk] {
                (size == Self.currentChunk ? { currentBase.append(fragments.count) } : { ancestorBase.append(fragments.count) })()
                let chunks = stride(from: 0, to: max(entries.count, 1), by: size)
                for start in chunks {
                    let slice = Array(entries[start..<min(start + size, entries.count)])
                    let rest = entries.count - slice.count
                    let more = rest > 0
                        ? LinkView(title: "All \(entries.count) in \(section.title)", url: index.url(section.urlPath)) : nil
                    let view = NavigationListView(entries: slice, more: more)
                    fragments.append(theme.library.render(view, withTemplate: "navigation") ?? "")
                }
            }
        }
        self.currentBase = currentBase
        self.ancestorBase = ancestorBase
        splicer = FragmentSplicer(fragments)
    }

    /// The sidebar of a page (or generated page) in `folder`, whose own entry
    /// there has the URL path `current` (nil for the folder's own page).
    func sidebar(folder: String, current: String?) -> String {
        guard !sections.isEmpty, let target = sectionIndex[folder] ?? sectionIndex[""] else { return "" }
        // The folders on the way down, and which entry leads on in each.
        var trail: [Int] = []
        var node = target
        while true {
            trail.insert(node, at: 0)
            guard let parentFolder = parent(of: sections[node].folder ?? "") , let parent = sectionIndex[parentFolder] else { break }
            node = parent
        }
        var chunkFragment: [Int: Int] = [:]
        for (k, s) in trail.enumerated() {
            let children = sections[s].children
            let isCurrent = k == trail.count - 1
            let size = isCurrent ? Self.currentChunk : Self.ancestorChunk
            let position: Int
            if isCurrent {
                position = current.flatMap { path in children.firstIndex { $0.urlPath == path } } ?? 0
            } else {
                let next = sections[trail[k + 1]].folder
                position = children.firstIndex { $0.folder == next } ?? 0
            }
            chunkFragment[s] = (isCurrent ? currentBase[s] : ancestorBase[s]) + position / size
        }
        guard let root = chunkFragment[trail[0]] else { return "" }
        return splicer.splice(root, resolve: { chunkFragment[$0] })
    }

    private func parent(of folder: String) -> String? {
        guard !folder.isEmpty else { return nil }
        return folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
    }
}
