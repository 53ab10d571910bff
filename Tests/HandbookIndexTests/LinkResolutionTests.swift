import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown
import Testing

@testable import HandbookIndex

/// A site written inline: path → Markdown. Pages are parsed as the build
/// parses them and indexed with the given settings.
struct IndexedSite {
    let model: SiteModel
    var index: SiteIndex { model.index }
    var graph: LinkGraph { model.graph }
    let diagnostics: [Diagnostic]

    init(
        _ files: [String: String], assets: [String] = [], settings: SiteIndex.Settings = .init(),
        today: CalendarDate = CalendarDate("2026-11-26")!
    ) {
        let pages = files.keys.sorted().map { path in
            PageParser.parse(
                text: files[path]!, file: SourceFile(path: path, absolutePath: "/site/content/" + path, displayPath: "content/" + path),
                options: MarkdownOptions(), siteTitle: "Site"
            ).0
        }
        model = SiteModel(
            pages: pages, assets: assets.map { SourceFile(path: $0, absolutePath: "/site/content/" + $0, displayPath: "content/" + $0) },
            settings: settings, today: today)
        // Notes (orphan pages) have their own test; here only problems count.
        diagnostics = SiteChecks.run(model).filter { $0.severity != .note }.sortedForOutput()
    }

    /// Rewritten URLs of a page's links, in document order (nil: left as written).
    func urls(of path: String) -> [String?] {
        let i = index.pageIndex(atSource: path)!
        return graph.entries[i].map { $0.rewrite?.url }
    }

    func describe(_ d: Diagnostic) -> String {
        "\(d.location!.line):\(d.location!.column) \(d.identifier)"
    }
}

@Suite struct LinkResolutionTests {
    static let pages: [String: String] = [
        "index.md": "# Home\n",
        "roles/_index.md": "# Roles\n\n## Leads {#leads}\n",
        "roles/engineering-manager.md": "---\nid: em\ntitle: Engineering Manager\n---\n## Hiring\n\n## Hiring\n",
        "roles/tech-lead.md": "# Tech Lead\n",
        "process/release-train.md": "# Release train\n\n<a name=\"freeze\"></a>Freeze.\n",
        "guides/deep/onboarding.md": "# Onboarding\n",
    ]

    @Test func relativeLinksWithFragmentsFoldersAndAssets() {
        let site = IndexedSite(
            Self.pages.merging([
                "roles/tech-lead.md": """
                    # Tech Lead
                    [a](engineering-manager.md#hiring-1) [b](./engineering-manager.md) [c](../roles/) [d](../roles#leads)
                    [e](../process/release-train.md?x=1#freeze) [f](../img/org.png) [g](../guides/deep/) [h](../)
                    """,
            ]) { $1 }, assets: ["img/org.png"])
        #expect(
            site.urls(of: "roles/tech-lead.md") == [
                "/roles/engineering-manager/#hiring-1", "/roles/engineering-manager/", "/roles/", "/roles/#leads",
                "/process/release-train/?x=1#freeze", "/img/org.png", "/guides/deep/", "/",
            ])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
    }

    @Test func siteRootLinksAsHugoAndMkDocsWriteThem() {
        let site = IndexedSite(
            Self.pages.merging([
                "index.md": "[a](/roles/engineering-manager/) [b](/roles/engineering-manager) [c](/roles/engineering-manager.md) [d](/handbook/roles/tech-lead/) [e](/roles/tech-lead/index.html)\n"
            ]) { $1 }, settings: .init(basePath: "/handbook/"))
        #expect(
            site.urls(of: "index.md") == [
                "/handbook/roles/engineering-manager/", "/handbook/roles/engineering-manager/",
                "/handbook/roles/engineering-manager/", "/handbook/roles/tech-lead/", "/handbook/roles/tech-lead/",
            ])
    }

    @Test func absoluteURLsToTheSiteAndItsRepository() {
        let site = IndexedSite(
            Self.pages.merging([
                "index.md": """
                    [a](https://intranet.example.com/handbook/roles/tech-lead/)
                    [b](https://github.com/acme/handbook/blob/main/content/roles/engineering-manager.md#hiring)
                    [c](https://github.com/acme/handbook/tree/release/content/guides/deep)
                    [d](https://github.com/acme/handbook/blob/main/README.md)
                    [e](https://example.org/roles/tech-lead/)
                    """
            ]) { $1 },
            settings: .init(
                basePath: "/handbook/", baseURL: "https://intranet.example.com/handbook/",
                repoURL: "https://github.com/acme/handbook", contentPrefix: "content"))
        #expect(
            site.urls(of: "index.md") == [
                "/handbook/roles/tech-lead/", "/handbook/roles/engineering-manager/#hiring", "/handbook/guides/deep/", nil,
                nil,
            ])
    }

    @Test func wikiLinksByIDPathFileNameAndTitle() {
        let site = IndexedSite(
            Self.pages.merging([
                "index.md": "[[em]] [[roles/tech-lead]] [[onboarding]] [[release TRAIN]] [[em#hiring|hiring]] [[#top]]\n"
            ]) { $1 })
        #expect(
            site.urls(of: "index.md") == [
                "/roles/engineering-manager/", "/roles/tech-lead/", "/guides/deep/onboarding/", "/process/release-train/",
                "/roles/engineering-manager/#hiring", "#top",
            ])
        let i = site.index.pageIndex(atSource: "index.md")!
        #expect(site.graph.entries[i].first?.rewrite?.text == "Engineering Manager", "a wiki link without a label shows the title")
    }

    @Test func rawHTMLLinksAndLinksInTables() {
        let site = IndexedSite(
            Self.pages.merging([
                "index.md": "<a href=\"roles/tech-lead.md\">TL</a>\n\n| Role |\n|---|\n| [EM](roles/engineering-manager.md) |\n\n<img src=\"missing.png\">\n"
            ]) { $1 })
        #expect(site.urls(of: "index.md") == ["/roles/tech-lead/", "/roles/engineering-manager/", nil])
        #expect(site.diagnostics.map(site.describe) == ["7:11 link.broken"])
    }
}

@Suite struct LinkCheckTests {
    @Test func brokenLinkSuggestsTheClosestPages() {
        let site = IndexedSite(
            LinkResolutionTests.pages.merging([
                "index.md": "# Home\n\nSee [the EM](roles/enginering-manager.md) and [TL](tech-lead.md).\n"
            ]) { $1 })
        #expect(site.diagnostics.map(site.describe) == ["3:5 link.broken", "3:47 link.broken"])
        #expect(site.diagnostics[0].note == "did you mean 'roles/engineering-manager'?")
        #expect(site.diagnostics[1].note == "did you mean 'roles/tech-lead'?", "a moved file is found by its name")
    }

    /// A file name that reads as a page's title finds that page, whatever its file is called.
    @Test func brokenLinkSuggestsThePageTitledLikeTheFileName() {
        let site = IndexedSite([
            "index.md": "# Home\n\nSee [the EM](roles/engineering-manager.md).\n",
            "roles/em.md": "# Engineering Manager\n\nRuns a team.\n",
        ])
        #expect(site.diagnostics.map(site.describe) == ["3:5 link.broken"])
        #expect(site.diagnostics[0].note == "did you mean 'roles/em'?")
    }

    @Test func brokenAnchorsListNearAnchors() {
        let site = IndexedSite(
            LinkResolutionTests.pages.merging([
                "index.md": "# Home\n\n[a](roles/engineering-manager.md#hirng) [b](#hom) [c](roles/_index.md#nothing-like-it) [d](#home)\n"
            ]) { $1 })
        #expect(site.diagnostics.map(site.describe) == ["3:1 link.broken-anchor", "3:41 link.broken-anchor", "3:51 link.broken-anchor"])
        #expect(site.diagnostics[0].message == "'roles/engineering-manager.md' has no anchor '#hirng'")
        #expect(site.diagnostics[0].note == "did you mean '#hiring'?")
        #expect(site.diagnostics[1].message == "this page has no anchor '#hom'")
        #expect(site.diagnostics[2].note == "anchors on that page: #roles, #leads")
    }

    @Test func ambiguousWikiLinkNamesTheCandidates() {
        let site = IndexedSite([
            "index.md": "See [[Overview]].\n",
            "a/overview.md": "# Overview\n",
            "b/overview.md": "# Overview\n",
        ])
        #expect(site.diagnostics.map(site.describe) == ["1:5 link.ambiguous"])
        #expect(site.diagnostics[0].note?.contains("a/overview.md (\"Overview\"), b/overview.md (\"Overview\")") == true)
    }

    @Test func draftsUnsafeURLsAndDuplicates() {
        let site = IndexedSite([
            "index.md": "[d](draft.md) [j](javascript:alert(1)) [[Secret plan]]\n",
            "draft.md": "---\ndraft: true\ntitle: Secret plan\n---\n",
            "Guide.md": "# Guide\n",
            "guide/index.md": "# Guide folder\n",
            "x.md": "---\nid: guide\n---\n",
            "y.md": "---\nid: guide\n---\n",
        ])
        let ids = site.diagnostics.map(\.identifier)
        #expect(ids.filter { $0 == "link.draft" }.count == 2)
        #expect(ids.contains("link.unsafe"))
        #expect(ids.contains("url.duplicate"), "Guide.md and guide/index.md differ only in case")
        #expect(ids.contains("id.duplicate"))
    }

    @Test func backlinksNameTheSectionTheyComeFrom() {
        let site = IndexedSite([
            "index.md": "# Home\n\nIntro [TL](tl.md).\n\n## Roles\n\n[TL](tl.md) and again [TL](tl.md#x).\n\n## More\n\n[[tl]]\n",
            "tl.md": "# Tech Lead\n\n## X\n\nSelf [link](tl.md).\n",
            "other.md": "# Other\n\n## Why\n\n[TL](tl.md)\n",
        ])
        let tl = site.index.pageIndex(atSource: "tl.md")!
        let backlinks = site.graph.backlinks[tl]
        #expect(backlinks.map { site.index.pages[$0.source].title } == ["Home", "Other"])
        #expect(backlinks[0].sections.map(\.title) == ["Roles", "More"])
        #expect(backlinks[1].sections.map(\.id) == ["why"])
    }

    @Test func orphanPagesAreNotes() {
        let site = IndexedSite([
            "index.md": "# Home\n\n[Linked](linked.md)\n",
            "linked.md": "# Linked\n\n[self](linked.md)\n",
            "lonely.md": "# Lonely\n\n[Linked](linked.md)\n",
            "folder/_index.md": "# Folder\n",
        ])
        let notes = SiteChecks.run(site.model).filter { $0.severity == .note }
        #expect(notes.map(\.identifier) == ["page.orphan"])
        #expect(notes.first?.location?.file == "content/lonely.md", "a self-link does not count; index pages never do")
    }

    @Test func aliasesBecomeRedirectsUnlessTaken() {
        let site = IndexedSite([
            "index.md": "# Home\n",
            "roles/em.md": "---\naliases: [/old/manager/, /old/em.html, /roles/tl/, ../escape]\n---\n",
            "roles/tl.md": "# TL\n",
        ])
        #expect(
            site.model.routes.routes.filter { if case .alias = $0.kind { true } else { false } }.map(\.outputPath)
                == ["old/manager/index.html", "old/em.html"])
        #expect(site.diagnostics.map(\.identifier).sorted() == ["alias.invalid", "url.duplicate"])
    }
}
