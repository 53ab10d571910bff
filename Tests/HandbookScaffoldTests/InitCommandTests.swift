import Foundation
import HandbookTestSupport
import Testing

@Suite struct InitCommandTests {
    @Test func initThenBuildThenCheck() throws {
        let parent = try TestSite([:])
        defer { parent.remove() }
        try FileManager.default.createDirectory(at: parent.root, withIntermediateDirectories: true)
        let created = try CLI.run(["init", "my-handbook"], in: parent.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created content/roles/engineering-manager.md"))
        #expect(created.stdout.hasSuffix("  cd my-handbook\n  handbook serve    # preview on http://127.0.0.1:8000/, reloading as you edit\n  handbook check    # what CI runs on every pull request\n"))
        let site = parent.root.appendingPathComponent("my-handbook")
        for file in ["handbook.yml", ".gitignore", ".github/workflows/handbook.yml", "content/index.md", "content/career/ladder.md"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates").path), "the built-in theme is used")
        let check = try CLI.run(["check"], in: site)
        #expect(check.status == 0, "\(check.stdout)")
        let build = try CLI.run(["build", "--strict"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        for page in ["index.html", "org-chart/index.html", "career/ladder/levels/m1/index.html", "reports/processes/index.html"] {
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/" + page).path), "\(page)")
        }
        // Not over an existing handbook, unless forced; even then nothing is overwritten.
        let again = try CLI.run(["init", "my-handbook"], in: parent.root)
        #expect(again.status == 2)
        #expect(again.stderr.contains("is not empty"))
        let forced = try CLI.run(["init", "--force", "my-handbook"], in: parent.root)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("kept    handbook.yml (it exists)"))
    }

    @Test func documentedWorkflowIsTheOneInitWrites() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        #expect(try CLI.run(["init"], in: site.root).status == 0)
        let workflow = try #require(site.read(".github/workflows/handbook.yml"))
        let docs = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        #expect(docs.contains("```yaml\n" + workflow + "```"))
        #expect(workflow.contains("handbook check --format github"))
        #expect(workflow.contains("handbook build --strict"))
    }
}
