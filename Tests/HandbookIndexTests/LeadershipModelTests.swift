import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown
import Testing

@testable import HandbookIndex

@Suite struct LeadershipModelTests {
    func model(_ files: [String: String]) -> (IndexedSite, LeadershipModel, [Diagnostic]) {
        let site = IndexedSite(files)
        let model = LeadershipModel(index: site.index)
        return (site, model, SiteChecks.leadershipChecks(site.index, model).sortedForOutput())
    }

    static func role(_ id: String, track: String = "management", reportsTo: String? = nil, levels: String = "[]") -> String {
        "---\nid: \(id)\nkind: role\ntrack: \(track)\n" + (reportsTo.map { "reports_to: \($0)\n" } ?? "") + "levels: \(levels)\n---\n# \(id)\n"
    }

    @Test func schemaErrorsPointAtTheValue() {
        let page = "---\nkind: role\ntrack: [a, b]\nresponsibilities: {x: 1}\n---\n"
        let (_, diagnostics) = PageParser.parse(
            text: page, file: SourceFile(path: "r.md", absolutePath: "/r.md", displayPath: "r.md"), options: MarkdownOptions(),
            siteTitle: "S")
        #expect(diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.identifier)" } == ["3:8 role.type", "4:19 role.type"])
        let (_, missing) = PageParser.parse(
            text: "---\ntitle: P\nkind: process\n---\n", file: SourceFile(path: "p.md", absolutePath: "/p.md", displayPath: "p.md"),
            options: MarkdownOptions(), siteTitle: "S")
        #expect(missing.map { "\($0.location!.line):\($0.location!.column) \($0.identifier)" } == ["3:7 process.missing-key"])
    }

    @Test func orgChartWithSeveralRootsAndAnUnknownManager() {
        let (site, model, diagnostics) = model([
            "vp.md": Self.role("vp"),
            "em.md": Self.role("em", reportsTo: "vp"),
            "tl.md": Self.role("tl", track: "individual-contributor", reportsTo: "em"),
            "cto.md": Self.role("cto"),
            "lost.md": Self.role("lost", reportsTo: "nobody"),
        ])
        #expect(model.roots.map { site.index.pages[$0].id } == ["cto", "lost", "vp"])
        #expect(model.reportingLine(of: site.index.pageIndex(withID: "tl")!).map { site.index.pages[$0].id } == ["em", "vp"])
        #expect(diagnostics.map(site.describe) == ["5:13 role.unknown-reports-to"])
        #expect(diagnostics[0].location?.file == "content/lost.md")
    }

    @Test func cycleIsAnErrorNamingEveryRole() {
        let (site, _, diagnostics) = model([
            "a.md": Self.role("a", reportsTo: "b"),
            "b.md": Self.role("b", reportsTo: "c"),
            "c.md": Self.role("c", reportsTo: "a"),
            "d.md": Self.role("d", reportsTo: "a"),
        ])
        #expect(diagnostics.map(\.identifier) == ["org.cycle"])
        #expect(diagnostics[0].message == "reporting lines form a cycle: a → b → c → a")
        #expect(diagnostics[0].note == "every role in the cycle: content/a.md, content/b.md, content/c.md")
        _ = site
    }

    @Test func raciNeedsExactlyOneAccountable() {
        let process = { (raci: String) in "---\nkind: process\nowner: em\nraci:\n\(raci)\n---\n" }
        let (site, model, diagnostics) = model([
            "em.md": Self.role("em"),
            "tl.md": Self.role("tl", track: "individual-contributor"),
            "none.md": process("  responsible: [tl]"),
            "two.md": process("  responsible: [tl]\n  accountable: [em, tl]"),
            "ok.md": process("  responsible: [tl]\n  accountable: em\n  informed: [ghost]"),
        ])
        #expect(diagnostics.map(site.describe) == ["4:1 process.raci-accountable", "7:14 process.unknown-role", "6:21 process.raci-accountable"])
        let ok = site.index.pageIndex(atSource: "ok.md")!
        #expect(model.processOwner[ok] == site.index.pageIndex(withID: "em"))
        let tl = site.index.pageIndex(withID: "tl")!
        #expect(model.processesByRole[tl]?.map(\.letters) == ["R", "R", "RA"], "responsible everywhere, accountable in two.md")
    }

    static let ladder = """
        ---
        kind: ladder
        tracks:
          - id: ic
            levels: [E1, E2, E3]
          - id: mgmt
            levels: [M1]
        levels:
          - {id: E1, title: Engineer, track: ic}
          - {id: E2, title: Engineer II, track: ic}
          - {id: E3, title: Senior, track: ic}
          - {id: M1, title: Manager, track: mgmt}
        competencies:
          - id: delivery
            expectations:
              E1: Ships tasks.
              E2: Ships features on time.
              E3: Ships projects on time.
              E9: Nobody.
          - id: people
            expectations:
              E1: Learns.
              E2: Helps.
              E3: Mentors.
        equivalent:
          - [E3, M1]
          - [E2, E7]
        ---
        """

    @Test func ladderChecks() {
        let (site, model, diagnostics) = model([
            "ladder.md": Self.ladder,
            "em.md": Self.role("em", levels: "[M1, X9]"),
        ])
        #expect(
            diagnostics.map(site.describe) == [
                "5:14 role.unknown-level", "14:9 ladder.missing-expectation", "19:7 ladder.unknown-level",
                "20:9 ladder.missing-expectation", "27:10 ladder.unknown-level",
            ])
        #expect(diagnostics.first { $0.identifier == "ladder.missing-expectation" }?.message == "competency 'delivery' says nothing about level 'M1'")
        let ladder = model.ladders[0]
        #expect(ladder.equivalents["E3"] == ["M1"])
        #expect(ladder.previous(of: "E3") == "E2")
        #expect(ladder.previous(of: "E1") == nil)
        let em = site.index.pageIndex(withID: "em")!
        #expect(model.levelsByRole[em]?.map(\.level) == ["M1"])
    }

    /// One cause, one diagnostic: a level defined twice is reported once,
    /// and its page is generated once (not a second, clashing address).
    @Test func levelDefinedTwiceIsOneError() {
        let ladder = Self.ladder.replacingOccurrences(of: "{id: E2, title: Engineer II", with: "{id: E1, title: Engineer II")
        let site = IndexedSite(["ladder.md": ladder])
        #expect(site.diagnostics.map(\.identifier).filter { !$0.hasPrefix("ladder.missing") && $0 != "ladder.unknown-level" } == ["ladder.duplicate-level"])
        #expect(site.model.leadership.ladders[0].levels.filter { $0.id == "E1" }.count == 1)
    }

    @Test func wordDiffMarksWhatIsNew() {
        let segments = WordDiff.diff(from: "Ships features on time.", to: "Ships projects that span teams on time.")
        #expect(segments.map(\.text) == ["Ships", "projects that span teams", "on time."])
        #expect(segments.map(\.isNew) == [false, true, false])
        #expect(WordDiff.diff(from: "", to: "All new").map(\.isNew) == [true])
    }

    @Test func reviewScheduleWithAFixedToday() {
        let site = IndexedSite([
            "old.md": "---\nlast_reviewed: 2026-01-31\nreview_every: 1m\n---\n",
            "fresh.md": "---\nlast_reviewed: 2026-11-01\n---\n",
            "default.md": "---\nlast_reviewed: 2026-05-01\n---\n",
            "undated.md": "# No date\n",
        ])
        let schedule = ReviewSchedule(index: site.index, today: CalendarDate("2026-11-26")!, defaultInterval: ReviewInterval("6m"))
        let old = site.index.pageIndex(atSource: "old.md")!
        #expect(schedule.status[old]?.due.description == "2026-02-28", "a month after 31 January is the end of February")
        #expect(schedule.stalePages.map { site.index.pages[$0].source.path } == ["default.md", "old.md"])
        #expect(schedule.status[site.index.pageIndex(atSource: "undated.md")!] == nil)
        let warnings = ReviewCheck.check(site.model)
        #expect(warnings.map { "\($0.location!.file):\($0.location!.line):\($0.location!.column)" } == ["content/default.md:2:16", "content/old.md:2:16"])
        #expect(warnings[1].message == "last reviewed 2026-01-31, due for review since 2026-02-28")
    }
}
