import Foundation
import FoundationXML
import HandbookTestSupport
import Testing

/// The "what changed" page and its Atom feeds, from a real git repository
/// with set dates and authors, and the history kept between builds.
@Suite struct HistoryTests {
    static let files = [
        "handbook.yml": "title: Acme\nbase_url: https://handbook.example.com/\nrepo_url: https://github.com/acme/handbook\n",
        "content/index.md": "# Home\n",
        "content/roles/em.md": "---\nkind: role\ntitle: Engineering Manager\ntrack: management\n---\n# Engineering Manager\n",
        "content/guides/hiring.md": "---\nowner: em\n---\n# Hiring\n\nOne.\n",
        "content/guides/old.md": "# Old guide\n",
        "content/process/retro.md": "# Retrospectives\n\nOne.\n",
    ]

    /// A repository with three weeks of commits: an import, edits, a rename and a deletion.
    static func repository() throws -> TestSite {
        let site = try TestSite(files)
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root)
        try git(["commit", "-q", "-m", "Import the handbook"], in: site.root, author: "Bo", date: "2026-09-28T09:00:00Z")
        try site.write("content/guides/hiring.md", "---\nowner: em\n---\n# Hiring\n\nOne.\nTwo.\nThree.\n")
        try git(["commit", "-q", "-am", "Say more about hiring"], in: site.root, author: "Ana", date: "2026-10-06T09:00:00Z")
        try git(["mv", "content/process/retro.md", "content/process/retrospectives.md"], in: site.root)
        try git(["rm", "-q", "content/guides/old.md"], in: site.root)
        try git(["commit", "-q", "-m", "Rename retro <and> drop the old guide"], in: site.root, author: "Cy", date: "2026-10-14T09:00:00Z")
        return site
    }

    @Test func changesPageGroupsByWeekSectionAndOwner() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = site.read("public/changes/index.html") ?? ""
        // Weeks newest first, each starting on its Monday.
        let weeks = ["2026-10-12", "2026-10-05", "2026-09-28"].map { page.range(of: "<time datetime=\"\($0)\">")?.lowerBound }
        #expect(weeks.allSatisfy { $0 != nil } && weeks == weeks.sorted { ($0 ?? page.endIndex) < ($1 ?? page.endIndex) }, "\(page)")
        #expect(page.contains("in the 8 weeks up to its last commit, on 14 Oct 2026."))
        // The rename keeps the page's history under its new name, with no line count; the deleted page is named.
        #expect(page.contains("<li><a href=\"/process/retrospectives/\">Retrospectives</a>\n"))
        #expect(page.contains("<span class=\"removed\">content/guides/old.md</span> (removed)"))
        // Hiring is owned by the Engineering Manager role: its own group in the Guides section.
        #expect(
            page.contains(
                "<h4><a href=\"/roles/em/\">Engineering Manager</a></h4>\n<ul class=\"change-list\">\n<li><a href=\"/guides/hiring/\">Hiring</a> <span class=\"change-size\" title=\"lines added and removed\"><span class=\"added\">+2</span> <span class=\"deleted\">−0</span></span>\n<span class=\"detail\"><a href=\"https://github.com/acme/handbook/commit/"
            ))
        #expect(page.contains("<h3><a href=\"/guides/\">Guides</a> <a class=\"feed-link\" href=\"/changes/guides/feed.xml\">feed</a></h3>"))
        #expect(page.contains("Rename retro &lt;and&gt; drop the old guide"), "subjects are escaped")
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Acme: what changed\" href=\"/changes/feed.xml\">"))
        #expect(site.read("public/index.html")?.contains("<a href=\"/changes/\">What changed</a>") == true)
        #expect(site.read("public/sitemap.xml")?.contains("<loc>https://handbook.example.com/changes/</loc>") == true)
    }

    @Test func feedsAreAtom() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(result.status == 0, "\(result.stderr)")
        let whole = try AtomFeed(site.read("public/changes/feed.xml") ?? "")
        #expect(whole.problems == [], "\(whole.problems)")
        #expect(whole.title == "Acme: what changed")
        #expect(whole.updated == "2026-10-14T09:00:00Z", "the newest commit's time: the same commit gives the same bytes")
        #expect(whole.entries.map(\.title) == ["Rename retro <and> drop the old guide", "Say more about hiring", "Import the handbook"])
        #expect(whole.entries[1].link == "https://handbook.example.com/guides/hiring/", "a commit to one page links it")
        #expect(whole.entries[1].author == "Ana")
        let guides = try AtomFeed(site.read("public/changes/guides/feed.xml") ?? "")
        #expect(guides.problems == [], "\(guides.problems)")
        #expect(guides.title == "Acme: what changed in Guides")
        #expect(guides.entries.map(\.title) == ["Rename retro <and> drop the old guide", "Say more about hiring", "Import the handbook"])
        let process = try AtomFeed(site.read("public/changes/process/feed.xml") ?? "")
        #expect(process.entries.map(\.title) == ["Rename retro <and> drop the old guide", "Import the handbook"], "only the folder's commits")
        #expect(Set(whole.entries.map(\.id)).isDisjoint(with: process.entries.map(\.id)), "ids differ between feeds")
    }

    /// The history is kept in `.git/handbook/`: a build after new commits
    /// walks only those, and gives what a build without it gives.
    @Test func keptHistoryGivesWhatAFullWalkGives() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let kept = site.root.appendingPathComponent(".git/handbook/history")
        let first = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("out").path])
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: kept.path))
        // New commits: an edit, and a rename of a page edited before.
        try site.write("content/guides/hiring.md", "---\nowner: em\n---\n# Hiring\n\nOne.\nTwo.\n")
        try git(["commit", "-q", "-am", "Trim hiring"], in: site.root, author: "Di", date: "2026-10-20T09:00:00Z")
        try git(["mv", "content/guides/hiring.md", "content/guides/hiring-guide.md"], in: site.root)
        try git(["commit", "-q", "-m", "Rename hiring"], in: site.root, author: "Di", date: "2026-10-21T09:00:00Z")
        let updated = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("out").path])
        #expect(updated.status == 0)
        try FileManager.default.removeItem(at: kept)
        let whole = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("fresh").path])
        #expect(whole.status == 0)
        for path in ["guides/hiring-guide/index.html", "changes/index.html", "changes/feed.xml", "changes/guides/feed.xml", "sitemap.xml"] {
            #expect(site.read("out/" + path) == site.read("fresh/" + path), "\(path)")
        }
        let hiring = site.read("fresh/guides/hiring-guide/index.html") ?? ""
        #expect(hiring.contains("<time datetime=\"2026-10-21\">21 Oct 2026</time> by Di, Ana and Bo"), "the kept tally follows the rename")
        // A damaged file is not trusted: the history is walked whole.
        try Data("handbook history 2\nhead\tnonsense\n".utf8).write(to: kept)
        let damaged = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("again").path])
        #expect(damaged.status == 0)
        #expect(site.read("again/changes/index.html") == site.read("fresh/changes/index.html"))
    }

    /// `changes_weeks: 0` turns the page and feeds off; a folder outside git has none.
    @Test func noChangesPageWithoutHistoryOrWhenTurnedOff() throws {
        let site = try Self.repository()
        defer { site.remove() }
        try site.write("handbook.yml", "title: Acme\nbase_url: https://handbook.example.com/\nchanges_weeks: 0\n")
        #expect(try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path]).status == 0)
        #expect(site.read("public/changes/index.html") == nil && site.read("public/changes/feed.xml") == nil)
        let plain = try TestSite(Self.files)
        defer { plain.remove() }
        #expect(try CLI.run(["build", "--site", plain.root.path, "--output", plain.root.appendingPathComponent("public").path]).status == 0)
        #expect(plain.read("public/changes/index.html") == nil)
        #expect(plain.read("public/index.html")?.contains("What changed") == false)
        try site.write("handbook.yml", "changes_weeks: -1\n")
        let bad = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(bad.status == 2 && bad.stderr.contains("handbook.yml:1:16: error: changes_weeks must be between 0"), "\(bad.stderr)")
    }
}

/// An Atom document read with an XML parser and checked against what RFC
/// 4287 requires of a feed and its entries.
struct AtomFeed {
    struct Entry {
        var id = "", title = "", updated = "", author = "", link = ""
    }

    var title = ""
    var updated = ""
    var entries: [Entry] = []
    var problems: [String] = []

    init(_ text: String) throws {
        let document = try XMLDocument(data: Data(text.utf8))
        let atom = "http://www.w3.org/2005/Atom"
        guard let feed = document.rootElement(), feed.localName == "feed", feed.uri == atom else {
            problems.append("the root is not an Atom feed")
            return
        }
        func children(_ element: XMLElement, _ name: String) -> [XMLElement] { element.elements(forLocalName: name, uri: atom) }
        // (`attribute(forName:)` finds nothing in swift-corelibs-foundation's XML.)
        func attribute(_ element: XMLElement, _ name: String) -> String? { element.attributes?.first { $0.name == name }?.stringValue }
        let date = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/
        func check(_ element: XMLElement, _ what: String) {
            for name in ["id", "title", "updated"] where children(element, name).count != 1 {
                problems.append("\(what) has \(children(element, name).count) atom:\(name)")
            }
            if let id = children(element, "id").first?.stringValue, !id.contains(":") { problems.append("\(what) id '\(id)' is not an IRI") }
            if let updated = children(element, "updated").first?.stringValue, (try? date.wholeMatch(in: updated)) == nil {
                problems.append("\(what) updated '\(updated)' is not an RFC 3339 date")
            }
            let alternates = children(element, "link").filter { (attribute($0, "rel") ?? "alternate") == "alternate" }
            if alternates.count > 1 { problems.append("\(what) has \(alternates.count) alternate links") }
        }
        check(feed, "the feed")
        if children(feed, "link").filter({ attribute($0, "rel") == "self" }).count != 1 { problems.append("no self link") }
        title = children(feed, "title").first?.stringValue ?? ""
        updated = children(feed, "updated").first?.stringValue ?? ""
        let feedHasAuthor = !children(feed, "author").isEmpty
        var ids: Set<String> = []
        for (k, element) in children(feed, "entry").enumerated() {
            check(element, "entry \(k)")
            var entry = Entry()
            entry.id = children(element, "id").first?.stringValue ?? ""
            entry.title = children(element, "title").first?.stringValue ?? ""
            entry.updated = children(element, "updated").first?.stringValue ?? ""
            entry.author = children(element, "author").first.flatMap { children($0, "name").first?.stringValue } ?? ""
            entry.link = children(element, "link").first.flatMap { attribute($0, "href") } ?? ""
            if !feedHasAuthor, entry.author.isEmpty { problems.append("entry \(k) has no author, nor has the feed") }
            if children(element, "content").isEmpty, children(element, "summary").isEmpty, entry.link.isEmpty {
                problems.append("entry \(k) has neither content nor an alternate link")
            }
            if !ids.insert(entry.id).inserted { problems.append("entry id \(entry.id) repeats") }
            entries.append(entry)
        }
    }
}
