import ArgumentParser
import Foundation
import HandbookContent
import HandbookServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into memory, serve it, and rebuild and reload the browser when a file changes.",
        discussion: "Serves on 127.0.0.1 unless --host says otherwise. Stop with Ctrl-C."
    )

    @OptionGroup var location: SiteOptions

    @Option(help: "The address to listen on. Anything but a loopback address makes the handbook visible on the network.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8000

    @Flag(help: "Watch files by polling instead of inotify (for network or container file systems).")
    var poll = false

    @OptionGroup var publishing: BaseURLOptions

    @Flag(help: "Open the handbook in the default browser once it is served.")
    var open = false

    @Flag(help: "Print the time of each stage of every rebuild.")
    var verbose = false

    @OptionGroup var display: OutputOptions

    @Option(help: "Seconds after which a connection that sends nothing (not even a whole request) is closed; live-reload streams are exempt.")
    var idleTimeout: Double = 30

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard idleTimeout.isFinite, idleTimeout >= 0.1, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be between 0.1 and 86400 seconds")
        }
    }

    func run() async throws {
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Console.standardError("handbook: warning: serving on \(host): the handbook is visible to other machines on the network\n")
        }
        var options = ServeOptions(site: location.site, host: host, port: port, poll: poll, baseURL: publishing.baseURL)
        options.verbose = verbose
        options.maxDiagnostics = display.maxDiagnostics
        options.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        let shouldOpen = open
        // The first build of a big handbook takes seconds: a progress line until it prints.
        let progressLine = ProgressLine.start()
        options.progress = progressLine?.progress
        defer { progressLine?.stop() }
        let status = await PreviewServer.run(
            options,
            report: { line, isError in
                progressLine?.stop()
                // Unbuffered: one line per rebuild reaches a pipe or a log file at once.
                let text = line.hasSuffix("\n") ? line : line + "\n"
                if isError { Console.standardError(text) } else { Console.standardOutput(text) }
            },
            onListening: { url in
                Console.standardOutput("Serving on \(url) (Ctrl-C to stop)\n")
                if shouldOpen { Serve.openBrowser(url) }
            })
        if status != 0 { throw ExitCode(status) }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
