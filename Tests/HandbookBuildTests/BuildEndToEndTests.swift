import Foundation
import HandbookTestSupport
import Testing

/// Builds real sites with the real `handbook` binary and checks the files,
/// links, exit codes and diagnostics a user would see.
@Suite struct BuildEndToEndTests {
    static let handbook: [String: String] = [
        "handbook.yml": "title: Acme Engineering\n",
        "content/index.md": """
            # Acme engineering handbook

            Start with the [roles](roles/) or the [engineering manager](roles/engineering-manager.md#hiring).
            Our [release train](/process/release-train/) runs weekly. ![Org](images/org.svg)

            <script>alert("x")</script>
            """,
        "content/roles/_index.md": "---\ntitle: Roles\nweight: 1\n---\nWhat each role is for.\n",
        "content/roles/engineering-manager.md": """
            ---
            title: Engineering Manager
            summary: Leads a team of engineers.
            weight: 1
            ---
            Not a part-time engineer.

            ## Hiring

            Works with the [tech lead](tech-lead.md) and reads the [ladder](../career/ladder.md#senior-engineer).
            Back to [the start](../index.md).
            """,
        "content/roles/tech-lead.md": "# Tech Lead\n\nPairs with the [EM](./engineering-manager.md).\n",
        "content/process/release-train.md": "# Release train\n\n## Cadence {#when}\n\nEvery Tuesday.\n",
        "content/career/ladder.md": "# Career ladder\n\n## Senior engineer\n\nText.\n",
        "content/images/org.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/.hidden/secret.md": "# Never published\n",
        "content/node_modules/pkg/readme.md": "# Never published\n",
    ]

    @Test func buildsOnePagePerMarkdownFileWithPrettyURLs() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Built 8 pages in "), "6 Markdown pages and 2 generated section pages")
        #expect(result.stdout.contains("→ "))
        #expect(result.stderr.isEmpty)
        #expect(
            site.files(under: "public") == [
                ".handbook", "404.html", "_handbook/favicon.svg", "_handbook/handbook.css", "_handbook/menu.js",
                "_handbook/search.js", "_handbook/search/d0.json", "_handbook/search/meta.json", "_handbook/search/t_.json",
                "career/index.html",
                "career/ladder/index.html", "images/org.svg", "index.html", "process/index.html",
                "process/release-train/index.html", "robots.txt", "roles/engineering-manager/index.html", "roles/index.html",
                "roles/tech-lead/index.html",
            ])
    }

    @Test func linksAreRewrittenToTheBuiltURLs() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        _ = try CLI.run(["build", "--site", site.root.path])
        let home = try #require(site.read("public/index.html"))
        #expect(home.contains(#"<a href="/roles/">roles</a>"#))
        #expect(home.contains(#"<a href="/roles/engineering-manager/#hiring">engineering manager</a>"#))
        #expect(home.contains(#"<a href="/process/release-train/">release train</a>"#))
        #expect(home.contains(#"<img src="/images/org.svg" alt="Org" />"#))
        #expect(home.contains("&lt;script>alert"))
        let em = try #require(site.read("public/roles/engineering-manager/index.html"))
        #expect(em.contains(#"<a href="/roles/tech-lead/">tech lead</a>"#))
        #expect(em.contains(#"<a href="/career/ladder/#senior-engineer">ladder</a>"#))
        #expect(em.contains(#"<a href="/">the start</a>"#))
        #expect(em.contains(#"<h2 id="hiring">Hiring</h2>"#))
        let process = try #require(site.read("public/process/release-train/index.html"))
        #expect(process.contains(#"<h2 id="when">Cadence</h2>"#))
    }

    @Test func pagesHaveTitlesNavigationAndBreadcrumbs() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        _ = try CLI.run(["build", "--site", site.root.path])
        let em = try #require(site.read("public/roles/engineering-manager/index.html"))
        #expect(em.contains("<title>Engineering Manager · Acme Engineering</title>"))
        #expect(em.contains("<h1>Engineering Manager</h1>"))
        #expect(em.contains(#"<p class="summary">Leads a team of engineers.</p>"#))
        #expect(em.contains(#"<a href="/roles/engineering-manager/" aria-current="page">Engineering Manager</a>"#))
        #expect(em.contains(#"<li><a href="/roles/">Roles</a></li>"#), "breadcrumb to the section")
        // A page that opens with its own `# heading` does not get a second title.
        let tl = try #require(site.read("public/roles/tech-lead/index.html"))
        #expect(tl.components(separatedBy: "<h1").count == 2)
        // Roles (weight 1) comes before the other sections in the sidebar.
        let nav = try #require(tl.range(of: "Roles</a>")?.lowerBound)
        let career = try #require(tl.range(of: "Career</a>")?.lowerBound)
        #expect(nav < career)
        // A folder without an index page gets a generated section page.
        let careerIndex = try #require(site.read("public/career/index.html"))
        #expect(careerIndex.contains(#"<a href="/career/ladder/">Career ladder</a>"#))
        #expect(site.read("public/404.html")?.contains("Page not found") == true)
    }

    @Test func sidebarOpensTheFoldersOnTheWayToThePage() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n",
            "content/guides/intro.md": "# Intro\n",
            "content/guides/hiring/interviews.md": "# Interviews\n",
            "content/guides/hiring/loops/onsite.md": "# Onsite\n",
            "content/guides/hiring/offers.md": "# Offers\n",
            "content/teams/platform.md": "# Platform\n",
        ])
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        let onsite = try #require(site.read("public/guides/hiring/loops/onsite/index.html"))
        #expect(onsite.contains(#"<a href="/guides/hiring/loops/onsite/" aria-current="page">Onsite</a>"#))
        #expect(onsite.contains(#"<a href="/guides/hiring/offers/">Offers</a>"#), "siblings of an open folder are shown")
        #expect(onsite.contains(#"<a href="/guides/intro/">Intro</a>"#))
        #expect(onsite.contains(#"<a href="/teams/">Teams</a>"#), "other sections are listed")
        #expect(!onsite.contains("/teams/platform/"), "but closed")
        #expect(!onsite.contains("hb-nav"), "no marker is left in the page")
        let platform = try #require(site.read("public/teams/platform/index.html"))
        #expect(!platform.contains("/guides/hiring/offers/"))
        #expect(platform.contains(#"aria-current="page">Platform</a>"#))
    }

    @Test func noRequestToAnyOtherHost() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        _ = try CLI.run(["build", "--site", site.root.path])
        for file in site.files(under: "public") where file.hasSuffix(".html") || file.hasSuffix(".css") {
            let text = try #require(site.read("public/" + file))
            #expect(!text.contains("http://") && !text.contains("https://"), "\(file) names another host")
        }
    }

    @Test func brokenFrontMatterFailsAndKeepsThePreviousOutput() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        let before = site.read("public/index.html")
        try site.write("content/roles/broken.md", "---\ntitle: Broken\nweight: [1,\n---\nBody\n")
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("content/roles/broken.md:4:1: error: invalid YAML"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(site.read("public/index.html") == before)
        #expect(!site.exists("public/roles/broken/index.html"))
    }

    @Test func brokenLinkIsAWarningUnlessStrict() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        try site.write("content/roles/tech-lead.md", "# Tech Lead\n\nSee the [staff engineer](staff-engineer.md).\n")
        let lenient = try CLI.run(["build", "--site", site.root.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/roles/tech-lead.md:3:9: warning: link target 'staff-engineer.md' does not exist [link.broken]"))
        #expect(lenient.stdout.contains("(1 warning)"))
        try site.write("content/index.md", "# Changed\n")
        let strict = try CLI.run(["build", "--strict", "--site", site.root.path])
        #expect(strict.status == 1)
        #expect(site.read("public/index.html")?.contains("Changed") == false)
    }

    /// An imported handbook's thousands of warnings: one screen in text (the
    /// first 50, errors first, then a table of every identifier), everything
    /// in JSON, and GitHub's job summary gets them all.
    @Test func manyDiagnosticsPrintOneScreenAndATable() throws {
        var files = ["content/index.md": "# Home\n\n[Bad role](roles/x.md)\n"]
        files["content/roles/x.md"] = "---\nkind: role\ntrack: management\nreports_to: nobody\n---\n# X\n"
        for n in 0..<60 { files["content/p\(n).md"] = "# P\(n)\n\nSee [gone](gone-\(n).md) and [home](index.md#nowhere).\n" }
        let site = try TestSite(files)
        defer { site.remove() }
        let text = try CLI.run(["check", "--site", site.root.path])
        #expect(text.status == 1)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("content/roles/x.md:4:13: error: reports_to names an unknown role 'nobody'"), "errors come first")
        #expect(text.stdout.components(separatedBy: ": warning: ").count - 1 == 49)
        #expect(text.stdout.contains("\nBy identifier (121 in all), with one example each:\n"))
        #expect(text.stdout.contains("\n  60  link.broken              content/p0.md:3:5: link target 'gone-0.md' does not exist\n"))
        #expect(text.stdout.contains("\n  60  link.broken-anchor       content/p0.md:3:27: 'index.md' has no anchor '#nowhere'\n"))
        #expect(text.stdout.contains("\n   1  role.unknown-reports-to  content/roles/x.md:4:13: "))
        #expect(text.stdout.contains("and 71 more: `--format json` or `--max-diagnostics 0` lists them all\n1 error, 120 warnings in 62 pages\n"))
        let all = try CLI.run(["check", "--site", site.root.path, "--max-diagnostics", "0"])
        #expect(all.stdout.components(separatedBy: ": warning: ").count - 1 == 120)
        #expect(!all.stdout.contains("By identifier"))
        let json = try CLI.run(["check", "--site", site.root.path, "--format", "json"])
        #expect(json.stdout.components(separatedBy: #""severity":"#).count - 1 == 121)
        // The build prints the same screen on standard error.
        let build = try CLI.run(["build", "--site", site.root.path])
        #expect(build.stderr.contains("and 71 more"))
        // GitHub: every annotation, and the job summary lists them all.
        try site.write("summary.md", "")
        let github = try CLI.run(
            ["check", "--site", site.root.path, "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": site.root.path + "/summary.md"])
        #expect(github.stdout.components(separatedBy: "::warning ").count - 1 == 120)
        let summary = try String(contentsOf: site.root.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix("## Handbook: 1 error, 120 warnings\n"))
        #expect(summary.contains("| `link.broken` | 60 |\n"))
        #expect(summary.components(separatedBy: "| warning |").count - 1 == 120)
        #expect(try CLI.run(["check", "--site", site.root.path, "--max-diagnostics", "-1"]).status == 2)
    }

    /// On a terminal a slow run shows a progress line (here after 0 s instead
    /// of 2), cleared before the summary; never through a pipe or in CI.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressLineOnlyOnATerminal() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        func onTerminal(_ environment: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            // CI machines set CI themselves: the terminal case starts without it.
            let command = "env -u CI TERM=xterm \(environment) HANDBOOK_PROGRESS_DELAY=0 '\(CLI.executable.path)' build --site '\(site.root.path)'"
            process.arguments = ["-qec", command, "/dev/null"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return String(decoding: data, as: UTF8.self)
        }
        let terminal = try onTerminal("")
        #expect(terminal.contains("\r\u{1B}[2Khandbook: "), "\(terminal.debugDescription)")
        #expect(terminal.contains("\r\u{1B}[2KBuilt 8 pages in "), "the line is cleared before the summary")
        #expect(!(try onTerminal("CI=true")).contains("handbook: "))
        let piped = try CLI.run(["build", "--site", site.root.path], environment: ["HANDBOOK_PROGRESS_DELAY": "0"])
        #expect(!piped.stderr.contains("\r") && !piped.stdout.contains("\r"))
    }

    @Test func checkReportsWithoutWriting() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        let clean = try CLI.run(["check", "--site", site.root.path])
        #expect(clean.status == 0)
        #expect(clean.stdout == "0 errors, 0 warnings in 6 pages\n")
        #expect(!site.exists("public"))
        try site.write(
            "content/roles/tech-lead.md",
            "# Tech Lead\n\nSee the [staff engineer](staff-engineer.md#scope).\nAnd [hiring](engineering-manager.md#hirin).\n")
        let text = try CLI.run(["check", "--site", site.root.path])
        #expect(text.status == 1)
        #expect(
            text.stdout == """
                content/roles/tech-lead.md:3:9: warning: link target 'staff-engineer.md#scope' does not exist [link.broken]
                    note: no page or file 'roles/staff-engineer.md' in the content folder
                content/roles/tech-lead.md:4:5: warning: 'roles/engineering-manager.md' has no anchor '#hirin' [link.broken-anchor]
                    note: did you mean '#hiring'?
                0 errors, 2 warnings in 6 pages

                """)
        let github = try CLI.run(["check", "--site", site.root.path, "--format", "github"])
        #expect(github.status == 1)
        #expect(
            github.stdout == """
                ::warning file=content/roles/tech-lead.md,line=3,col=9,title=link.broken::link target 'staff-engineer.md#scope' does not exist%0Ano page or file 'roles/staff-engineer.md' in the content folder
                ::warning file=content/roles/tech-lead.md,line=4,col=5,title=link.broken-anchor::'roles/engineering-manager.md' has no anchor '#hirin'%0Adid you mean '#hiring'?

                """)
        let json = try CLI.run(["check", "--site", site.root.path, "--format", "json"])
        #expect(json.status == 1)
        #expect(
            json.stdout
                == #"[{"column":9,"file":"content/roles/tech-lead.md","identifier":"link.broken","line":3,"message":"link target 'staff-engineer.md#scope' does not exist","notes":["no page or file 'roles/staff-engineer.md' in the content folder"],"severity":"warning"},{"column":5,"file":"content/roles/tech-lead.md","identifier":"link.broken-anchor","line":4,"message":"'roles/engineering-manager.md' has no anchor '#hirin'","notes":["did you mean '#hiring'?"],"severity":"warning"}]"#
                + "\n")
        #expect(!site.exists("public"))
        // Run to run, the output is the same.
        #expect(try CLI.run(["check", "--site", site.root.path]).stdout == text.stdout)
        // Notes (pages no other page links to) only when asked for.
        #expect(!text.stdout.contains("page.orphan"))
        try site.write("content/roles/lonely.md", "# Lonely\n")
        #expect(try CLI.run(["check", "--site", site.root.path]).stdout.contains("page.orphan") == false)
        let notes = try CLI.run(["check", "--site", site.root.path, "--notes"])
        #expect(notes.stdout.contains("content/roles/lonely.md:1:1: note: no other page links to 'Lonely' [page.orphan]"))
        #expect(notes.stdout.hasSuffix("0 errors, 2 warnings in 7 pages\n"), "notes do not count as problems")
    }

    @Test func pagesShowTableOfContentsBacklinksPagerAndTags() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n\n## Start\n\nRead [[Decisions]] first.\n",
            "content/process/decisions.md": """
                ---
                title: Decisions
                weight: 1
                tags: [process, Decision Making]
                aliases: [/old/decisions/]
                ---
                ## Who decides

                ### The decider

                ## Writing it down
                """,
            "content/process/estimation.md": "---\nweight: 2\ntags: [process]\n---\n# Estimation\n\nSee [decisions](decisions.md#who-decides).\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        let decisions = try #require(site.read("public/process/decisions/index.html"))
        #expect(decisions.contains(##"<li><a href="#who-decides">Who decides</a></li>"##))
        #expect(decisions.contains(##"<li class="toc-sub"><a href="#the-decider">The decider</a></li>"##))
        #expect(decisions.contains(#"<li><a href="/#start">Home</a> <span class="detail">— Start</span></li>"#))
        #expect(decisions.contains(#"<li><a href="/process/estimation/#estimation">Estimation</a></li>"#) == false)
        #expect(decisions.contains(#"<a href="/process/estimation/">Estimation</a>"#))
        #expect(decisions.contains(#"<a class="pager-next" href="/process/estimation/" rel="next"><span>Next</span>Estimation</a>"#))
        #expect(decisions.contains(#"<a class="tag" href="/tags/decision-making/">Decision Making</a>"#))
        let home = try #require(site.read("public/index.html"))
        #expect(home.contains(#"Read <a href="/process/decisions/">Decisions</a> first."#))
        let tag = try #require(site.read("public/tags/process/index.html"))
        #expect(tag.contains("Tagged “process”"))
        #expect(tag.contains(#"<a href="/process/decisions/">Decisions</a>"#))
        #expect(tag.contains(#"<a href="/process/estimation/">Estimation</a>"#))
        #expect(site.read("public/tags/index.html")?.contains("2 pages") == true)
        let redirect = try #require(site.read("public/old/decisions/index.html"))
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=/process/decisions/">"#))
        #expect(redirect.contains(#"<link rel="canonical" href="/process/decisions/">"#))
    }

    @Test func subPathBaseURL() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--base-url", "https://intranet.example.com/handbook/"])
        #expect(result.status == 0)
        let em = try #require(site.read("public/roles/engineering-manager/index.html"))
        #expect(em.contains(#"<a href="/handbook/roles/tech-lead/">tech lead</a>"#))
        #expect(em.contains(#"href="/handbook/_handbook/handbook.css""#))
        #expect(!em.contains(#"href="/roles/"#))
    }

    @Test func sitemapAndRobots() throws {
        let site = try TestSite(Self.handbook.merging(["content/roles/tech-lead.md": "---\nlast_reviewed: 2026-03-01\n---\n# TL\n"]) { $1 })
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        #expect(!site.exists("public/sitemap.xml"), "no sitemap without an absolute base_url")
        #expect(site.read("public/robots.txt")?.contains("Disallow: /") == true)
        try site.write("handbook.yml", "title: Acme\nbase_url: https://docs.example.com/eng/\npublic: true\n")
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        let sitemap = try #require(site.read("public/sitemap.xml"))
        #expect(sitemap.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(sitemap.contains("<url><loc>https://docs.example.com/eng/roles/tech-lead/</loc><lastmod>2026-03-01</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://docs.example.com/eng/career/</loc></url>"), "generated section pages, without lastmod")
        #expect(!sitemap.contains("404"))
        #expect(site.read("public/robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://docs.example.com/eng/sitemap.xml\n")
    }

    /// The search index holds every word of a long page, what role and
    /// process panels show, and the kinds and sections the filters need.
    @Test func searchIndexHoldsEveryWordAndWhatPanelsShow() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n",
            "content/guides/long.md": "# Long guide\n\n" + String(repeating: "Filler words for length. ", count: 200)
                + "\n\n## Goals\n\nWe write quarterly OKRs.\n",
            "content/guides/short.md": "# Short guide\n\nNothing else.\n",
            "content/roles/em.md": """
                ---
                kind: role
                title: Engineering Manager
                track: management
                responsibilities: [Grow the zookeepers of the team]
                ---
                # Engineering Manager

                Leads a team.
                """,
            "content/process/deploys.md": """
                ---
                kind: process
                title: Deploys
                owner: em
                triggers: [A xylophone release is due]
                cadence: fortnightly
                ---
                # Deploys

                How we ship.
                """,
        ])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr)")
        var terms: [String: String] = [:]
        for file in site.files(under: "public/_handbook/search") where file.hasPrefix("t_") || file.hasPrefix("u_") {
            let text = site.read("public/_handbook/search/" + file) ?? ""
            let shard = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] ?? [:]
            terms.merge(shard) { a, _ in a }
        }
        for term in ["okr", "zookeep", "xylophon", "fortnightli", "engin", "manag"] {
            #expect(terms[term] != nil, "\(term) is indexed")
        }
        #expect(terms["the"] == nil && terms["of"] == nil, "stop words are not")
        let meta = try JSONSerialization.jsonObject(with: Data((site.read("public/_handbook/search/meta.json") ?? "").utf8)) as? [String: Any]
        #expect((meta?["kinds"] as? [String: String])?.keys.sorted() == ["process", "role"])
        #expect((meta?["sections"] as? [[Any]])?.compactMap { $0.first as? String } == ["guides"])
        #expect((meta?["tracks"] as? [String: String])?.keys.sorted() == ["Management"])
    }

    /// CODEOWNERS (in `.github/`) names each page's maintainers beside its
    /// owner role: on the page, in the unowned report and in ownership.json.
    @Test func codeOwnersMaintainPages() throws {
        let site = try TestSite([
            ".github/CODEOWNERS": "* @acme/handbook\n/content/guides/ @acme/leads @ana\n/content/guides/old.md\n!bad @x\n",
            "content/index.md": "# Home\n",
            "content/roles/em.md": "---\nkind: role\ntitle: Engineering Manager\ntrack: management\n---\n# Engineering Manager\n",
            "content/guides/hiring.md": "---\nowner: em\n---\n# Hiring\n",
            "content/guides/old.md": "# Old\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0)
        #expect(result.stderr.contains(".github/CODEOWNERS:4:1: warning: GitHub does not support '!' in CODEOWNERS patterns"))
        #expect(
            site.read("public/guides/hiring/index.html")?.contains(
                "<p class=\"ownership\">Owned by the <a href=\"/roles/em/\">Engineering Manager</a> role · maintained by @acme/leads and @ana</p>")
                == true)
        #expect(site.read("public/index.html")?.contains("<p class=\"ownership\">maintained by @acme/handbook</p>") == true)
        #expect(site.read("public/guides/old/index.html")?.contains("class=\"ownership\"") == false)
        let unowned = site.read("public/reports/unowned/index.html") ?? ""
        #expect(unowned.contains("guides/old.md") && !unowned.contains("guides/hiring.md") && !unowned.contains("roles/em.md"))
        #expect(site.read("public/reports/ownership.json")?.contains(#""maintainers":["@acme/leads","@ana"],"owner":"roles/em","page":"guides/hiring.md""#) == true)
        // What a pull-request bot asks: who owns the files a change touches.
        let owners = try CLI.run(["owners", "--site", site.root.path, "content/guides/hiring.md", "./content/guides/old.md", ".github/CODEOWNERS"])
        #expect(owners.status == 0)
        #expect(
            owners.stdout == """
                content/guides/hiring.md: owner roles/em; maintainers @acme/leads @ana
                content/guides/old.md: owner none; maintainers none
                .github/CODEOWNERS: owner none; maintainers @acme/handbook

                """)
        let json = try CLI.run(["owners", "--site", site.root.path, "--format", "json", "content/guides/hiring.md"])
        #expect(json.stdout == "[\n  {\"maintainers\":[\"@acme/leads\",\"@ana\"],\"owner\":\"roles/em\",\"path\":\"content/guides/hiring.md\"}\n]\n")
    }

    /// One `git log` gives each page its last change and authors, through a
    /// rename; the sitemap's lastmod follows; a shallow clone says so once
    /// and shows no dates.
    @Test func historyFromGit() throws {
        let site = try TestSite([
            "handbook.yml": "title: Acme\nbase_url: https://handbook.example.com/\nrepo_url: https://github.com/acme/handbook\n",
            "content/index.md": "# Home\n",
            "content/old-name.md": "# Hiring\n\nFirst text.\n",
        ])
        defer { site.remove() }
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root, date: "2026-09-01T10:00:00Z")
        try git(["commit", "-q", "-m", "Start"], in: site.root, author: "Bo", date: "2026-09-01T10:00:00Z")
        try git(["mv", "content/old-name.md", "content/hiring.md"], in: site.root)
        try git(["commit", "-q", "-m", "Rename"], in: site.root, author: "Ana", date: "2026-10-01T10:00:00Z")
        try site.write("content/hiring.md", "# Hiring\n\nSecond text.\n")
        try git(["commit", "-q", "-am", "Edit"], in: site.root, author: "Ana", date: "2026-10-12T10:00:00Z")

        let out = site.root.appendingPathComponent("public")
        let result = try CLI.run(["build", "--site", site.root.path, "--output", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let hiring = site.read("public/hiring/index.html") ?? ""
        #expect(
            hiring.contains(
                "<p class=\"history\">Last changed <time datetime=\"2026-10-12\">12 Oct 2026</time> by Ana and Bo · <a href=\"https://github.com/acme/handbook/edit/main/content/hiring.md\">Edit this page</a></p>"
            ), "the rename keeps Bo's commit")
        #expect(site.read("public/index.html")?.contains("<time datetime=\"2026-09-01\">1 Sep 2026</time> by Bo") == true)
        #expect(site.read("public/sitemap.xml")?.contains("<loc>https://handbook.example.com/hiring/</loc><lastmod>2026-10-12</lastmod>") == true)
        let first = site.read("public/hiring/index.html")
        _ = try CLI.run(["build", "--site", site.root.path, "--output", out.path])
        #expect(site.read("public/hiring/index.html") == first, "the same commit gives the same bytes")

        // A clone of depth 1, as CI makes by default.
        let shallow = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-shallow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: shallow) }
        try git(["clone", "-q", "--depth", "1", "file://" + site.root.path, shallow.path], in: site.root)
        let clone = try CLI.run(["build", "--site", shallow.path, "--output", shallow.appendingPathComponent("public").path])
        #expect(clone.status == 0)
        #expect(clone.stderr.components(separatedBy: "[history.shallow]").count == 2, "said once: \(clone.stderr)")
        #expect(clone.stderr.contains("fetch-depth: 0"))
        let page = (try? String(contentsOf: shallow.appendingPathComponent("public/hiring/index.html"), encoding: .utf8)) ?? ""
        #expect(!page.contains("Last changed") && page.contains("Edit this page"), "no date rather than a wrong one")
    }

    @Test func buildsAreByteIdentical() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/out1"]).status == 0)
        #expect(try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/out2"]).status == 0)
        let files = site.files(under: "out1")
        #expect(files == site.files(under: "out2"))
        for file in files {
            #expect(site.read("out1/" + file) == site.read("out2/" + file), "\(file) differs")
        }
    }

    @Test func rebuildRemovesWhatTheSiteNoLongerHas() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        #expect(try CLI.run(["build", "--site", site.root.path]).status == 0)
        // The second build reused the first one's folders; nothing extra may survive a third.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/roles/tech-lead.md"))
        try site.write("public/stray.txt", "left by hand")
        try site.write(".public.prev/roles/tech-lead/extra.html", "stale")
        let outside = site.root.appendingPathComponent("outside.txt")
        try "do not touch".write(to: outside, atomically: true, encoding: .utf8)
        // A symbolic link planted in the recycled folder must not be written through.
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".public.prev/index.html"))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent(".public.prev/index.html").path, withDestinationPath: outside.path)
        // And a folder the new site writes into, deeper down, replaced by a link to a folder outside.
        try site.write("outside/index.html", "do not touch either")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".public.prev/roles/engineering-manager"))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent(".public.prev/roles/engineering-manager").path,
            withDestinationPath: site.root.appendingPathComponent("outside").path)
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!site.exists("public/roles/tech-lead"))
        #expect(!site.exists("public/stray.txt"))
        #expect(site.read("outside.txt") == "do not touch")
        #expect(site.read("outside/index.html") == "do not touch either")
        #expect(site.read("public/roles/engineering-manager/index.html")?.contains("Engineering Manager") == true)
        #expect(site.read("public/index.html")?.contains("Acme engineering handbook") == true)
        let fresh = try TestSite(Self.handbook)
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.root.appendingPathComponent("content/roles/tech-lead.md"))
        #expect(try CLI.run(["build", "--site", fresh.root.path]).status == 0)
        #expect(site.files(under: "public") == fresh.files(under: "public"))
        for file in site.files(under: "public") {
            #expect(site.read("public/" + file) == fresh.read("public/" + file), "\(file)")
        }
    }

    @Test func folderOfMarkdownWithoutConfiguration() throws {
        let site = try TestSite([
            "README.md": "# Team docs\n\nSee [onboarding](docs/onboarding.md) and the [guide](docs/).\n",
            "docs/onboarding.md": "# Onboarding\n\nBack to the [README](../README.md).\n",
            "docs/README.md": "# Guide\n",
        ])
        defer { site.remove() }
        let result = try CLI.run(["build"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let home = try #require(site.read("public/index.html"))
        #expect(home.contains("<title>Team docs</title>"), "named by its README's heading, once")
        #expect(site.read("public/docs/onboarding/index.html")?.contains("<title>Onboarding · Team docs</title>") == true)
        #expect(home.contains(#"<a href="/docs/onboarding/">onboarding</a>"#))
        #expect(home.contains(#"<a href="/docs/">guide</a>"#))
        #expect(site.read("public/docs/onboarding/index.html")?.contains(#"<a href="/">README</a>"#) == true)
        // A second build must not pick up the first build's output as content.
        #expect(try CLI.run(["build"], in: site.root).stdout.hasPrefix("Built 3 pages"))
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() throws {
        let site = try TestSite(Self.handbook)
        defer { site.remove() }
        for output in [site.root.path, site.root.path + "/content", "/"] {
            let result = try CLI.run(["build", "--site", site.root.path, "--output", output])
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("refusing"))
        }
        #expect(site.exists("content/index.md"))
    }

    @Test func configurationErrorsExitWithTwo() throws {
        let site = try TestSite(["handbook.yml": "title: [unclosed\n", "content/index.md": "# Home\n"])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("handbook.yml:"))
        let missing = try CLI.run(["build", "--site", site.root.path + "/nope"])
        #expect(missing.status == 2)
        let usage = try CLI.run(["build", "--no-such-flag"])
        #expect(usage.status == 2, "a usage error exits with 2, as the README says")
        #expect(usage.stderr.contains("Unknown option '--no-such-flag'"))
        let kind = try CLI.run(["new", "bogus", "x.md", "--site", site.root.path])
        #expect(kind.status == 2)
        #expect(kind.stderr.contains("'bogus' is invalid for '<kind>'"))
        #expect(try CLI.run(["--help"]).status == 0)
    }

    @Test func aLongTableOfContentsStartsFolded() throws {
        let short = (1...3).map { "## Part \($0)\n\nText.\n" }.joined(separator: "\n")
        let long = (1...11).map { "## Part \($0)\n\nText.\n" }.joined(separator: "\n")
        let site = try TestSite(["content/index.md": "# Home\n", "content/short.md": "# Short\n\n" + short, "content/long.md": "# Long\n\n" + long])
        defer { site.remove() }
        #expect(try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/public"]).status == 0)
        #expect(site.read("public/short/index.html")?.contains("<details open>\n<summary class=\"toc-title\">On this page</summary>") == true)
        #expect(site.read("public/long/index.html")?.contains("<details>\n<summary class=\"toc-title\">On this page</summary>") == true)
    }

    @Test func smartPunctuationIsASetting() throws {
        let page = "# Home\n\nShe said \"ship it\" -- twice...\n"
        let smart = try TestSite(["content/index.md": page])
        let plain = try TestSite(["content/index.md": page, "handbook.yml": "markdown:\n  smart_punctuation: false\n"])
        defer { smart.remove(); plain.remove() }
        for site in [smart, plain] {
            #expect(try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/public"]).status == 0)
        }
        #expect(smart.read("public/index.html")?.contains("She said “ship it” – twice…") == true)
        #expect(plain.read("public/index.html")?.contains("She said &quot;ship it&quot; -- twice...") == true)
    }

    @Test func anEmptyFolderBuildsItsHomePageAndSaysWhy() throws {
        let site = try TestSite(["notes.txt": "not Markdown\n"])
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.path + "/public"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Built 1 page in "), "\(result.stdout)")
        #expect(result.stderr.contains("warning: no Markdown files here: the site has only the pages Handbook makes [content.empty]"))
        #expect(site.exists("public/index.html"))
    }

    @Test func uglyInputNeverCrashes() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n",
            "content/empty.md": "",
            "content/only-front-matter.md": "---\ntitle: Only front matter\n---\n",
            "content/thematic.md": "---\nNot YAML, just a line.\n---\nText\n",
            "content/huge.md": String(repeating: "A line of text with *emphasis* and a [link](index.md).\n\n", count: 40_000),
        ])
        defer { site.remove() }
        try site.write("content/bad-utf8.md", Data([0x23, 0x20, 0x41, 0x0A, 0xC3, 0x28, 0x0A]))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/loop").path, withDestinationPath: "..")
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 1, "invalid UTF-8 is an error")
        #expect(result.stderr.contains("content/bad-utf8.md:2:1: error: file is not valid UTF-8"), "\(result.stderr)")
        #expect(result.stderr.contains("content/loop: warning: symbolic link loop") || result.stderr.contains("symlink-loop"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/bad-utf8.md"))
        let second = try CLI.run(["build", "--site", site.root.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(site.read("public/empty/index.html")?.contains("<h1>Empty</h1>") == true)
        #expect(site.read("public/only-front-matter/index.html")?.contains("<h1>Only front matter</h1>") == true)
        #expect(site.read("public/thematic/index.html")?.contains("<hr />") == true)
    }

    @Test func helpAndVersion() throws {
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        #expect(version.stdout.contains("(cmark 0."), "the cmark version is printed too")
    }
}
