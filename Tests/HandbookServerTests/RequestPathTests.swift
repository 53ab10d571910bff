import Foundation
import HandbookBuild
import Testing

@testable import HandbookServer

@Suite struct RequestPathTests {
    let site = ServedSite(
        files: [
            OutputFile(path: "index.html", contents: .text("home")),
            OutputFile(path: "roles/index.html", contents: .text("roles")),
            OutputFile(path: "roles/em/index.html", contents: .text("em")),
            OutputFile(path: "_handbook/handbook.css", contents: .text("css")),
            OutputFile(path: "img/a b.png", contents: .text("png")),
        ], allowedRoots: [])

    func look(_ path: String, base: String = "/") -> PreviewResponder.Lookup {
        PreviewResponder.lookUp(path, basePath: base, in: site)
    }

    @Test func pagesFoldersAndFiles() {
        #expect(look("/") == .file("index.html"))
        #expect(look("/roles/") == .file("roles/index.html"))
        #expect(look("/roles") == .redirect("/roles/"))
        #expect(look("/roles/em/") == .file("roles/em/index.html"))
        #expect(look("/_handbook/handbook.css") == .file("_handbook/handbook.css"))
        #expect(look("/img/a%20b.png") == .file("img/a b.png"))
        #expect(look("/nope/") == .notFound)
    }

    @Test func underABasePath() {
        #expect(look("/handbook/roles/", base: "/handbook/") == .file("roles/index.html"))
        #expect(look("/handbook", base: "/handbook/") == .redirect("/handbook/"))
        #expect(look("/roles/", base: "/handbook/") == .notFound)
    }

    @Test(arguments: [
        "/../etc/passwd", "/roles/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd",
        "/roles%2f..%2f..%2fetc%2fpasswd", "/..%5c..%5cetc%5cpasswd", "/roles\\..\\..\\etc\\passwd", "/index.html%00.png",
        "/./index.html",
    ])
    func traversalIsRefused(_ path: String) {
        #expect(look(path) == .refused)
    }

    @Test func assetsReachedThroughASymlinkOutsideAreRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString)")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "fine".write(to: content.appendingPathComponent("fine.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("leak.txt"), withDestinationURL: root.appendingPathComponent("secret.txt"))
        let served = ServedSite(
            files: [
                OutputFile(path: "fine.txt", contents: .copy(from: content.appendingPathComponent("fine.txt").path)),
                OutputFile(path: "leak.txt", contents: .copy(from: content.appendingPathComponent("leak.txt").path)),
            ], allowedRoots: [content.path])
        #expect(served.contents(of: "fine.txt") == Data("fine".utf8))
        #expect(served.contents(of: "leak.txt") == nil)
    }

    @Test func liveReloadIsInjectedBeforeBodyEnd() {
        let html = LiveReload.inject(into: Data("<html><body><p>x</p></body></html>".utf8), eventsURL: "/__handbook/events")
        let text = String(decoding: html, as: UTF8.self)
        #expect(text.contains("new EventSource(\"/__handbook/events\")"))
        #expect(text.hasSuffix("</script></body></html>"))
        #expect(LiveReload.event("failed", data: "a\nb") == "event: failed\ndata: a\ndata: b\n\n")
    }
}
