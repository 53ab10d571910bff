import Foundation
import HandbookSystem
import Testing

@Suite struct FileSystemTests {
    @Test func pathsResolveThroughLinksEvenWhenTheyDoNotExistYet() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hb-fs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "real")
        let real = try #require(FileSystem.realPath(root))
        #expect(FileSystem.resolvedPath(root + "/link") == real + "/real")
        #expect(FileSystem.resolvedPath(root + "/link/new/deeper") == real + "/real/new/deeper")
        #expect(FileSystem.kind(of: root + "/link") == .symbolicLink)
        #expect(FileSystem.kind(of: root + "/link", followingLinks: true) == .directory)
        #expect(FileSystem.kind(of: root + "/nothing") == .missing)
        #expect(FileSystem.kind(of: "/dev/null") == .other)
    }

    @Test func namesAndParents() {
        #expect(FileSystem.parent(of: "/a/b") == "/a")
        #expect(FileSystem.parent(of: "/a") == "/")
        #expect(FileSystem.name(of: "/a/b.html") == "b.html")
        #expect(FileSystem.isInside("/a/b", "/a") && FileSystem.isInside("/a", "/a") && !FileSystem.isInside("/ab", "/a"))
    }

    /// The exchange the build's write stage relies on.
    @Test func exchangeSwapsTwoFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("hb-swap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
            try Data(name.utf8).write(to: URL(fileURLWithPath: root + "/" + name + "/which"))
        }
        #expect(Platform.exchange(root + "/a", root + "/b"))
        #expect(FileManager.default.contents(atPath: root + "/a/which") == Data("b".utf8))
        let stamp = FileStamp(root + "/a/which")
        #expect(stamp.isValid && stamp.size == 1)
        #expect(!FileStamp(root + "/none").isValid)
    }
}
