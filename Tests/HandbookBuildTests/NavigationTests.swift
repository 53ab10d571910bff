import Foundation
import HandbookTestSupport
import Testing

/// The sidebar stays small whatever the size of the site: the folders on the
/// way to the page are open, long lists are cut into chunks around the page,
/// and a cut list links to its folder's page, which lists everything.
@Suite struct NavigationTests {
    /// The `<nav class="sidebar">` of a built page.
    static func sidebar(_ html: String) -> String {
        guard let start = html.range(of: "<nav class=\"sidebar\""), let end = html.range(of: "</nav>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func longFoldersAreCutAroundThePage() throws {
        var files = ["content/index.md": "# Home\n", "content/other/x.md": "# X\n", "content/other/deeper/y.md": "# Y\n"]
        for i in 0..<60 { files["content/big/p\(String(format: "%02d", i)).md"] = "---\nweight: \(i)\n---\n# Page \(i)\n" }
        for i in 0..<12 { files["content/big/sub/s\(String(format: "%02d", i)).md"] = "---\nweight: \(i)\n---\n# Sub \(i)\n" }
        let site = try TestSite(files)
        defer { site.remove() }
        let result = try CLI.run(["build", "--site", site.root.path])
        #expect(result.status == 0, "\(result.stderr)")

        // A page in the third chunk of its folder: that chunk, marked, and a link to everything.
        let page = Self.sidebar(try #require(site.read("public/big/p45/index.html")))
        #expect(page.contains(#"<a href="/big/p45/" aria-current="page">Page 45</a>"#))
        #expect(page.contains(#"<a href="/big/p40/">Page 40</a>"#) && page.contains(#"<a href="/big/p59/">Page 59</a>"#))
        #expect(!page.contains(#">Page 39<"#) && !page.contains(#">Page 00<"#), "other chunks are left out")
        #expect(page.contains(#"<li class="nav-more"><a href="/big/">All 61 in Big</a></li>"#))
        #expect(!page.contains("Sub 0") && !page.contains(">X<"), "folders off the way down stay closed")
        #expect(page.contains(#"<a href="/other/">Other</a>"#), "but their entries show")
        #expect(page.utf8.count < 8 * 1024)

        // A page in a subfolder: its own list open, and the chunk of its parent holding the way down.
        let sub = Self.sidebar(try #require(site.read("public/big/sub/s03/index.html")))
        #expect(sub.contains(#"<a href="/big/sub/s03/" aria-current="page">Sub 3</a>"#))
        #expect(sub.contains(#"<a href="/big/sub/">Sub</a>"#))
        #expect(sub.utf8.count < 8 * 1024)

        // The folder's page lists everything.
        let big = try #require(site.read("public/big/index.html"))
        #expect(big.contains(#"<a href="/big/p00/">Page 0</a>"#) && big.contains(#"<a href="/big/p59/">Page 59</a>"#))
    }
}
