import Foundation
import HandbookTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `handbook serve` as a user runs it: a real process on a real port, spoken
/// to over real sockets.
@Suite(.serialized) struct ServeTests {
    /// A running `handbook serve`, its URL read from its first line of output.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let output = Pipe()
        private let lock = NSLock()
        private var text = ""
        private(set) var port: Int = 0

        init(site: URL, arguments: [String] = []) throws {
            process.executableURL = CLI.executable
            process.arguments = ["serve", "--site", site.path, "--port", "0"] + arguments
            process.standardOutput = output
            process.standardError = output
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if let range = log.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    let url = log[range]
                    port = Int(url.split(separator: ":").last!.dropLast())!
                    return
                }
                usleep(20_000)
            }
            throw CancellationError()
        }

        var log: String { lock.withLock { text } }

        func waitForLog(_ needle: String, timeout: Double = 5) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if log.contains(needle) { return true }
                usleep(20_000)
            }
            return false
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            process.waitUntilExit()
        }
    }

    /// A plain HTTP/1.1 exchange over a socket: nothing normalises the path.
    struct RawHTTP {
        var status: Int
        var headers: [String: String]
        var body: String

        static func connect(_ port: Int) -> Int32 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            return fd
        }

        static func send(_ fd: Int32, _ text: String) {
            _ = text.withCString { write(fd, $0, strlen($0)) }
        }

        static func request(_ port: Int, _ method: String = "GET", _ path: String) -> RawHTTP {
            let fd = connect(port)
            defer { close(fd) }
            send(fd, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            let text = String(decoding: data, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            let head = parts[0].components(separatedBy: "\r\n")
            let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "0") ?? 0
            var headers: [String: String] = [:]
            for line in head.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return RawHTTP(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
        }
    }

    /// An open event stream: what the server has sent so far.
    final class EventStream {
        let fd: Int32
        private var received = ""

        init(port: Int, path: String = "/__handbook/events") {
            fd = RawHTTP.connect(port)
            RawHTTP.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        }

        func waitFor(_ needle: String, timeout: Double = 8) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                if received.contains(needle) { return true }
                let n = read(fd, &buffer, buffer.count)
                if n > 0 { received += String(decoding: buffer[0..<n], as: UTF8.self) }
            }
            return received.contains(needle)
        }

        /// Forgets what was read so far.
        func reset() { received = "" }

        deinit { close(fd) }
    }

    /// Runs `body` with the test site served and a live-reload stream connected.
    func serving(_ body: (TestSite, Server, EventStream) throws -> Void) throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        let events = EventStream(port: server.port)
        #expect(events.waitFor(": connected"))
        try body(site, server, events)
    }

    static func site() throws -> TestSite {
        try TestSite([
            "handbook.yml": "title: Served\n",
            "content/index.md": "# Home\n\nSee [roles](roles/).\n",
            "content/roles/_index.md": "# Roles\n",
            "content/roles/em.md": "# Engineering Manager\n\nLeads a team.\n",
            "content/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
    }

    @Test func servesPagesWithTheRightStatusHeadersAndTypes() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        let page = RawHTTP.request(server.port, "GET", "/roles/em/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.body.contains("<h1 id=\"engineering-manager\">Engineering Manager</h1>"))
        #expect(page.body.contains("new EventSource(\"/__handbook/events\")"), "live reload is injected")
        #expect(!site.exists("public"), "serve builds into memory")
        let head = RawHTTP.request(server.port, "HEAD", "/roles/em/")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == page.headers["content-length"])
        let folder = RawHTTP.request(server.port, "GET", "/roles")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/roles/")
        let svg = RawHTTP.request(server.port, "GET", "/img/logo.svg")
        #expect(svg.headers["content-type"] == "image/svg+xml")
        let css = RawHTTP.request(server.port, "GET", "/_handbook/handbook.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        let missing = RawHTTP.request(server.port, "GET", "/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"), "the handbook's own 404 page")
        #expect(RawHTTP.request(server.port, "POST", "/").status == 405)
    }

    @Test func nothingOutsideTheSiteIsServed() throws {
        let site = try Self.site()
        defer { site.remove() }
        try "top secret".write(to: site.root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/leak.txt").path, withDestinationPath: "/etc/passwd")
        let server = try Server(site: site.root)
        defer { server.stop() }
        for path in [
            "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/roles%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/roles\\..\\..\\secret.txt", "/index.html%00",
            "/leak.txt", "/content/index.md", "/handbook.yml",
        ] {
            let response = RawHTTP.request(server.port, "GET", path)
            #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.body.contains("top secret") && !response.body.contains("root:"), "\(path) leaked a file")
        }
    }

    @Test func editsReloadAndBrokenFrontMatterShowsTheOverlay() throws {
        try serving { site, server, events in
            try site.write("content/roles/em.md", "# Engineering Manager\n\nLeads a team, edited.\n")
            #expect(events.waitFor("event: reload"), "a reload after the edit")
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("Leads a team, edited."))
            #expect(server.waitForLog("Rebuilt 1 page in "))

            events.reset()
            try site.write("content/roles/em.md", "---\ntitle: [unclosed\n---\n# EM\n")
            #expect(events.waitFor("event: failed"), "the overlay after breaking the front matter")
            #expect(events.waitFor("content/roles/em.md:3:1: error: invalid YAML"))
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("Leads a team, edited."), "the last good build is still served")
            // A page opened while the build is broken gets the overlay at once.
            let late = EventStream(port: server.port)
            #expect(late.waitFor("event: failed"))

            events.reset()
            try site.write("content/roles/em.md", "# Engineering Manager\n\nFixed.\n")
            #expect(events.waitFor("event: reload"), "the next good build clears it")
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("Fixed."))
        }
    }

    @Test func newAndDeletedPagesAppearAndDisappear() throws {
        try serving { site, server, events in
            try site.write("content/roles/tl.md", "# Tech Lead\n")
            #expect(events.waitFor("event: reload"))
            #expect(RawHTTP.request(server.port, "GET", "/roles/tl/").status == 200)
            events.reset()
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/roles/tl.md"))
            #expect(events.waitFor("event: reload"))
            #expect(RawHTTP.request(server.port, "GET", "/roles/tl/").status == 404)
        }
    }

    /// A save that renames a new file over the page (`sed -i`, safe write)
    /// is seen, and is an edit of that page (FileWatcherTests check that the
    /// watcher names the page instead of asking for a rescan).
    @Test func aRenameOverThePageIsAOnePageRebuild() throws {
        try serving { site, server, events in
            try site.write("content/roles/.em.md.new", "# Engineering Manager\n\nLeads a team, saved safely.\n")
            #expect(rename(site.root.appendingPathComponent("content/roles/.em.md.new").path, site.root.appendingPathComponent("content/roles/em.md").path) == 0)
            #expect(events.waitFor("event: reload"))
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("saved safely"))
            #expect(server.waitForLog("Rebuilt 1 page in "), "not a rebuild of every page")
        }
    }

    /// A settings file that did not exist when the server started is read
    /// once created: CODEOWNERS' maintainers appear on the pages.
    @Test func aCodeOwnersFileCreatedWhileServingIsRead() throws {
        try serving { site, server, events in
            #expect(!RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("@acme/leads"))
            try site.write("CODEOWNERS", "/content/roles/ @acme/leads\n")
            #expect(events.waitFor("event: reload"), "a rebuild once CODEOWNERS exists")
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("maintained by @acme/leads"))
            events.reset()
            try site.write("CODEOWNERS", "/content/roles/ @acme/managers\n")
            #expect(events.waitFor("event: reload"), "and after it is edited")
            #expect(RawHTTP.request(server.port, "GET", "/roles/em/").body.contains("maintained by @acme/managers"))
        }
    }

    @Test func stopsWithinASecondWithAnOpenEventStream() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root)
        let events = EventStream(port: server.port)
        #expect(events.waitFor(": connected"))
        let started = Date()
        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 1.0)
        #expect(server.process.terminationStatus == 0)
    }

    @Test func aTakenPortIsAClearError() throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = try Server(site: site.root)
        defer { first.stop() }
        let second = try CLI.run(["serve", "--site", site.root.path, "--port", String(first.port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("port \(first.port) on 127.0.0.1 is already in use"))
    }

    @Test func aFirstBuildThatFailsStillServesTheOverlay() throws {
        let site = try TestSite(["content/index.md": "---\ntitle: [broken\n---\n"])
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        let page = RawHTTP.request(server.port, "GET", "/")
        #expect(page.status == 404)
        #expect(page.body.contains("new EventSource("), "the stand-in page listens for the fix")
        let events = EventStream(port: server.port)
        #expect(events.waitFor("event: failed"))
        try site.write("content/index.md", "# Fixed\n")
        #expect(events.waitFor("event: reload"))
        #expect(RawHTTP.request(server.port, "GET", "/").body.contains("Fixed"))
    }

    @Test func underABasePath() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root, arguments: ["--base-url", "/handbook/"])
        defer { server.stop() }
        #expect(server.log.contains("http://127.0.0.1:\(server.port)/handbook/"))
        let page = RawHTTP.request(server.port, "GET", "/handbook/roles/em/")
        #expect(page.status == 200)
        #expect(page.body.contains("new EventSource(\"/handbook/__handbook/events\")"))
        #expect(RawHTTP.request(server.port, "GET", "/roles/em/").status == 404)
    }

    /// Everything the server sends on `fd` until it closes the connection,
    /// and whether it did within `timeout` seconds.
    static func readUntilClosed(_ fd: Int32, timeout: Double) -> (text: String, closed: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var wait = timeval(tv_sec: 0, tv_usec: 100_000)  // reads return often enough to keep the deadline
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let n = read(fd, &buffer, buffer.count)
            if n == 0 { return (String(decoding: data, as: UTF8.self), true) }
            if n > 0 { data.append(contentsOf: buffer[0..<n]) }
        }
        return (String(decoding: data, as: UTF8.self), false)
    }

    /// Sockets of this process's server on `port` that the peer has closed
    /// and the server has not (TCP state CLOSE_WAIT, 08 in /proc/net/tcp).
    static func closeWaitSockets(port: Int) -> Int {
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        let local = String(format: ":%04X", port)
        return table.split(separator: "\n").dropFirst().filter { line in
            let fields = line.split(separator: " ")
            return fields.count > 3 && fields[1].hasSuffix(local) && fields[3] == "08"
        }.count
    }

    @Test func http10IsAnsweredAsHTTP10AndClosed() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        let fd = RawHTTP.connect(server.port)
        defer { close(fd) }
        RawHTTP.send(fd, "GET /roles/em/ HTTP/1.0\r\n\r\n")
        let (text, closed) = Self.readUntilClosed(fd, timeout: 3)
        #expect(closed, "an HTTP/1.0 request without keep-alive ends its connection")
        #expect(text.hasPrefix("HTTP/1.0 200 OK\r\n"))
        #expect(text.lowercased().contains("\r\nconnection: close\r\n"))
        #expect(!text.lowercased().contains("transfer-encoding"))
        #expect(text.contains("Leads a team."))

        // With keep-alive asked for, the connection stays for a second request.
        let kept = RawHTTP.connect(server.port)
        defer { close(kept) }
        RawHTTP.send(kept, "GET /roles/em/ HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        let first = Self.readUntilClosed(kept, timeout: 1)
        #expect(!first.closed)
        #expect(first.text.lowercased().contains("\r\nconnection: keep-alive\r\n"))
        RawHTTP.send(kept, "GET /roles/em/ HTTP/1.0\r\n\r\n")
        let second = Self.readUntilClosed(kept, timeout: 3)
        #expect(second.closed)
        #expect(second.text.hasPrefix("HTTP/1.0 200 OK\r\n"))
    }

    @Test func aConnectionThatSendsNothingIsClosedButEventStreamsStay() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root, arguments: ["--idle-timeout", "0.5"])
        defer { server.stop() }
        let events = EventStream(port: server.port)
        #expect(events.waitFor(": connected"))
        // A client trickling the first bytes of its headers, then nothing.
        let slow = RawHTTP.connect(server.port)
        defer { close(slow) }
        RawHTTP.send(slow, "GET / HTTP/1.1\r\nHo")
        let started = Date()
        let (_, closed) = Self.readUntilClosed(slow, timeout: 4)
        #expect(closed)
        #expect(Date().timeIntervalSince(started) < 3)
        // The event stream, open all that time, still carries the next reload.
        events.reset()
        try site.write("content/roles/em.md", "# Engineering Manager\n\nLeads a team well.\n")
        #expect(events.waitFor("event: reload"))
    }

    @Test func aClosedEventStreamReleasesItsSocketAtOnce() throws {
        let site = try Self.site()
        defer { site.remove() }
        let server = try Server(site: site.root)
        defer { server.stop() }
        for _ in 0..<5 {
            let events = EventStream(port: server.port)
            #expect(events.waitFor(": connected"))
        }  // each stream's socket is closed as it goes out of scope
        let deadline = Date().addingTimeInterval(2)
        while Self.closeWaitSockets(port: server.port) > 0 && Date() < deadline { usleep(20_000) }
        #expect(Self.closeWaitSockets(port: server.port) == 0)
    }
}
