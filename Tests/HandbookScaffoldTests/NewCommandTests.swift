import Foundation
import HandbookTestSupport
import Testing

@Suite struct NewCommandTests {
    @Test func scaffoldsEachKindAndRefusesToOverwrite() throws {
        let site = try TestSite(["content/index.md": "# Home\n"])
        defer { site.remove() }
        for kind in ["page", "role", "process", "ladder"] {
            let result = try CLI.run(["new", kind, "things/\(kind)-one", "--title", "A \(kind)"], in: site.root)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "Created content/things/\(kind)-one.md\n")
            #expect(site.read("content/things/\(kind)-one.md")?.contains("title: \"A \(kind)\"") == true)
        }
        #expect(site.read("content/things/role-one.md")?.contains("kind: role") == true)
        #expect(site.read("content/things/role-one.md")?.contains("# what reports_to, owner and RACI entries use") == true)
        let before = site.read("content/things/role-one.md")
        let again = try CLI.run(["new", "role", "things/role-one.md"], in: site.root)
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists; not overwriting it"))
        #expect(site.read("content/things/role-one.md") == before)
        #expect(try CLI.run(["new", "role", "../escape"], in: site.root).status == 2)
        #expect(try CLI.run(["new", "robot", "x"], in: site.root).status != 0)

        // A new process only needs its owner, and a new role its responsibilities, to check cleanly.
        let check = try CLI.run(["check"], in: site.root)
        #expect(check.stdout.contains("things/process-one.md:5:8: error: a process needs an owner"))
        #expect(check.stdout.contains("things/role-one.md:15:5: warning: an empty responsibility [role.empty-responsibility]"))
        let process = try #require(site.read("content/things/process-one.md"))
        try site.write("content/things/process-one.md", process.replacingOccurrences(of: "owner: \"\"", with: "owner: role-one"))
        let role = try #require(site.read("content/things/role-one.md"))
        try site.write("content/things/role-one.md", role.replacingOccurrences(of: "  - \"\"", with: "  - Ship things"))
        let built = try CLI.run(["build", "--output", "public"], in: site.root)
        #expect(built.status == 0)
        #expect(site.read("public/things/role-one/index.html")?.contains("<li>Ship things</li>") == true)
        let clean = try CLI.run(["check"], in: site.root)
        #expect(clean.status == 0, "\(clean.stdout)")
    }
}
