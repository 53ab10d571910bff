import Foundation
import HandbookTestSupport
import Testing

/// The pages derived from roles, processes and a ladder, on the small
/// handbook in `Tests/Fixtures/leadership` (so that editing the bundled
/// handbook never breaks these tests).
@Suite struct LeadershipPagesTests {
    static let fixture = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/leadership")

    func build(today: String) throws -> (URL, CLI.Result) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("leadership-\(UUID().uuidString)")
        return (out, try CLI.run(["build", "--site", Self.fixture.path, "--output", out.path, "--today", today]))
    }

    @Test func checksClean() throws {
        let result = try CLI.run(["check", "--site", Self.fixture.path, "--today", "2026-11-26"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "0 errors, 0 warnings in 8 pages\n")
    }

    /// A role or ladder page whose YAML cannot be read is one error: the roles,
    /// processes and pages that name it are not reported as naming unknown
    /// roles or levels (the YAML error is the one cause).
    @Test func unreadableFrontMatterIsOneErrorNotACascade() throws {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: Self.fixture, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md" || url.pathExtension == "yml" else { continue }
            files[String(url.path.dropFirst(Self.fixture.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        for broken in ["content/roles/director.md", "content/career/ladder.md"] {
            var damaged = files
            damaged[broken] = damaged[broken]?.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: [unclosed ")
            let site = try TestSite(damaged)
            defer { site.remove() }
            let result = try CLI.run(["check", "--site", site.root.path, "--today", "2026-11-26"])
            #expect(result.status == 1)
            let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors.count == 1, "\(broken): \(errors)")
            #expect(errors.first?.contains("\(broken):") == true && errors.first?.contains("[yaml.syntax]") == true, "\(errors)")
            #expect(!result.stdout.contains("unknown"), "\(result.stdout)")
        }
    }

    @Test func derivedPages() throws {
        let (out, result) = try build(today: "2026-11-26")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 0, "\(result.stderr)")
        func page(_ path: String) throws -> String { try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8) }
        // The org chart nests roles under their managers.
        let org = try page("org-chart/index.html")
        let vp = try #require(org.range(of: "VP of Engineering</a>"))
        let director = try #require(org.range(of: "Director of Engineering</a>"))
        let em = try #require(org.range(of: "Engineering Manager</a>"))
        #expect(vp.lowerBound < director.lowerBound && director.lowerBound < em.lowerBound)
        // A matrix per track, with a row per competency.
        let matrix = try page("career/ladder/tracks/individual-contributor/index.html")
        #expect(matrix.contains(#"<a href="/career/ladder/levels/e4/">Staff Engineer</a>"#))
        #expect(matrix.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 2, "two competencies")
        // A level page compares with the level below and names its equivalent.
        let staff = try page("career/ladder/levels/e4/index.html")
        #expect(staff.contains("what changes from Senior Engineer"))
        #expect(staff.contains("<ins>"))
        #expect(staff.contains(#"<a href="/career/ladder/levels/m1/">Engineering Manager</a>"#))
        #expect(staff.contains(#"<a href="/roles/staff/">Staff Engineer</a>"#), "roles at this level")
        // Role ↔ level ↔ process.
        let emPage = try page("roles/em/index.html")
        // Readers see track titles, not ids.
        #expect(emPage.contains("<dt>Track</dt><dd>Management</dd>"), "the track's title")
        #expect(!org.contains(">management<") && !org.contains(">individual-contributor<"), "no track ids in the org chart")
        #expect(emPage.contains(#"<a href="/career/ladder/levels/m1/">Engineering Manager</a>"#))
        #expect(emPage.contains(#"<a href="/process/estimation/">Estimation</a> <span class="detail">— owner, accountable</span>"#))
        #expect(emPage.contains(#"<a href="/roles/director/">Director of Engineering</a>"#), "reports to")
        let estimation = try page("process/estimation/index.html")
        #expect(estimation.contains(#"<abbr title="Accountable">A</abbr> Accountable</th><td><a href="/roles/em/">Engineering Manager</a>"#))
        // Side by side: equivalent levels share a row.
        #expect(try page("career/ladder/side-by-side/index.html").contains("E4 ≈ M1"))
        // Review reports and the feed for a reminder bot.
        #expect(try page("reports/stale/index.html").contains("Every page with a review date is up to date."))
        let feed = try page("reports/ownership.json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(feed.utf8)) as? [[String: Any]])
        #expect(entries.count == 8)
        #expect(entries.allSatisfy { $0["owner"] is String && $0["last_reviewed"] is String }, "every page has an owner and a review date")
        #expect(try page("reports/processes/index.html").contains("Processes by owner"))
    }

    @Test func staleReportAndWarningsWithALaterToday() throws {
        let (out, result) = try build(today: "2027-12-01")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(result.status == 0)
        let stale = try String(contentsOf: out.appendingPathComponent("reports/stale/index.html"), encoding: .utf8)
        #expect(stale.contains(#"<h2><a href="/roles/director/">Director of Engineering</a></h2>"#), "grouped by owner")
        let em = try String(contentsOf: out.appendingPathComponent("roles/em/index.html"), encoding: .utf8)
        #expect(em.contains(#"<p class="review-badge" role="note">Last reviewed 2026-10-12, due 2027-04-12"#))
        let check = try CLI.run(["check", "--site", Self.fixture.path, "--stale", "--today", "2027-12-01"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("content/roles/em.md:"))
        #expect(check.stdout.contains("warning: last reviewed 2026-10-12, due for review since 2027-04-12 [review.overdue]"))
        let badDate = try CLI.run(["check", "--site", Self.fixture.path, "--today", "tomorrow"])
        #expect(badDate.status == 2, "a usage error exits with 2, as the README says")
    }
}
