import ArgumentParser
import HandbookMarkdown

@main
struct Handbook: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build an engineering-leadership handbook from a folder of Markdown.",
        version: "\(version) (cmark \(MarkdownParser.cmarkVersion))",
        subcommands: [Init.self, Build.self, Check.self, New.self, Serve.self]
    )
}
