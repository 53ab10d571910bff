import ArgumentParser
import Foundation
import HandbookContent
import HandbookScaffold
import HandbookDiagnostics

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a page of a kind, with its front matter filled in and explained.",
        discussion: "PATH is relative to the content folder: `handbook new role roles/qa-lead`. An existing file is never overwritten."
    )

    @Argument(help: "The kind of page: page, role, process or ladder.")
    var kind: PageKind

    @Argument(help: "Where to write it, inside the content folder (.md is added if missing).")
    var path: String

    @Option(help: "The page's title (default: from the file name).")
    var title: String?

    @OptionGroup var location: SiteOptions

    func run() throws {
        let (loaded, diagnostics) = SiteLayout.load(root: location.site)
        guard let layout = loaded else {
            Console.printDiagnostics(diagnostics, format: .text, limit: 0)
            throw ExitCode(2)
        }
        do {
            let written = try Scaffold.create(kind: kind, path: path, title: title, layout: layout)
            print("Created \(written)")
        } catch {
            Console.standardError("handbook: \(error)\n")
            throw ExitCode(2)
        }
    }
}
