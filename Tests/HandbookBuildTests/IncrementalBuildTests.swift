import Foundation
import HandbookBuild
import HandbookContent
import HandbookTestSupport
import Testing

/// A session that rebuilds after each edit produces exactly the files a
/// fresh full build of the same content produces.
@Suite struct IncrementalBuildTests {
    static func contents(_ output: BuildSession.Output) -> [String: String] {
        var result: [String: String] = [:]
        for file in output.files {
            switch file.contents {
            case .text(let text): result[file.path] = text
            case .bytes(let bytes): result[file.path] = String(decoding: bytes, as: UTF8.self)
            case .copy(let source): result[file.path] = "copy of " + source
            }
        }
        return result
    }

    /// `text` with front matter `key: value` set (added, or replacing the old value).
    static func setting(_ key: String, to value: String, in text: String) -> String {
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else {
            return "---\n\(key): \(value)\n---\n" + text
        }
        var lines = text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.hasPrefix(key + ":") }
        lines.append("\(key): \(value)")
        return "---\n" + lines.joined(separator: "\n") + text[end.lowerBound...]
    }

    /// A retaining session on `site`, with the first build done.
    static func session(on site: TestSite) -> (BuildSession, BuildOptions) {
        var options = BuildOptions(site: site.root.path, write: false)
        options.today = CalendarDate("2026-11-26")
        let session = BuildSession(options: options)
        #expect(session.run().result.outcome == .built)
        return (session, options)
    }

    /// The incremental result against a full build of the same files: the
    /// same outcome, diagnostics and files, byte for byte.
    static func expectSameAsFull(_ incremental: BuildSession.Output, options: BuildOptions, _ label: String) {
        let full = BuildSession(options: options).run()
        #expect(incremental.result.outcome == full.result.outcome, "\(label)")
        #expect(incremental.result.diagnostics == full.result.diagnostics, "\(label)")
        let (a, b) = (contents(incremental), contents(full))
        #expect(a.keys.sorted() == b.keys.sorted(), "\(label)")
        for key in a.keys where a[key] != b[key] {
            Issue.record("\(label): \(key) differs from a full build")
        }
    }

    @Test func randomEditsMatchAFullBuild() throws {
        let site = try TestSite([
            "handbook.yml": "title: Edits\n",
            "content/index.md": "# Home\n\nSee [[Alpha]], [[Second Letter]] and [beta](b/beta.md#one).\n\n![[b/beta]]\n",
            "content/a/alpha.md": "---\ntitle: Alpha\ntags: [x]\n---\n## One\n\nText.\n",
            "content/b/beta.md": "# Beta\n\n## One\n\nBack to [home](../index.md).\n",
            "content/roles/em.md": "---\nkind: role\nid: em\ntrack: management\n---\n# EM\n",
        ])
        defer { site.remove() }
        let (session, options) = Self.session(on: site)

        var generator = SeededGenerator(seed: 7)
        var names = ["content/a/alpha.md", "content/b/beta.md", "content/index.md"]
        for step in 0..<80 {
            let choice = Int.random(in: 0..<12, using: &generator)
            let target = names.randomElement(using: &generator)!
            var changed: Set<String>? = [site.root.appendingPathComponent(target).path]
            switch choice {
            case 0, 1:  // prose edit: only the page changes
                let text = site.read(target) ?? ""
                try site.write(target, text + "\nMore prose \(step).\n")
            case 2:  // a new heading: anchors and TOC change
                try site.write(target, (site.read(target) ?? "") + "\n## Heading \(step)\n")
            case 3:  // a title change: navigation, backlinks and wiki links change
                try site.write(target, "---\ntitle: Renamed \(step)\n---\n# Body\n\n[[Alpha]]\n")
            case 4:  // a new page
                let name = "content/c/new-\(step).md"
                try site.write(name, "# New \(step)\n\nLinks to [beta](../b/beta.md).\n")
                names.append(name)
                changed = nil
            case 5:  // a page removed
                guard names.count > 3, let victim = names.last else { continue }
                try FileManager.default.removeItem(at: site.root.appendingPathComponent(victim))
                names.removeLast()
                changed = nil
            case 6:  // a broken link: still a warning, still built
                try site.write(target, (site.read(target) ?? "") + "\n[gone](missing.md)\n")
            case 7:  // an include of beta (which includes nothing, so no cycle): beta's edits show here too
                guard target != "content/b/beta.md" else { continue }
                try site.write(target, (site.read(target) ?? "") + "\n![[b/beta]]\n")
            case 8:  // a link to another page's heading: its backlinks and the anchor check change
                let other = names.randomElement(using: &generator)!
                let relative = String(other.dropFirst("content/".count))
                let depth = target.split(separator: "/").count - 2
                try site.write(target, (site.read(target) ?? "") + "\n## Links \(step)\n\n[there](\(String(repeating: "../", count: depth))\(relative)#one)\n")
            case 9:  // the heading others link to is renamed: their anchors break or mend
                let text = site.read(target) ?? ""
                try site.write(target, text.contains("## One") ? text.replacingOccurrences(of: "## One", with: "## Uno") : text + "\n## One\n")
            case 10:  // only the title: sidebars, backlink order, wiki links by title and their text change
                let title = ["Second Letter", "Alpha", "Renamed \(step)"].randomElement(using: &generator)!
                try site.write(target, Self.setting("title", to: title, in: site.read(target) ?? ""))
            case 11:  // other front matter: owners, summaries, tags (new tag pages)
                let (key, value) = [("owner", "em"), ("summary", "Step \(step)."), ("tags", "[y]"), ("tags", "[x, z]")]
                    .randomElement(using: &generator)!
                try site.write(target, Self.setting(key, to: value, in: site.read(target) ?? ""))
            default:  // prose above everything: every link and heading moves down
                let text = site.read(target) ?? ""
                if text.hasPrefix("---"), let end = text.range(of: "\n---\n") {
                    try site.write(target, String(text[..<end.upperBound]) + "Intro \(step).\n\n" + text[end.upperBound...])
                } else {
                    try site.write(target, "Intro \(step).\n\n" + text)
                }
            }
            Self.expectSameAsFull(session.run(changedPaths: changed), options: options, "step \(step)")
        }
    }

    /// Title and front matter edits keep every address, so the session
    /// patches its index and link graph: backlinks must follow the new
    /// titles' order, wiki links written with a title must find (or lose)
    /// their page, and their text must follow.
    @Test func titleEditsMatchAFullBuild() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n\n[[Second Letter]], [[Gamma]] and [[g]].\n",
            "content/a.md": "---\ntitle: Apple\n---\nSee [target](t.md).\n",
            "content/b.md": "---\ntitle: Banana\n---\nSee [target](t.md).\n",
            "content/c.md": "---\ntitle: Cherry\n---\n## Part\n\nSee [target](t.md) and [[Gamma]].\n",
            "content/t.md": "---\ntitle: Target\n---\nText.\n",
            "content/g.md": "---\ntitle: Gamma\n---\nG.\n",
            "content/roles/em.md": "---\nkind: role\nid: em\ntrack: management\n---\n# EM\n",
        ])
        defer { site.remove() }
        let (session, options) = Self.session(on: site)
        let edits: [(file: String, key: String, value: String)] = [
            ("content/a.md", "title", "Zebra"),  // t's backlinks: Banana, Cherry, Zebra
            ("content/g.md", "title", "Second Letter"),  // [[Second Letter]] finds g, [[Gamma]] breaks
            ("content/b.md", "title", "Gamma"),  // [[Gamma]] finds b
            ("content/c.md", "owner", "em"),
            ("content/t.md", "summary", "The target."),
            ("content/a.md", "title", "Apple"),
            ("content/b.md", "tags", "[fruit]"),  // a new tag page: the routes change
            ("content/g.md", "title", "Gamma"),  // [[Gamma]] fits two pages
        ]
        for (step, edit) in edits.enumerated() {
            try site.write(edit.file, Self.setting(edit.key, to: edit.value, in: site.read(edit.file) ?? ""))
            let incremental = session.run(changedPaths: [site.root.appendingPathComponent(edit.file).path])
            Self.expectSameAsFull(incremental, options: options, "step \(step) (\(edit.file) \(edit.key))")
        }
    }

    /// A prose edit to an included section re-renders the pages that include
    /// it, through an include of an include.
    @Test func anEditToAnIncludedSectionReachesItsIncluders() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n\n![[middle]]\n",
            "content/middle.md": "# Middle\n\n![[legend#letters]]\n",
            "content/legend.md": "# Legend\n\n## Letters\n\nR is responsible.\n\n## Other\n\nNot shown.\n",
            "content/other.md": "# Other\n",
        ])
        defer { site.remove() }
        let (session, options) = Self.session(on: site)
        try site.write("content/legend.md", "# Legend\n\n## Letters\n\nR is responsible, A accountable.\n\n## Other\n\nNot shown.\n")
        let output = session.run(changedPaths: [site.root.appendingPathComponent("content/legend.md").path])
        #expect(output.renderedCount == 3, "legend, middle and home; not other")
        let home = Self.contents(output)["index.html"] ?? ""
        #expect(home.contains("R is responsible, A accountable.") && !home.contains("Not shown."), "\(home)")
        Self.expectSameAsFull(output, options: options, "included edit")
    }

    @Test func aProseEditRendersOnlyThatPage() throws {
        let site = try TestSite([
            "content/index.md": "# Home\n\n[A](a.md)\n",
            "content/a.md": "# A\n\nText.\n",
            "content/b.md": "# B\n",
        ])
        defer { site.remove() }
        let session = BuildSession(options: BuildOptions(site: site.root.path, write: false))
        #expect(session.run().renderedCount == 3)
        #expect(session.run(changedPaths: []).renderedCount == 0)
        usleep(10_000)
        try site.write("content/a.md", "# A\n\nText, edited.\n")
        let path = site.root.appendingPathComponent("content/a.md").path
        let output = session.run(changedPaths: [path])
        #expect(output.renderedCount == 1)
        #expect(Self.contents(output)["a/index.html"]?.contains("Text, edited.") == true)
        try site.write("content/a.md", "# A renamed\n\nText, edited.\n")
        #expect(session.run(changedPaths: [path]).renderedCount == 3, "a title change reaches every page's sidebar")
    }
}
