import HandbookEscaping
import HandbookIndex
import HandbookMarkdown
import HandbookSystem

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
/// of its sidebar, and neither grows with the site. A view holds a `Sidebar`,
/// which names those chunks (cheap to build and to compare for the render
/// key); the HTML is spliced only when the page is rendered.
package struct SidebarBuilder: Sendable {
    static let currentChunk = 20
    static let ancestorChunk = 8

    /// Which chunks a sidebar is spliced from, with a fingerprint of their
    /// text, and the URL of the entry marked as the current page.
    package struct Sidebar: Sendable, Hashable {
        /// Section → the chunk fragment shown for it, from the top down.
        fileprivate var chunks: [(section: Int, fragment: Int)]
        fileprivate var fingerprint: Int
        fileprivate var current: String?

        package static func == (a: Sidebar, b: Sidebar) -> Bool {
            a.fingerprint == b.fingerprint && a.current == b.current
                && a.chunks.elementsEqual(b.chunks, by: { $0.section == $1.section && $0.fragment == $1.fragment })
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(fingerprint)
            hasher.combine(current)
            for chunk in chunks {
                hasher.combine(chunk.section)
                hasher.combine(chunk.fragment)
            }
        }
    }

    private let splicer: FragmentSplicer
    /// A hash of each fragment's text.
    private let fragmentHashes: [Int]
    private let sections: [NavigationNode]
    private let sectionIndex: [String: Int]
    /// Fragment number of chunk 0 of each section's chunks, as the open folder
    /// (`current`) and as a folder on the way down (`ancestor`).
    private let currentBase: [Int]
    private let ancestorBase: [Int]
    /// Each section's entries' positions, by URL path and by folder.
    private let positions: [[String: Int]]

    init(index: SiteIndex, theme: Theme) {
        let sections = index.navigation.sections
        self.sections = sections
        var sectionIndex: [String: Int] = [:]
        for (i, section) in sections.enumerated() { sectionIndex[section.folder ?? ""] = i }
        self.sectionIndex = sectionIndex
        // Every chunk of every folder, as the open folder and as one on the
        // way down; rendered in parallel, numbered in this order.
        var chunks: [(section: Int, start: Int, size: Int)] = []
        var currentBase: [Int] = []
        var ancestorBase: [Int] = []
        for (s, section) in sections.enumerated() {
            for size in [Self.currentChunk, Self.ancestorChunk] {
                if size == Self.currentChunk { currentBase.append(chunks.count) } else { ancestorBase.append(chunks.count) }
                for start in stride(from: 0, to: max(section.children.count, 1), by: size) { chunks.append((s, start, size)) }
            }
        }
        let folders = sectionIndex
        let fragments = parallelMap(chunks) { chunk in
            let section = sections[chunk.section]
            let children = section.children[chunk.start..<min(chunk.start + chunk.size, section.children.count)]
            let entries = children.map { child in
                NavigationEntryView(
                    title: child.title, url: index.url(child.urlPath), isSection: child.isSection,
                    children: child.folder.flatMap { folders[$0] }.map(FragmentSplicer.marker) ?? "")
            }
            let more = entries.count < section.children.count
                ? LinkView(title: "All \(section.children.count) in \(section.title)", url: index.url(section.urlPath)) : nil
            return theme.library.render(NavigationListView(entries: entries, more: more), withTemplate: "navigation") ?? ""
        }
        positions = sections.map { section in
            var map: [String: Int] = [:]
            for (k, child) in section.children.enumerated() {
                map[child.urlPath] = map[child.urlPath] ?? k
                if let folder = child.folder { map["\u{0}" + folder] = map["\u{0}" + folder] ?? k }
            }
            return map
        }
        self.currentBase = currentBase
        self.ancestorBase = ancestorBase
        splicer = FragmentSplicer(fragments)
        fragmentHashes = fragments.map { $0.hashValue }
    }

    /// The sidebar of a page (or generated page) in `folder`, whose own entry
    /// there has the URL path `current` (nil for the folder's own page);
    /// `currentURL` is that entry's URL, marked as the current page.
    func sidebar(folder: String, current: String?, currentURL: String?) -> Sidebar? {
        guard !sections.isEmpty, let target = sectionIndex[folder] ?? sectionIndex[""] else { return nil }
        // The folders on the way down, and which entry leads on in each.
        var trail: [Int] = []
        var node = target
        while true {
            trail.append(node)
            guard let parentFolder = parent(of: sections[node].folder ?? ""), let parent = sectionIndex[parentFolder] else { break }
            node = parent
        }
        trail.reverse()
        var sidebar = Sidebar(chunks: [], fingerprint: 0, current: currentURL)
        var fingerprint = Hasher()
        for (k, s) in trail.enumerated() {
            let isCurrent = k == trail.count - 1
            let size = isCurrent ? Self.currentChunk : Self.ancestorChunk
            let position: Int
            if isCurrent {
                position = current.flatMap { positions[s][$0] } ?? 0
            } else {
                position = sections[trail[k + 1]].folder.flatMap { positions[s]["\u{0}" + $0] } ?? 0
            }
            let fragment = (isCurrent ? currentBase[s] : ancestorBase[s]) + position / size
            sidebar.chunks.append((s, fragment))
            fingerprint.combine(fragmentHashes.indices.contains(fragment) ? fragmentHashes[fragment] : 0)
        }
        sidebar.fingerprint = fingerprint.finalize()
        return sidebar
    }

    /// A sidebar's HTML: its chunks spliced, its current entry marked.
    func html(_ sidebar: Sidebar) -> String {
        guard let root = sidebar.chunks.first?.fragment else { return "" }
        let html = splicer.splice(root, resolve: { section in sidebar.chunks.first(where: { $0.section == section })?.fragment })
        return sidebar.current.map { markCurrent(in: html, url: $0) } ?? html
    }

    private func parent(of folder: String) -> String? {
        guard !folder.isEmpty else { return nil }
        return folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
    }
}

/// Adds `aria-current="page"` to the first `<a href="url">` in `html`.
private func markCurrent(in html: String, url: String) -> String {
    let needle = Array("<a href=\"\(Escape.html(url))\">".utf8)
    var html = html
    return html.withUTF8 { haystack -> String in
        guard let start = needle.withUnsafeBufferPointer({ ByteSearch.offset(of: $0, in: haystack) }) else {
            return String(decoding: haystack, as: UTF8.self)
        }
        let insertion = start + needle.count - 1  // before the `>`
        var bytes: [UInt8] = []
        bytes.reserveCapacity(haystack.count + 24)
        bytes.append(contentsOf: haystack[..<insertion])
        bytes.append(contentsOf: #" aria-current="page""#.utf8)
        bytes.append(contentsOf: haystack[insertion...])
        return String(decoding: bytes, as: UTF8.self)
    }
}
