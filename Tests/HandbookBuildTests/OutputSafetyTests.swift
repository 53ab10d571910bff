import Foundation
import HandbookTestSupport
import Testing

/// What a build may replace, follow and publish: only its own output folder
/// (new, empty, or marked as Handbook's), nothing outside the site unless
/// asked, and never a file with more permissions than its source.
@Suite struct OutputSafetyTests {
    static let site = ["content/index.md": "# Home\n", "content/a.md": "# A\n\nSee [home](index.md).\n"]

    func build(_ site: TestSite, output: String, in directory: URL? = nil, environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["build", "--site", site.root.path, "--output", output], in: directory, environment: environment)
    }

    @Test func anEmptyOutputPathIsRefusedAndTheCurrentFolderKept() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.write("mine.txt", "keep me\n")
        for _ in 0..<2 {
            let result = try build(site, output: "", in: site.root)
            #expect(result.status == 2)
            #expect(result.stderr.contains("empty path"), "\(result.stderr)")
        }
        #expect(site.read("mine.txt") == "keep me\n")
        #expect(site.exists("content/index.md"))
    }

    @Test func filesPipesAndDevicesAreNeverReplaced() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.write("notes.txt", "mine\n")
        let fifo = site.root.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for output in [site.root.path + "/notes.txt", fifo, "/dev/null"] {
            let result = try build(site, output: output)
            #expect(result.status == 2, "\(output)")
            #expect(result.stderr.contains("not a folder"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one clear line: \(result.stderr)")
        }
        #expect(site.read("notes.txt") == "mine\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aFolderOfSomebodysFilesIsRefusedAnEmptyOrMarkedOneIsReplaced() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.write("theirs/report.pdf", "not ours\n")
        let refused = try build(site, output: site.root.path + "/theirs")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("Handbook did not write it"), "\(refused.stderr)")
        #expect(site.read("theirs/report.pdf") == "not ours\n")

        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try build(site, output: site.root.path + "/empty").status == 0)
        #expect(site.exists("empty/.handbook"), "the output is marked as Handbook's")
        #expect(site.exists("empty/a/index.html"))
        // Marked: the next build replaces it, leaving nothing of the old one.
        try site.write("empty/stale.html", "old\n")
        #expect(try build(site, output: site.root.path + "/empty").status == 0)
        #expect(!site.exists("empty/stale.html"))

        // An output written before the marker existed is still accepted.
        try site.write("older/_handbook/search-index.json", "{}\n")
        try site.write("older/index.html", "old\n")
        #expect(try build(site, output: site.root.path + "/older").status == 0)
        #expect(site.exists("older/.handbook"))
    }

    @Test func theCurrentHomeAndEnclosingFoldersAreRefused() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let cases: [(output: String, directory: URL?, says: String)] = [
            (".", site.root.appendingPathComponent("content"), "current folder"),
            (home.path, nil, "home folder"),
            (site.root.deletingLastPathComponent().path, nil, "contains the site folder"),
            (site.root.path + "/content/..", nil, "contains the site folder"),
        ]
        for item in cases {
            let result = try build(site, output: item.output, in: item.directory, environment: ["HOME": home.path])
            #expect(result.status == 2, "\(item.output)")
            #expect(result.stderr.contains(item.says), "\(result.stderr)")
        }
        #expect(site.exists("content/index.md"))
    }

    @Test func aLinkedOutputFolderIsWrittenThroughAndStaysALink() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("www"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/public", withDestinationPath: "www")
        for _ in 0..<2 { #expect(try build(site, output: site.root.path + "/public").status == 0) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.root.path + "/public") == "www")
        #expect(site.exists("www/a/index.html"))
    }

    @Test func aPlantedLinkBesideTheOutputIsNeverFollowed() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        try site.write("victim/precious.txt", "keep\n")
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/.out.prev", withDestinationPath: "victim")
        #expect(try build(site, output: site.root.path + "/out").status == 0)
        #expect(try build(site, output: site.root.path + "/out").status == 0)
        #expect(site.read("victim/precious.txt") == "keep\n")
    }

    @Test func linksOutOfTheSiteAreNotFollowedUnlessAskedFor() throws {
        let outside = try TestSite(["secret.txt": "private\n", "docs/page.md": "# Outside\n"])
        defer { outside.remove() }
        let site = try TestSite(Self.site.merging(["shared/logo.txt": "logo\n"]) { a, _ in a })
        defer { site.remove() }
        let content = site.root.path + "/content"
        try FileManager.default.createSymbolicLink(atPath: content + "/secret.txt", withDestinationPath: outside.root.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: content + "/docs", withDestinationPath: outside.root.path + "/docs")
        try FileManager.default.createSymbolicLink(atPath: content + "/logo.txt", withDestinationPath: "../shared/logo.txt")
        let result = try build(site, output: site.root.path + "/public")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("content/secret.txt:1:1: warning: symbolic link to"), "\(result.stderr)")
        #expect(result.stderr.contains("[content.symlink-outside]"))
        #expect(!site.exists("public/secret.txt"))
        #expect(!site.exists("public/docs/page/index.html"))
        #expect(site.read("public/logo.txt") == "logo\n", "a link that stays inside the site is followed")

        try site.write("handbook.yml", "follow_symlinks: true\n")
        let followed = try build(site, output: site.root.path + "/public")
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(site.read("public/secret.txt") == "private\n")
        #expect(site.exists("public/docs/page/index.html"))
    }

    @Test func copiedFilesNeverGainPermissions() throws {
        let site = try TestSite(Self.site.merging(["content/private.txt": "p\n", "content/script.sh": "echo\n"]) { a, _ in a })
        defer { site.remove() }
        chmod(site.root.path + "/content/private.txt", 0o640)
        chmod(site.root.path + "/content/script.sh", 0o755)
        for _ in 0..<2 {
            #expect(try build(site, output: site.root.path + "/public").status == 0)
            var info = stat()
            #expect(stat(site.root.path + "/public/private.txt", &info) == 0 && info.st_mode & 0o777 == 0o640)
            #expect(stat(site.root.path + "/public/script.sh", &info) == 0 && info.st_mode & 0o777 == 0o644)
        }
    }

    @Test func aContentFileNeverReplacesAGeneratedOne() throws {
        let site = try TestSite(
            Self.site.merging([
                "content/index.html": "<p>mine</p>\n", "content/robots.txt": "User-agent: *\n",
                "content/_handbook/handbook.css": "p{}\n",
            ]) { a, _ in a })
        defer { site.remove() }
        let result = try build(site, output: site.root.path + "/public")
        #expect(result.status == 1)
        for (file, generated) in [("content/index.html", "/index.html"), ("content/robots.txt", "/robots.txt"), ("content/_handbook/handbook.css", "/_handbook/handbook.css")] {
            #expect(result.stderr.contains("\(file):1:1: error: \(file) would replace \(generated), which Handbook generates"), "\(result.stderr)")
        }
        #expect(!site.exists("public"))
    }

    /// Root may write anywhere; the unwritable cases run as `nobody`.
    @Test func anUnwritableOutputIsOneClearLine() throws {
        let site = try TestSite(Self.site)
        defer { site.remove() }
        chmod(site.root.path, 0o755)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("locked"), withIntermediateDirectories: true)
        chmod(site.root.path + "/locked", 0o555)
        let prefix = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] : []
        for output in [site.root.path + "/locked/public", "/proc/handbook-test-output", site.root.path + "/" + String(repeating: "x", count: 300)] {
            let result = try CLI.run(["build", "--site", site.root.path, "--output", output], prefix: prefix)
            #expect(result.status == 1, "\(output): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.first?.hasPrefix("handbook: error: cannot ") == true, "\(result.stderr)")
            #expect(lines.count == 2, "one line, then the summary: \(result.stderr)")
        }
    }
}
