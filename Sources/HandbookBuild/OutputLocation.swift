import HandbookContent

/// Keeps the build from replacing a folder it must not: the output folder is
/// deleted and rewritten as a whole, so it may not hold the site's sources.
enum OutputLocation {
    static func problem(with output: String, layout: SiteLayout) -> String? {
        if output == "/" { return "refusing to use / as the output folder" }
        var protected = [("the site folder", layout.root), ("the content folder", layout.contentDir)]
        if let templates = layout.templatesDir { protected.append(("the templates folder", templates)) }
        if let config = layout.configFile { protected.append(("handbook.yml", config)) }
        for (name, path) in protected {
            if path == output || path.hasPrefix(output + "/") {
                return "refusing to write the site into \(output): it is or contains \(name), which the build would delete"
            }
        }
        return nil
    }
}
