import Foundation
import HandbookContent
import HandbookSystem

/// Decides which folder a build may replace. A build replaces its output
/// folder as a whole, so the rule is narrow: the folder must not exist yet,
/// be empty, or be one that Handbook wrote itself (it holds a `.handbook`
/// marker). Anything else — a file, a device, somebody's folder of files, the
/// current or home folder, `/`, the site or a folder holding it — is refused.
enum OutputLocation {
    /// The marker every build writes into its output folder.
    static let markerName = ".handbook"
    static let markerText = "This folder was written by Handbook (handbook build). Each build replaces it as a whole.\n"

    /// The real path to write to (symbolic links followed), or a one-line
    /// reason with what to do instead.
    static func resolve(_ given: String?, layout: SiteLayout) -> Result<String, Refusal> {
        if let given, given.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(Refusal("the output folder is an empty path; give a folder such as --output public"))
        }
        let absolute = given.map { SiteLayout.absolutePath($0) } ?? SiteLayout.absolutePath("public", relativeTo: layout.root)
        let output = FileSystem.resolvedPath(absolute)
        let shown = given ?? absolute
        if output == "/" { return .failure(Refusal("refusing to use / as the output folder")) }
        if let home = ProcessInfo.processInfo.environment["HOME"].flatMap(FileSystem.realPath), output == home {
            return .failure(Refusal("refusing to replace your home folder \(home) with the site; choose a folder inside it, such as \(home)/public"))
        }
        if let cwd = FileSystem.realPath(FileManager.default.currentDirectoryPath), output == cwd {
            return .failure(Refusal("refusing to replace the current folder with the site; choose a folder inside it, such as --output public"))
        }
        var protected = [("the site folder", layout.root), ("the content folder", layout.contentDir)]
        if let templates = layout.templatesDir { protected.append(("the templates folder", templates)) }
        if let config = layout.configFile { protected.append(("handbook.yml", config)) }
        for (name, path) in protected where FileSystem.isInside(FileSystem.resolvedPath(path), output) {
            return .failure(Refusal("refusing to write the site into \(shown): it is or contains \(name), which the build would delete"))
        }
        switch FileSystem.kind(of: output, followingLinks: true) {
        case .missing:
            return .success(output)
        case .directory:
            guard let entries = FileSystem.entries(of: output) else {
                return .failure(Refusal("cannot read the output folder \(shown): \(FileSystem.lastError)"))
            }
            if entries.isEmpty || entries.contains(markerName) || isEarlierOutput(output) { return .success(output) }
            return .failure(
                Refusal(
                    "refusing to replace \(shown): the folder is not empty and Handbook did not write it (it has no \(markerName) file); "
                        + "choose a new or empty folder, or empty this one yourself"))
        case .regularFile, .symbolicLink:
            return .failure(Refusal("refusing to replace \(shown): it is a file, not a folder; choose a folder path for --output"))
        case .other:
            return .failure(Refusal("refusing to replace \(shown): it is a device, pipe or socket, not a folder; choose a folder path for --output"))
        }
    }

    /// Output written before the marker existed: it has the search index
    /// every build writes. Accepted so that upgrading does not refuse `public/`.
    private static func isEarlierOutput(_ folder: String) -> Bool {
        FileSystem.kind(of: folder + "/_handbook/search-index.json") == .regularFile
    }

    struct Refusal: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
