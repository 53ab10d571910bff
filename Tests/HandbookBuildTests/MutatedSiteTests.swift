import Foundation
import HandbookTestSupport
import Testing

/// The whole binary against damaged sites: the leadership fixture (roles, a
/// process, a ladder, `handbook.yml`) and a template override, each copy
/// with a few random mutations in one file (bytes flipped, cut, repeated, or
/// Markdown, YAML and Mustache punctuation inserted). Every build must exit
/// 0, 1 or 2, by itself, quickly, and never print a trap. The fuzz targets
/// (`make fuzz`) go deeper into each stage; this checks that the stages,
/// the command line and the output folder hold together.
@Suite struct MutatedSiteTests {
    static let builds = 240
    static let workers = 4

    /// Pieces that make the parsers take their rarer paths.
    static let tokens = [
        "---\n", "\n---\n", "[[", "]]", "](", "[x][y]", "{{", "}}", "{{#", "{{/", "{{>page}}", "{{<", "{{^", "|", "|---|\n",
        "\n", "\r", ": ", ": [", "- ", "&a ", "*a [", "# ", "## Same\n", "<div>", "<a href=\"", "](../", "#", "%", "\\",
        "\u{0}", "é", "\u{202E}", "~~", "```\n", "    ", "\t", "id: x\n", "kind: role\n", "kind: ladder\n", "reports_to: ",
        "owner: ", "review_every: 99999d\n", "aliases: [/a]\n", "levels:\n  - id: ", "tracks: [", "!!binary ", "*", "&",
        "1. ", "> [!NOTE]\n", "[^1]", "<!--", "-->", "draft: true\n",
    ]

    static func fixture() throws -> [String: Data] {
        let root = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/leadership")
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.path.dropFirst(root.path.count + 1))
            files[relative] = try Data(contentsOf: url)
        }
        // The built-in page template as a site's override, to be damaged like the rest.
        files["templates/page.mustache"] = try Data(
            contentsOf: TestSite.repositoryRoot.appendingPathComponent("Sources/HandbookRender/Theme/page.mustache"))
        return files
    }

    static func mutate(_ data: Data, using random: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where at < bytes.count:
                bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
            case 1:
                let token = tokens[Int.random(in: 0..<tokens.count, using: &random)]
                bytes.insert(contentsOf: Array(token.utf8), at: at)
            case 2 where at < bytes.count:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 3 where at < bytes.count:
                let piece = Array(bytes[at..<min(bytes.count, at + Int.random(in: 1...200, using: &random))])
                for _ in 0..<Int.random(in: 1...20, using: &random) { bytes.insert(contentsOf: piece, at: at) }
            case 4:
                bytes.removeSubrange(min(at, bytes.count)...)
            default:
                let token = tokens[Int.random(in: 0..<tokens.count, using: &random)]
                bytes.insert(contentsOf: Array(String(repeating: token, count: Int.random(in: 2...300, using: &random)).utf8), at: at)
            }
        }
        return Data(bytes)
    }

    @Test func everyMutatedSiteEndsWithAnExitStatus() throws {
        let fixture = try Self.fixture()
        let names = fixture.keys.sorted()
        // Each build gets its own generator, so a failure names the seed that reproduces it.
        let failures = NSLock()
        nonisolated(unsafe) var problems: [String] = []
        nonisolated(unsafe) var slowest = 0.0
        nonisolated(unsafe) var statuses: [Int32: Int] = [:]
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: Self.workers) { worker in
            for seed in stride(from: worker, to: Self.builds, by: Self.workers) {
                var random = SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9)
                var files = fixture
                let name = names[Int.random(in: 0..<names.count, using: &random)]
                files[name] = Self.mutate(fixture[name] ?? Data(), using: &random)
                let problem: String? = {
                    guard let site = try? TestSite([:]) else { return "seed \(seed): cannot write the site" }
                    defer { site.remove() }
                    for (path, data) in files { try? site.write(path, data) }
                    let begun = Date()
                    guard let result = try? CLI.run(
                        ["build", "--site", site.root.path, "--output", site.root.path + "/public", "--today", "2026-01-01"],
                        timeout: 20)
                    else { return "seed \(seed): cannot run handbook" }
                    let seconds = Date().timeIntervalSince(begun)
                    failures.withLock {
                        slowest = max(slowest, seconds)
                        statuses[result.status, default: 0] += 1
                    }
                    if result.timedOut { return "seed \(seed) (\(name)): still running after 20 s" }
                    if result.signaled { return "seed \(seed) (\(name)): killed by signal \(result.status)\n\(result.stderr.suffix(2000))" }
                    if ![0, 1, 2].contains(result.status) { return "seed \(seed) (\(name)): exit status \(result.status)\n\(result.stderr.suffix(2000))" }
                    if result.stderr.contains("Fatal error") { return "seed \(seed) (\(name)): a trap\n\(result.stderr.suffix(2000))" }
                    if result.status == 1 && !result.stderr.contains(": error: ") && !result.stderr.contains("error:") {
                        return "seed \(seed) (\(name)): failed without saying why\n\(result.stderr.suffix(2000))"
                    }
                    return nil
                }()
                if let problem { failures.withLock { problems.append(problem) } }
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(problems.isEmpty, "\(problems.count) of \(Self.builds) builds went wrong:\n\(problems.prefix(5).joined(separator: "\n\n"))")
        #expect(slowest < 10, "the slowest build took \(slowest) s")
        // The mutations reach both outcomes: sites that still build and sites with errors.
        #expect(statuses[0, default: 0] > Self.builds / 10 && statuses[1, default: 0] > Self.builds / 10, "exit statuses: \(statuses)")
        #expect(elapsed < 300, "\(Self.builds) builds took \(elapsed) s")
    }
}
