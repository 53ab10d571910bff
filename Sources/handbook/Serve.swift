import ArgumentParser

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site with live reload (not built yet: use `handbook build` and a static file server)."
    )

    func run() throws {
        Console.standardError("handbook: serve is not available yet; run `handbook build` and serve public/ with any static file server\n")
        throw ExitCode(2)
    }
}
