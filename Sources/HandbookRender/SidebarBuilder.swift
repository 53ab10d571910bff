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
    private let lists: FragmentSplicer
    private let count: Int
    private let sectionIndex: [String: Int]

    init(index: SiteIndex, theme: Theme) {
        let sections = index.navigation.sections
        var sectionIndex: [String: Int] = [:]
        for (i, section) in sections.enumerated() { sectionIndex[section.folder ?? ""] = i }
        self.sectionIndex = sectionIndex
        count = sections.count
        lists = FragmentSplicer(
            sections.map { section in
                let entries = section.children.map { child in
                    NavigationEntryView(
                        title: child.title, url: index.url(child.urlPath), isSection: child.isSection,
                        children: child.folder.flatMap { sectionIndex[$0] }.map(FragmentSplicer.marker) ?? "")
                }
                return theme.library.render(NavigationListView(entries: entries), withTemplate: "navigation") ?? ""
            })
    }

    /// The sidebar of `folder`: each folder from the top down to it is open.
    func sidebar(for folder: String, trail: [String]) -> String {
        guard count > 0 else { return "" }
        let open = Set(trail.compactMap { sectionIndex[$0] })
        return lists.splice(0, expand: open.contains)
    }
}
