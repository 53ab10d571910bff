import Foundation
import HandbookContent
import HandbookTestSupport
import Testing

/// `check --since REF` against a real repository: a rename, a move to
/// another folder, a heading rename and a deletion, each named in the notes
/// of the links it breaks; `--fix` writes the aliases of moved pages.
@Suite struct SinceCheckTests {
    static let files = [
        "content/index.md": """
            # Home

            See [retros](process/retro.md), [the train](process/train.md#how-it-works),
            [demos](process/demo.md) and [hiring](guides/hiring.md).
            """,
        "content/process/retro.md": "# Retrospectives\n",
        "content/process/train.md": "# The release train\n\n## How it works\n\nText.\n\n## Launches\n",
        "content/process/demo.md": "# Demo day\n",
        "content/guides/hiring.md": "---\ntitle: Hiring\n---\n# Hiring\n\nBack to [retros](../process/retro.md).\n",
    ]

    static func repository() throws -> TestSite {
        let site = try TestSite(files)
        try git(["init", "-q", "-b", "main"], in: site.root)
        try git(["add", "."], in: site.root)
        try git(["commit", "-q", "-m", "Base"], in: site.root)
        // The pull request: a rename, a move, a heading rename and a deletion.
        try git(["mv", "content/process/retro.md", "content/process/retrospectives.md"], in: site.root)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/people"), withIntermediateDirectories: true)
        try git(["mv", "content/guides/hiring.md", "content/people/hiring.md"], in: site.root)
        try site.write("content/process/train.md", "# The release train\n\n## How the train runs\n\nText.\n\n## Launches\n")
        try git(["rm", "-q", "content/process/demo.md"], in: site.root)
        try git(["commit", "-q", "-am", "Reorganise"], in: site.root)
        return site
    }

    @Test func namesTheCauseOfEachBrokenLink() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let plain = try CLI.run(["check", "--site", site.root.path])
        #expect(plain.status == 1)
        #expect(!plain.stdout.contains("since"), "without --since, the usual suggestions")
        let result = try CLI.run(["check", "--site", site.root.path, "--since", "HEAD~1"])
        #expect(result.status == 1)
        let out = result.stdout
        #expect(
            out.contains(
                "content/index.md:3:5: warning: link target 'process/retro.md' does not exist [link.broken]\n    note: process/retro.md moved to process/retrospectives.md since HEAD~1: link to the new path"
            ), "\(out)")
        #expect(
            out.contains(
                "content/index.md:3:33: warning: 'process/train.md' has no anchor '#how-it-works' [link.broken-anchor]\n    note: the heading 'How it works' (#how-it-works) was renamed to 'How the train runs' (#how-the-train-runs) since HEAD~1; link to the new anchor, or keep the old one by ending the heading with {#how-it-works}"
            ), "\(out)")
        #expect(out.contains("note: process/demo.md was deleted since HEAD~1: link to what replaces it, or remove the link"))
        // The moved page's own link is relative to where it now is, and broken: named too.
        #expect(out.contains("content/people/hiring.md:6:9: warning: link target '../process/retro.md' does not exist [link.broken]\n    note: process/retro.md moved"))
        #expect(
            out.contains(
                "content/people/hiring.md:1:1: warning: moved from guides/hiring.md since HEAD~1: its old address /guides/hiring/ no longer works (1 link in the handbook still points at it) [page.moved]\n    note: keep it with `aliases: [/guides/hiring/]` in the front matter (check --since HEAD~1 --fix writes it)"
            ), "\(out)")
        #expect(out.contains("since HEAD~1: 2 pages moved, 1 deleted, 1 heading renamed or removed; 5 links break\n"), "\(out)")

        let github = try CLI.run(["check", "--site", site.root.path, "--since", "HEAD~1", "--format", "github"])
        #expect(github.stdout.contains("::warning file=content/people/hiring.md,line=1,col=1,title=page.moved::moved from guides/hiring.md"))

        // --fix keeps both old addresses; the links themselves still want editing.
        let fixed = try CLI.run(["check", "--site", site.root.path, "--since", "HEAD~1", "--fix"])
        #expect(fixed.stdout.contains("added aliases to 2 moved pages"), "\(fixed.stdout)")
        #expect(!fixed.stdout.contains("[page.moved]"))
        #expect(site.read("content/people/hiring.md") == "---\ntitle: Hiring\naliases: [/guides/hiring/]\n---\n# Hiring\n\nBack to [retros](../process/retro.md).\n")
        #expect(site.read("content/process/retrospectives.md") == "---\naliases: [/process/retro/]\n---\n# Retrospectives\n")
        let again = try CLI.run(["check", "--site", site.root.path, "--since", "HEAD~1"])
        #expect(!again.stdout.contains("[page.moved]"), "an alias keeps the address: nothing more to say")
        let built = try CLI.run(["build", "--site", site.root.path, "--output", site.root.appendingPathComponent("public").path])
        #expect(site.read("public/guides/hiring/index.html")?.contains("/people/hiring/") == true, "the old address redirects")
        _ = built
    }

    @Test func refusesWhatItCannotCompare() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let unknown = try CLI.run(["check", "--site", site.root.path, "--since", "no-such-branch"])
        #expect(unknown.status == 2 && unknown.stderr.contains("git knows no commit 'no-such-branch'"))
        let plain = try TestSite(Self.files)
        defer { plain.remove() }
        let outside = try CLI.run(["check", "--site", plain.root.path, "--since", "main"])
        #expect(outside.status == 2 && outside.stderr.contains("needs a git work tree"), "\(outside.stderr)")
        let fixAlone = try CLI.run(["check", "--site", site.root.path, "--fix"])
        #expect(fixAlone.status == 2 && fixAlone.stderr.contains("--fix needs --since"))
    }

    @Test func aliasesAreAddedWhereverTheyAreWritten() {
        let cases: [(String, String)] = [
            ("# T\n", "---\naliases: [/old/]\n---\n# T\n"),
            ("---\ntitle: T\n---\n# T\n", "---\ntitle: T\naliases: [/old/]\n---\n# T\n"),
            ("---\naliases: [/a/]\n---\n", "---\naliases: [/a/, /old/]\n---\n"),
            ("---\naliases: []\n---\n", "---\naliases: [/old/]\n---\n"),
            ("---\naliases: /a/\ntitle: T\n---\n", "---\naliases: [/a/, /old/]\ntitle: T\n---\n"),
            ("---\naliases:\n    - /a/\n    - /b/\ntitle: T\n---\n", "---\naliases:\n    - /a/\n    - /b/\n    - /old/\ntitle: T\n---\n"),
            ("---\r\ntitle: T\r\n---\r\nBody\r\n", "---\r\ntitle: T\r\naliases: [/old/]\r\n---\r\nBody\r\n"),
        ]
        for (before, after) in cases {
            #expect(FrontMatterEditor.addingAlias("/old/", to: before) == after, "\(before.debugDescription)")
        }
        #expect(FrontMatterEditor.addingAlias("/a: b/", to: "# T\n") == "---\naliases: [\"/a: b/\"]\n---\n# T\n")
    }
}
