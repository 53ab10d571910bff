import Foundation
import HandbookBuild
import HandbookContent
import HandbookDiagnostics
import HandbookRender
import Hummingbird
import Logging
import ServiceLifecycle

/// What `handbook serve` was asked to do.
public struct ServeOptions: Sendable {
    public var site: String
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    /// Compare file stamps instead of using inotify.
    public var poll: Bool
    public var baseURL: String?
    public var today: CalendarDate?
    /// Print the time of each stage of every rebuild.
    public var verbose = false
    /// Diagnostics printed per build before a table counting them all (0: every one).
    public var maxDiagnostics = 50
    /// Where the builds say how far they are (a terminal's progress line).
    public var progress: BuildProgress?
    /// A connection that sends nothing for this long (not even its request's
    /// headers) is closed; an open event stream is not idle.
    public var idleTimeout: Duration = .seconds(30)
    /// How often open event streams get a comment line, so that a browser
    /// that went away without closing is found out.
    public var heartbeat: Duration = .seconds(15)

    public init(site: String = ".", host: String = "127.0.0.1", port: Int = 8000, poll: Bool = false, baseURL: String? = nil) {
        self.site = site
        self.host = host
        self.port = port
        self.poll = poll
        self.baseURL = baseURL
    }
}

/// `handbook serve`: builds the site into memory, serves it, watches the
/// files, rebuilds what changed and reloads the open pages.
public enum PreviewServer {
    /// Where `serve` reports: one line per rebuild, and diagnostics.
    public typealias Report = @Sendable (_ line: String, _ isError: Bool) -> Void

    /// Runs until SIGINT or SIGTERM. `onListening` receives the URL once the
    /// port is bound. Returns the process exit status.
    public static func run(
        _ options: ServeOptions, report: @escaping Report, onListening: @escaping @Sendable (String) -> Void = { _ in }
    ) async -> Int32 {
        var buildOptions = BuildOptions(site: options.site, baseURL: options.baseURL, write: false)
        buildOptions.today = options.today
        let session = BuildSession(options: buildOptions, progress: options.progress)
        let hub = PreviewHub()

        // The first build, which also reads the site's layout. Its output is
        // handed to the hub and not kept here: this function runs as long as
        // the server, and a site kept alive in it would stay through every rebuild.
        func firstBuild() async -> SiteLayout? {
            let first = session.run()
            guard first.result.outcome != .unusable, let layout = session.layout else {
                report(DiagnosticFormatter.text.format(first.result.diagnostics), true)
                return nil
            }
            let firstProblems = first.result.diagnostics.filter { $0.severity != .note }
            if !firstProblems.isEmpty { report(DiagnosticFormatter.text.format(firstProblems, limit: options.maxDiagnostics), true) }
            if first.result.outcome == .built {
                await hub.publish(ServedSite(site: first.site, allowedRoots: layout.assetRoots), warnings: first.result.diagnostics)
                report("Built \(first.result.pageCount) pages in \(milliseconds(first.result.totalSeconds)) ms", false)
            } else {
                await hub.fail(first.result.diagnostics)
                report("The build failed; fix the errors above and save: the page will update", true)
            }
            return layout
        }
        guard let layout = await firstBuild() else { return 2 }
        let basePath = layout.config.basePath
        let roots = layout.watchedPaths
        let allowed = layout.assetRoots

        // Watch and rebuild, one build at a time.
        let watcher = FileWatcher(roots: roots, poll: options.poll)
        let rebuilds = Task.detached {
            for await batch in watcher.changes() {
                let started = DispatchTime.now().uptimeNanoseconds
                let output = session.run(changedPaths: batch)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                let problems = output.result.diagnostics.filter { $0.severity != .note }
                if !problems.isEmpty { report(DiagnosticFormatter.text.format(problems, limit: options.maxDiagnostics), true) }
                if output.result.outcome == .built {
                    await hub.publish(ServedSite(site: output.site, allowedRoots: allowed), warnings: output.result.diagnostics)
                    var line = "Rebuilt \(output.renderedCount) page\(output.renderedCount == 1 ? "" : "s") in \(milliseconds(elapsed)) ms"
                    if options.verbose {
                        line += " (" + output.result.stageTimes.map { "\($0.stage) \(milliseconds($0.seconds)) ms" }.joined(separator: ", ") + ")"
                    }
                    report(line, false)
                } else {
                    await hub.fail(output.result.diagnostics)
                    report("Build failed in \(milliseconds(elapsed)) ms; still serving the last good build", true)
                }
            }
        }

        var logger = Logger(label: "handbook.serve")
        logger.logLevel = .error
        let heartbeat = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: options.heartbeat)
                await hub.heartbeat()
            }
        }
        let app = Application(
            responder: PreviewResponder(hub: hub, basePath: basePath),
            server: PreviewChannel.builder(idleTimeout: options.idleTimeout),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "handbook"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                onListening("http://\(host):\(port)\(basePath)")
            },
            logger: logger)
        defer {
            watcher.stop()
            rebuilds.cancel()
            heartbeat.cancel()
        }
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            let text = "\(error)"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                report("handbook: port \(options.port) on \(options.host) is already in use; choose another with --port, or --port 0 for any free port", true)
            } else {
                report("handbook: cannot serve on \(options.host):\(options.port): \(error)", true)
            }
            await hub.closeAll()
            return 2
        }
        await hub.closeAll()
        return 0
    }

    static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }
}
