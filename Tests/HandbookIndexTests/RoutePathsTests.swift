import HandbookContent
import Testing

@testable import HandbookIndex

/// Every address Handbook writes comes from `RoutePaths`.
@Suite struct RoutePathsTests {
    @Test func pages() {
        #expect(RoutePaths.page("roles/engineering-manager.md") == "roles/engineering-manager/")
        #expect(RoutePaths.outputPath(of: RoutePaths.page("roles/engineering-manager.md")) == "roles/engineering-manager/index.html")
        for name in ["index.md", "_index.md", "README.md"] {
            #expect(RoutePaths.page("roles/" + name) == "roles/")
            #expect(RoutePaths.outputPath(of: RoutePaths.page("roles/" + name)) == "roles/index.html")
        }
        #expect(RoutePaths.page("README.md") == "")
        #expect(RoutePaths.outputPath(of: "") == "index.html")
        #expect(RoutePaths.page("a.md") == "a/", "one-character names are fine")
    }

    @Test func generatedAddresses() {
        #expect(RoutePaths.tag("On-call & Incidents") == "tags/on-call--incidents/")
        #expect(RoutePaths.ladderLevel("career/ladder/", level: "E3") == "career/ladder/levels/e3/")
        #expect(RoutePaths.ladderTrack("career/ladder/", track: "individual-contributor") == "career/ladder/tracks/individual-contributor/")
        #expect(RoutePaths.alias("/old/em/", basePath: "/") == "old/em/")
        #expect(RoutePaths.alias("https://x.example/handbook/old.html", basePath: "/handbook/") == "old.html")
        #expect(RoutePaths.alias("../escape", basePath: "/") == nil)
        #expect(RoutePaths.outputPath(of: RoutePaths.sitemap) == "sitemap.xml")
    }

    /// Links to generated pages resolve like links to pages.
    @Test func linksToGeneratedPagesResolve() {
        let site = IndexedSite([
            "index.md": "---\ntags: [hiring]\n---\n[chart](/org-chart/) [tag](/tags/hiring/) [tags](tags/) [404](/404.html) [all](org-chart)\n",
            "em.md": "---\nkind: role\nid: em\ntrack: management\n---\n# EM\n",
        ])
        #expect(site.urls(of: "index.md") == ["/org-chart/", "/tags/hiring/", "/tags/", "/404.html", "/org-chart/"])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
    }
}

@Suite struct NormaliseTests {
    @Test func relativePathsJoinAndClimb() {
        let cases: [(String, String, String?)] = [
            ("b.md", "a", "a/b.md"), ("b/", "a", "a/b/"), ("./b.md", "a", "a/b.md"), ("../b.md", "a/c", "a/b.md"),
            ("../../b.md", "a", nil), ("x//y.md", "", "x/y.md"), ("x/./y.md", "a", "a/x/y.md"), ("...md", "a", "a/...md"),
            ("b.md/..", "a", "a"), ("", "a", "a"), ("b.c.d", "", "b.c.d"), ("..", "a", ""),
        ]
        for (path, folder, expected) in cases {
            #expect(LinkResolver.normalise(path, from: folder) == expected, "\(path) from \(folder)")
        }
    }
}
