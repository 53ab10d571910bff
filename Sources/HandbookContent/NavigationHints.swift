import Foundation

/// Titles and order the sidebar takes from a dialect's own files rather than
/// from the pages: MkDocs' `nav:` in `mkdocs.yml`, Docusaurus'
/// `_category_.json` in a folder. Keys are paths inside the content folder
/// (`guides/hiring.md`) and folders (`guides`).
package struct NavigationHints: Sendable, Hashable {
    package struct Hint: Sendable, Hashable {
        package var title: String?
        package var weight: Int?
    }

    package var pages: [String: Hint] = [:]
    package var folders: [String: Hint] = [:]

    package init() {}

    package var isEmpty: Bool { pages.isEmpty && folders.isEmpty }

    /// MkDocs' `nav:`: each entry's place among its siblings is its weight, a
    /// label its title; a section is the folder its pages share.
    package static func mkdocs(_ text: String) -> NavigationHints {
        var hints = NavigationHints()
        // The `nav:` block alone: other keys may hold tags PyYAML knows and no other reader does.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("nav:") }) else { return hints }
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "-" || lines[end].first == "#" { end += 1 }
        guard case .value(let value?) = YAMLReader.read(lines[start..<end].joined(separator: "\n"), file: "mkdocs.yml"),
            let nav = value["nav"]
        else { return hints }
        /// The folders of the pages under an entry, to name a section by.
        func walk(_ node: YAMLValue) -> [String] {
            guard case .sequence(let items, _, _) = node else { return [] }
            var pagesSeen: [String] = []
            for (k, item) in items.enumerated() {
                var title: String?
                var target = item
                if case .mapping(let entries, _, _) = item, let first = entries.first {
                    title = first.key
                    target = first.value
                }
                switch target {
                case .scalar(let path, _, _) where path.hasSuffix(".md"):
                    hints.pages[path] = Hint(title: title, weight: k + 1)
                    pagesSeen.append(path)
                case .sequence:
                    let inside = walk(target)
                    pagesSeen += inside
                    // The section is the deepest folder all its pages share.
                    let folders = inside.map { $0.split(separator: "/").dropLast().map(String.init) }
                    guard var common = folders.first else { continue }
                    for folder in folders.dropFirst() { common = Array(zip(common, folder).prefix { $0 == $1 }.map(\.0)) }
                    if !common.isEmpty { hints.folders[common.joined(separator: "/")] = Hint(title: title, weight: k + 1) }
                default:
                    continue  // an external link
                }
            }
            return pagesSeen
        }
        _ = walk(nav)
        return hints
    }

    /// Docusaurus' `_category_.json` (`label`, `position`) or `_category_.yml`.
    package static func category(_ text: String, isJSON: Bool) -> Hint? {
        if isJSON {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
            let position = (object["position"] as? NSNumber).map { Int(truncating: $0) }
            return Hint(title: object["label"] as? String, weight: position)
        }
        guard case .value(let value?) = YAMLReader.read(text, file: "_category_.yml") else { return nil }
        return Hint(title: value["label"]?.string, weight: value["position"]?.string.flatMap { Int($0) ?? Double($0).map { Int($0) } })
    }

    /// A category file's name: not published, read for its folder.
    package static func isCategoryFile(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return name == "_category_.json" || name == "_category_.yml" || name == "_category_.yaml"
    }
}
