import HandbookContent

/// One entry of the navigation tree: a page, or a folder (section) with its
/// entries. Folders without an index page get a generated section page.
package struct NavigationNode: Sendable {
    package var title: String
    /// URL path below the base (`roles/`), as in `Page.urlPath`.
    package var urlPath: String
    package var weight: Int?
    /// The folder inside the content folder, for sections.
    package var folder: String?
    /// Source path of the page behind this entry, `nil` for a generated section page.
    package var sourcePath: String?
    package var children: [NavigationNode]

    package var isSection: Bool { folder != nil }
}

/// The site's navigation tree, from folders and index pages, each level
/// ordered by `weight` (pages without one come last), then title.
package struct Navigation: Sendable {
    package let root: NavigationNode
    /// Every section (folder) node, depth first, the root first.
    package let sections: [NavigationNode]
    private let sectionIndexByFolder: [String: Int]
    /// The subfolders of each section (indices into `sections`), in order.
    private let subsections: [[Int]]

    init(pages: [Page], hints: NavigationHints = NavigationHints()) {
        var folders: [String: [Page]] = [:]
        var indexPages: [String: Page] = [:]
        var allFolders: Set<String> = [""]
        for page in pages {
            if page.isFolderIndex {
                indexPages[page.sourceFolder] = page
            } else {
                folders[page.sourceFolder, default: []].append(page)
            }
            // Every ancestor folder of a page is a section.
            var folder = page.sourceFolder
            while !folder.isEmpty {
                allFolders.insert(folder)
                folder = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            }
        }
        var subfolders: [String: [String]] = [:]
        for folder in allFolders where !folder.isEmpty {
            let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? ""
            subfolders[parent, default: []].append(folder)
        }

        func node(forFolder folder: String) -> NavigationNode {
            let index = indexPages[folder]
            var children = (folders[folder] ?? []).map { page in
                let hint = hints.pages[page.source.path]
                return NavigationNode(
                    title: hint?.title ?? page.title, urlPath: page.urlPath, weight: page.frontMatter.weight ?? hint?.weight, folder: nil,
                    sourcePath: page.source.path, children: [])
            }
            children += (subfolders[folder] ?? []).map { node(forFolder: $0) }
            Navigation.sortInOrder(&children)
            let name = folder.split(separator: "/").last.map(String.init) ?? ""
            let hint = hints.folders[folder]
            return NavigationNode(
                title: hint?.title ?? index?.title ?? (folder.isEmpty ? "Home" : PagePaths.titleFromName(name)),
                urlPath: folder.isEmpty ? "" : folder + "/", weight: index?.frontMatter.weight ?? hint?.weight, folder: folder,
                sourcePath: index?.source.path, children: children)
        }
        root = node(forFolder: "")
        var sections: [NavigationNode] = []
        func collect(_ node: NavigationNode) {
            guard node.isSection else { return }
            sections.append(node)
            node.children.forEach(collect)
        }
        collect(root)
        self.sections = sections
        let sectionIndexByFolder = Dictionary(
            sections.enumerated().map { ($1.folder ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        self.sectionIndexByFolder = sectionIndexByFolder
        self.subsections = sections.map { section in
            section.children.compactMap { child in child.folder.flatMap { sectionIndexByFolder[$0] } }
        }
    }

    /// The section node of a folder inside the content folder (`` for the root).
    package func section(forFolder folder: String) -> NavigationNode? {
        sectionIndexByFolder[folder].map { sections[$0] }
    }

    /// Sidebar order: pages with a weight first, by weight; then by title,
    /// ignoring case; then by address.
    static func sortInOrder(_ nodes: inout [NavigationNode]) {
        // Each title lowered once, not once a comparison.
        let titles = nodes.map { $0.title.lowercased() }
        let weights = nodes.map(\.weight)
        let order = nodes.indices.sorted { i, j in
            switch (weights[i], weights[j]) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return titles[i] != titles[j] ? titles[i] < titles[j] : nodes[i].urlPath < nodes[j].urlPath
            }
        }
        nodes = order.map { nodes[$0] }
    }

    /// The chain of sections from the root down to the folder holding `urlPath`.
    package func trail(to urlPath: String) -> [NavigationNode] {
        guard !sections.isEmpty else { return [root] }
        // Only subfolders are looked at: a folder of thousands of pages costs nothing here.
        // Indices first, nodes copied at the end: a node is a dozen fields to retain.
        var trail: [Int] = []
        var node = 0
        descending: while true {
            trail.append(node)
            for next in subsections[node] {
                let prefix = sections[next].urlPath
                if prefix != "", urlPath.hasPrefix(prefix) {
                    node = next
                    continue descending
                }
            }
            break
        }
        return trail.map { sections[$0] }
    }
}
