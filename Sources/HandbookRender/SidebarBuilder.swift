import HandbookIndex

/// Builds the sidebar of every folder without re-rendering shared parts.
///
/// Each folder's own list of entries is rendered through `navigation.mustache`
/// exactly once, with a marker where a subfolder's list could open. A folder's
/// sidebar is then the root list with the markers on the way down to that
/// folder replaced by the subfolders' lists and all other markers dropped: a
/// byte copy, so the sidebar of a folder costs time proportional to its size,
/// and no page's cost grows with the number of pages elsewhere.
struct SidebarBuilder {
    private let lists: [[UInt8]]
    private let sectionIndex: [String: Int]

    init(index: SiteIndex, theme: Theme) {
        let sections = index.navigation.sections
        var sectionIndex: [String: Int] = [:]
        for (i, section) in sections.enumerated() { sectionIndex[section.folder ?? ""] = i }
        self.sectionIndex = sectionIndex
        lists = sections.map { section in
            let entries = section.children.map { child in
                NavigationEntryView(
                    title: child.title, url: index.url(child.urlPath), isSection: child.isSection,
                    children: child.folder.flatMap { sectionIndex[$0] }.map(Self.marker) ?? "")
            }
            let html = theme.library.render(NavigationListView(entries: entries), withTemplate: "navigation") ?? ""
            return Array(html.utf8)
        }
    }

    static func marker(_ section: Int) -> String { "<!--hb-nav:\(section)-->" }

    /// The sidebar of `folder`: each folder from the top down to it is open.
    func sidebar(for folder: String, trail: [String]) -> String {
        guard !lists.isEmpty else { return "" }
        let open = Set(trail.compactMap { sectionIndex[$0] })
        var out: [UInt8] = []
        append(list: 0, open: open, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let markerPrefix = Array("<!--hb-nav:".utf8)

    private func append(list: Int, open: Set<Int>, to out: inout [UInt8]) {
        let bytes = lists[list]
        var i = 0
        var copied = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes.count - i > Self.markerPrefix.count,
                bytes[i..<(i + Self.markerPrefix.count)].elementsEqual(Self.markerPrefix)
            {
                var j = i + Self.markerPrefix.count
                var number = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 {
                    number = number * 10 + Int(bytes[j] - 48)
                    j += 1
                }
                out.append(contentsOf: bytes[copied..<i])
                copied = j + 3  // past "-->"
                if open.contains(number) { append(list: number, open: open, to: &out) }
                i = copied
                continue
            }
            i += 1
        }
        out.append(contentsOf: bytes[copied..<bytes.count])
    }
}
