import ArgumentParser
import Foundation
import HandbookMarkdown

@main
struct Handbook: AsyncParsableCommand {
    /// The release's tag, or `0.1.0-dev+<commit>` (Plugins/StampVersion).
    static let version = BuildVersion.string

    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build an engineering-leadership handbook from a folder of Markdown.",
        version: "\(version) (cmark \(MarkdownParser.cmarkVersion))",
        subcommands: [Init.self, Build.self, Check.self, New.self, Serve.self, Owners.self]
    )

    /// As ArgumentParser's own, except that a usage error (an unknown option,
    /// a bad value) exits with 2, as every other usage or configuration error
    /// does, instead of sysexits' 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.standardError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
