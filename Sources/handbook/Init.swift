import ArgumentParser
import Foundation
import HandbookContent
import HandbookScaffold

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new handbook: settings, one page of each kind, a .gitignore and a CI workflow."
    )

    @Argument(help: "The folder to create the handbook in.")
    var directory: String = "."

    @Flag(help: "Add the handbook to a folder that is not empty; files that exist are kept.")
    var force = false

    func run() throws {
        do {
            let result = try Starter.create(in: directory, force: force, today: CalendarDate.today())
            for path in result.written { print("  created \(path)") }
            for path in result.kept { print("  kept    \(path) (it exists)") }
            print("\nNext:")
            if directory != "." { print("  cd \(directory)") }
            print("  handbook serve    # preview on http://127.0.0.1:8000/, reloading as you edit")
            print("  handbook check    # what CI runs on every pull request")
        } catch {
            Console.standardError("handbook: \(error)\n")
            throw ExitCode(2)
        }
    }
}
