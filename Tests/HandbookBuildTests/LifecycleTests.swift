import Foundation
import HandbookTestSupport
import Testing

/// `status:`, `superseded_by:` and `effective:` on processes and other
/// pages: banners, the report by status, and the links they check.
@Suite struct LifecycleTests {
    static let files = [
        "content/index.md": "# Home\n\nSee [onboarding](guides/onboarding.md).\n",
        "content/roles/em.md": "---\nkind: role\ntitle: Engineering Manager\ntrack: management\n---\n# Engineering Manager\n",
        "content/process/release-train.md": """
            ---
            kind: process
            title: The release train
            owner: em
            status: accepted
            effective: 2026-03-02
            ---
            # The release train

            Every second Tuesday.
            """,
        "content/process/release-train-v1.md": """
            ---
            title: Monthly releases
            status: superseded
            superseded_by: release-train.md
            effective: 2026-03-02
            ---
            # Monthly releases
            """,
        "content/process/weekly-demo.md": "---\nstatus: retired\neffective: 2025-12-01\n---\n# Weekly demo\n",
        "content/process/rfc-pairing.md": "---\nstatus: proposed\neffective: 2027-01-04\n---\n# Pairing on reviews\n\nInstead of the [demo](weekly-demo.md).\n",
        "content/process/next-train.md": "---\nstatus: accepted\neffective: 2027-02-01\n---\n# Next train\n",
        "content/guides/onboarding.md": """
            # Onboarding

            Read [how we release](../process/release-train-v1.md) and come to the
            [weekly demo](../process/weekly-demo.md); the [train](../process/release-train.md) is fine.
            """,
    ]

    @Test func bannersReportAndLinks() throws {
        let site = try TestSite(Self.files)
        defer { site.remove() }
        let result = try CLI.run([
            "build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path, "--today", "2026-11-27",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let errors = result.stderr
        #expect(
            errors.contains(
                "content/guides/onboarding.md:3:6: warning: link to 'Monthly releases', which is superseded [link.superseded]\n    note: link to 'The release train' (process/release-train.md) instead"
            ), "\(errors)")
        #expect(errors.contains("content/guides/onboarding.md:4:1: warning: link to 'Weekly demo', which is retired [link.retired]"), "\(errors)")
        #expect(errors.components(separatedBy: "[link.retired]").count == 2, "a proposal may point at a retired page")
        #expect(!errors.contains("release-train.md' ("), "a link to the page in use is fine")

        let old = site.read("public/process/release-train-v1/index.html") ?? ""
        #expect(
            old.contains(
                "<p class=\"status-banner status-superseded\" role=\"note\"><strong>Superseded.</strong> Replaced since 2 Mar 2026 by <a href=\"/process/release-train/\">The release train</a>.</p>"
            ), "\(old)")
        let train = site.read("public/process/release-train/index.html") ?? ""
        #expect(!train.contains("status-banner"), "a page in use has no banner")
        #expect(
            train.contains(
                "In effect since <time datetime=\"2026-03-02\">2 Mar 2026</time> · Replaces <a href=\"/process/release-train-v1/\">Monthly releases</a>"))
        #expect(
            site.read("public/process/rfc-pairing/index.html")?.contains(
                "<strong>Proposed.</strong> Under discussion: this is not how we work yet (proposed to take effect on 4 Jan 2027).") == true)
        #expect(site.read("public/process/weekly-demo/index.html")?.contains("<strong>Retired.</strong> No longer how we work since 1 Dec 2025.") == true)
        #expect(site.read("public/process/next-train/index.html")?.contains("<strong>Accepted.</strong> Takes effect on 1 Feb 2027.") == true)

        let report = site.read("public/reports/processes/index.html") ?? ""
        #expect(report.contains("<h1>Processes by status</h1>"))
        let groups = ["Proposed", "In use", "Superseded", "Retired"].map { report.range(of: "<h2>\($0)</h2>")?.lowerBound }
        #expect(groups.allSatisfy { $0 != nil } && groups == groups.sorted { ($0 ?? report.endIndex) < ($1 ?? report.endIndex) }, "\(report)")
        #expect(
            report.contains(
                "<a href=\"/process/release-train/\">The release train</a> <span class=\"detail\">— owned by the Engineering Manager role · effective 2 Mar 2026</span>"))
        #expect(report.contains("<span class=\"detail\">— effective 2 Mar 2026 · replaced by The release train</span>"))
    }

    @Test func lifecycleMistakesArePositioned() throws {
        var files = Self.files
        files["content/decisions/a.md"] = "---\ntitle: A\nsuperseded_by: b.md\n---\n# A\n"
        files["content/decisions/b.md"] = "---\ntitle: B\nstatus: superseded\nsuperseded_by: A\n---\n# B\n"
        files["content/decisions/c.md"] = "---\ntitle: C\nstatus: obsolete\n---\n# C\n"
        files["content/decisions/d.md"] = "---\ntitle: D\nstatus: superseded\nsuperseded_by: ../process/gone.md\n---\n# D\n"
        files["content/decisions/e.md"] = "---\ntitle: E\nstatus: superseded\n---\n# E\n"
        files["content/policies/f.md"] = "---\ntitle: F\nversion: 2\nprevious: g.md\n---\n# F\n"
        files["content/policies/g.md"] = "---\ntitle: G\nversion: 1\nprevious: f\n---\n# G\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let result = try CLI.run(["check", "--site", site.root.path])
        #expect(result.status == 1)
        let out = result.stdout + result.stderr
        #expect(
            out.contains("content/decisions/a.md:3:16: error: superseded_by goes round: content/decisions/a.md → content/decisions/b.md → content/decisions/a.md [status.cycle]"),
            "\(out)")
        #expect(out.components(separatedBy: "[status.cycle]").count == 3, "one error per cycle: this one and the versions below")
        #expect(out.contains("content/decisions/c.md:3:9: error: unknown status 'obsolete'; expected one of draft, proposed, accepted, superseded, retired [status.unknown]"))
        #expect(out.contains("content/decisions/d.md:4:16: error: superseded_by '../process/gone.md' is not a page of the site [link.broken]"))
        #expect(out.contains("content/decisions/e.md:3:9: warning: 'E' is superseded, but by what? [status.no-successor]"))
        #expect(
            out.contains("content/policies/f.md:4:11: error: previous goes round: content/policies/f.md → content/policies/g.md → content/policies/f.md [status.cycle]"),
            "\(out)")
    }

    static func ladder(version: Int, previous: String?, e2Delivery: String, e2Title: String, extraLevel: Bool) -> String {
        """
        ---
        title: Engineering ladder
        kind: ladder
        version: \(version)
        effective: 2026-01-05
        \(previous.map { "previous: \($0)\nstatus: accepted" } ?? "status: superseded\nsuperseded_by: ladder.md")
        tracks:
          - id: ic
            title: Individual contributor
            levels: [E1, E2\(extraLevel ? ", E3" : "")]
        levels:
          - id: E1
            title: Engineer
          - id: E2
            title: \(e2Title)
        \(extraLevel ? "  - id: E3\n    title: Senior Engineer\n" : "")competencies:
          - id: delivery
            title: Delivery
            expectations:
              E1: Ships small changes with help.
              E2: \(e2Delivery)
        \(extraLevel ? "      E3: Leads the delivery of a whole area.\n" : "")  - id: craft
            title: Craft
            expectations:
              E1: Writes tested code.
              E2: Writes tested code and reviews others.
        \(extraLevel ? "      E3: Sets the team's standards.\n" : "")---
        # Engineering ladder
        """
    }

    /// A ladder with `previous:` gets a page of what changed since that
    /// version, per level and competency, word by word.
    @Test func versionedLadderShowsWhatChanged() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n",
            "content/career/ladder-v2.md": Self.ladder(
                version: 2, previous: nil, e2Delivery: "Ships features on their own, on time.", e2Title: "Engineer II", extraLevel: false),
            "content/career/ladder.md": Self.ladder(
                version: 3, previous: "ladder-v2.md", e2Delivery: "Ships whole features on their own, predictably.", e2Title: "Software Engineer",
                extraLevel: true),
        ])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = site.read("public/career/ladder/changes/index.html") ?? ""
        #expect(page.contains("<h1>Engineering ladder: what changed since version 2</h1>"), "\(page)")
        #expect(page.contains("Version 3 (effective 5 Jan 2026) against version 2: 1 expectation changed on 1 level, 1 level added."))
        #expect(page.contains("<h2 id=\"level-E2\"><a href=\"/career/ladder/levels/e2/\">Software Engineer</a>"))
        #expect(page.contains("Formerly Engineer II."))
        #expect(
            page.contains(
                "<p class=\"expectation\">Ships <ins>whole</ins> features on their own, <del>on time.</del> <ins>predictably.</ins> </p>"),
            "\(page)")
        #expect(!page.contains("<h3>Craft</h3>"), "unchanged expectations are left out")
        #expect(page.contains("<a href=\"/career/ladder/levels/e3/\">Senior Engineer</a>"), "the added level")
        #expect(
            site.read("public/career/ladder/index.html")?.contains(
                "Version 3 · previous: <a href=\"/career/ladder-v2/\">Engineering ladder</a> · <a href=\"/career/ladder/changes/\">what changed</a>")
                == true)
        #expect(site.read("public/career/ladder-v2/index.html")?.contains("newer: <a href=\"/career/ladder/\">Engineering ladder</a>") == true)
        #expect(site.read("public/career/ladder-v2/changes/index.html") == nil, "the oldest version has nothing to compare with")
    }
}

