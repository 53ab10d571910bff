import Foundation
import HandbookTestSupport
import Testing

/// A build killed at any moment (SIGKILL) leaves the output folder holding a
/// whole site — the previous one, or the new one if the swap had happened —
/// and the next build succeeds and leaves no staging folder behind.
@Suite struct AtomicOutputTests {
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            result[String(url.path.dropFirst(folder.path.count))] = try? Data(contentsOf: url)
        }
        return result
    }

    static func write(site: TestSite, version: String, pages: Int) throws {
        for i in 0..<pages {
            try site.write(
                "content/section-\(i % 20)/page-\(i).md",
                "# Page \(i) \(version)\n\n" + String(repeating: "Text of version \(version), with [a link](page-\(i).md).\n\n", count: 30))
        }
    }

    @Test func killedBuildsNeverLeaveAHalfWrittenSite() throws {
        let site = try TestSite(["content/index.md": "# Home\n"])
        defer { site.remove() }
        let pages = 1500
        try Self.write(site: site, version: "A", pages: pages)
        let output = site.root.appendingPathComponent("public")
        #expect(try CLI.run(["build", "--site", site.root.path, "-q"]).status == 0)
        let old = Self.snapshot(output)
        try Self.write(site: site, version: "B", pages: pages)
        let expected = site.root.appendingPathComponent("expected")
        #expect(try CLI.run(["build", "--site", site.root.path, "--output", expected.path, "-q"]).status == 0)
        let new = Self.snapshot(expected)
        #expect(old != new)

        var generator = SystemRandomNumberGenerator()
        var sawOld = false
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["build", "--site", site.root.path, "-q"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 20_000...600_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Self.snapshot(output)
            #expect(now == old || now == new, "the output folder holds a mix of two builds")
            if now == old { sawOld = true }
            if now == new { break }
        }
        #expect(sawOld, "at least one kill landed before the swap")
        let final = try CLI.run(["build", "--site", site.root.path, "-q"])
        #expect(final.status == 0)
        #expect(Self.snapshot(output) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
