import Foundation
import HandbookScaffold
import Testing
import Yams

/// The CI workflows Handbook writes (`init`) and runs (its release): valid
/// YAML with the jobs and steps documented in docs/ci.md, and every `make`
/// target they call is one the Makefile has.
@Suite struct WorkflowTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var makeTargets: Set<String> {
        let makefile = (try? String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)) ?? ""
        return Set(makefile.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("\t"), !line.hasPrefix("#"), !line.hasPrefix("."),
                line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            else { return nil }
            return String(line[..<colon])
        })
    }

    /// Every `make [-C dir] target` in the workflow's `run` scripts.
    static func makeCalls(in workflow: [String: Any]) -> [String] {
        let jobs = workflow["jobs"] as? [String: Any] ?? [:]
        var calls: [String] = []
        for case let job as [String: Any] in jobs.values {
            for case let step as [String: Any] in job["steps"] as? [Any] ?? [] {
                guard let script = step["run"] as? String else { continue }
                // Each command of the script (a quoted `bash -c "…"` included), by its first words.
                let commands = script.replacingOccurrences(of: "&&", with: "\n").split(whereSeparator: { ";\n|\"".contains($0) })
                for command in commands {
                    var words = command.split(separator: " ").map(String.init).filter { !$0.contains("=") || $0.hasPrefix("-") }
                    guard words.first == "make" else { continue }
                    words.removeFirst()
                    if words.first == "-C" { words.removeFirst(min(2, words.count)) }
                    if let target = words.first(where: { !$0.hasPrefix("-") }) { calls.append(target) }
                }
            }
        }
        return calls
    }

    static func steps(_ workflow: [String: Any], job: String) -> [[String: Any]] {
        ((workflow["jobs"] as? [String: Any])?[job] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
    }

    @Test func initWorkflowGetsHandbookFromTheCacheOrARelease() throws {
        let workflow = try #require(try Yams.load(yaml: Starter.githubWorkflow) as? [String: Any])
        for job in ["check", "publish"] {
            let steps = Self.steps(workflow, job: job)
            #expect(steps.contains { ($0["uses"] as? String) == "actions/cache@v4" }, "\(job) restores the binary")
            #expect(steps.contains { ($0["name"] as? String)?.hasPrefix("Download Handbook") == true })
            #expect(steps.contains { ($0["run"] as? String)?.contains("make dist") == true }, "\(job) builds once on a cache miss")
            let job = (workflow["jobs"] as? [String: Any])?[job] as? [String: Any]
            #expect(job?["container"] == nil, "no Swift image to pull on a cache hit")
        }
        let calls = Self.makeCalls(in: workflow)
        #expect(!calls.isEmpty)
        #expect(Set(calls).isSubset(of: Self.makeTargets), "\(calls)")
    }

    @Test func releaseWorkflowBuildsTestsAndAttachesTheArchive() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(".github/workflows/release.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let on = workflow["on"] as? [String: Any]
        #expect(((on?["push"] as? [String: Any])?["tags"] as? [String]) == ["v*"])
        let steps = Self.steps(workflow, job: "archive")
        #expect(steps.contains { ($0["run"] as? String)?.contains("pytest -q Tests/Dist") == true })
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("softprops/action-gh-release") == true })
        #expect(Self.makeCalls(in: workflow) == ["dist"])
        #expect(Self.makeTargets.isSuperset(of: ["dist", "install", "install-binary", "uninstall", "test", "build"]))
    }
}
