import ArgumentParser
import Foundation
import HandbookBuild
import HandbookContent
import HandbookEscaping

struct Owners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print who owns each file: its page's owner role, and its maintainers from CODEOWNERS.",
        discussion: """
            For a pull-request bot: give it the changed files, as paths relative to the site folder \
            (content/roles/em.md). A file that is not a page has maintainers only. \
            Exit status: 0, or 2 when the site cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var location: SiteOptions

    @Option(help: "Output format: text (one line a file) or json.")
    var format: Format = .text

    @Argument(help: "Files, relative to the site folder.")
    var paths: [String]

    func run() throws {
        let (loaded, diagnostics) = SiteLayout.load(root: location.site)
        guard let layout = loaded else {
            Console.standardError(diagnostics.map(\.description).joined(separator: "\n") + "\n")
            throw ExitCode(2)
        }
        let codeOwners = CodeOwners.load(layout).owners
        // Owner roles come from the site as a build sees it (the role a page's `owner` names).
        var options = BuildOptions(site: location.site, strict: false, write: false)
        options.readsHistory = false
        let output = BuildSession(options: options).run()
        var roles: [String: String] = [:]
        if let feed = output.site.contents(of: "reports/ownership.json")?.text,
            let rows = try? JSONSerialization.jsonObject(with: Data(feed.utf8)) as? [[String: Any]]
        {
            for row in rows {
                if let page = row["page"] as? String, let owner = row["owner"] as? String { roles[page] = owner }
            }
        }
        let prefix = layout.contentPrefix.isEmpty ? "" : layout.contentPrefix + "/"
        var lines: [String] = []
        for raw in paths {
            let path = raw.hasPrefix("./") ? String(raw.dropFirst(2)) : raw
            let page = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
            let owner = page.flatMap { roles[$0] }
            let maintainers = codeOwners?.owners(of: path)?.owners ?? []
            switch format {
            case .text:
                lines.append("\(path): owner \(owner ?? "none"); maintainers \(maintainers.isEmpty ? "none" : maintainers.joined(separator: " "))")
            case .json:
                lines.append(
                    "  {\"maintainers\":[" + maintainers.map(Escape.json).joined(separator: ",") + "],\"owner\":"
                        + (owner.map(Escape.json) ?? "null") + ",\"path\":" + Escape.json(path) + "}")
            }
        }
        let text = format == .json ? "[\n" + lines.joined(separator: ",\n") + "\n]\n" : lines.map { $0 + "\n" }.joined()
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
