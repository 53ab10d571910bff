import Foundation
import Testing

/// The handbook in this repository's `content/` builds cleanly and has every
/// derived page of the leadership model.
@Suite struct BundledHandbookTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func checksCleanUnderStrict() throws {
        let result = try CLI.run(["check", "--site", Self.root.path, "--today", "2026-11-26"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("0 errors, 0 warnings in "))
    }

    @Test func derivedLeadershipPages() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bundled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run(["build", "--site", Self.root.path, "--output", out.path, "--today", "2026-11-26"])
        #expect(result.status == 0, "\(result.stderr)")
        func page(_ path: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }
        // The org chart nests roles under their managers.
        let org = try page("org-chart/index.html")
        let vp = try #require(org.range(of: "VP of Engineering</a>"))
        let director = try #require(org.range(of: "Director of Engineering</a>"))
        let em = try #require(org.range(of: "Engineering Manager</a>"))
        #expect(vp.lowerBound < director.lowerBound && director.lowerBound < em.lowerBound)
        // A matrix per track, with a cell per competency and level.
        let matrix = try page("career/ladder/tracks/individual-contributor/index.html")
        #expect(matrix.contains(#"<a href="/career/ladder/levels/e4/">Staff Engineer</a>"#))
        #expect(matrix.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 5, "five competencies")
        // A level page compares with the level below and names its equivalent.
        let staff = try page("career/ladder/levels/e4/index.html")
        #expect(staff.contains("what changes from Senior Engineer"))
        #expect(staff.contains("<ins>"))
        #expect(staff.contains(#"<a href="/career/ladder/levels/m1/">Engineering Manager</a>"#))
        #expect(staff.contains(#"<a href="/roles/staff-engineer/">Staff Engineer</a>"#), "roles at this level")
        // Role ↔ level ↔ process.
        let emPage = try page("roles/engineering-manager/index.html")
        #expect(emPage.contains(#"<a href="/career/ladder/levels/m1/">Engineering Manager</a>"#))
        #expect(emPage.contains(#"<a href="/process/estimation/">Estimation</a> <span class="detail">— owner, accountable</span>"#))
        #expect(emPage.contains(#"<a href="/roles/director-of-engineering/">Director of Engineering</a>"#), "reports to")
        let estimation = try page("process/estimation/index.html")
        #expect(estimation.contains(#"<abbr title="Accountable">A</abbr> Accountable</th><td><a href="/roles/engineering-manager/">Engineering Manager</a>"#))
        // Side by side: equivalent levels share a row.
        let tracks = try page("career/ladder/side-by-side/index.html")
        #expect(tracks.contains("E4 ≈ M1"))
        // Review reports and the feed for a reminder bot.
        let stale = try page("reports/stale/index.html")
        #expect(stale.contains("Every page with a review date is up to date."))
        let feed = try page("reports/ownership.json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(feed.utf8)) as? [[String: Any]])
        #expect(entries.allSatisfy { $0["owner"] is String && $0["last_reviewed"] is String }, "every page has an owner and a review date")
        #expect(try page("reports/processes/index.html").contains("Processes by owner"))
    }

    @Test func staleReportAndWarningsWithALaterToday() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("bundled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CLI.run(["build", "--site", Self.root.path, "--output", out.path, "--today", "2027-12-01"]).status == 0)
        let stale = try String(contentsOf: out.appendingPathComponent("reports/stale/index.html"), encoding: .utf8)
        #expect(stale.contains(#"<h2><a href="/roles/vp-engineering/">VP of Engineering</a></h2>"#), "grouped by owner")
        let em = try String(contentsOf: out.appendingPathComponent("roles/engineering-manager/index.html"), encoding: .utf8)
        #expect(em.contains(#"<p class="review-badge" role="note">Last reviewed 2026-10-12, due 2027-04-12"#))
        let check = try CLI.run(["check", "--site", Self.root.path, "--stale", "--today", "2027-12-01"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("content/roles/engineering-manager.md:"))
        #expect(check.stdout.contains("warning: last reviewed 2026-10-12, due for review since 2027-04-12 [review.overdue]"))
        let badDate = try CLI.run(["check", "--site", Self.root.path, "--today", "tomorrow"])
        #expect(badDate.status == 64 || badDate.status == 2)
    }
}
