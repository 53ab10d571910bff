import Foundation
import Testing

@testable import HandbookServer

/// The watcher with real files, for the ways editors and tools save.
@Suite(.serialized) struct FileWatcherTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try "one".write(to: url.appendingPathComponent("page.md"), atomically: false, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// Starts a watcher, runs `change`, and returns the batches seen within `wait` seconds.
    /// Async, so that waiting never blocks the threads the collecting task needs.
    func batches(poll: Bool = false, wait: Double = 2.0, _ change: (Folder) async throws -> Void) async throws -> [FileWatcher.Batch] {
        let folder = try Folder()
        let watcher = FileWatcher(roots: [folder.url.path], poll: poll)
        let collected = Collected()
        let stream = watcher.changes()
        let task = Task { for await batch in stream { await collected.add(batch) } }
        if poll { try await Task.sleep(for: .milliseconds(50)) }
        try await change(folder)
        try await Task.sleep(for: .seconds(wait))
        watcher.stop()
        task.cancel()
        return collected.snapshot()
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [FileWatcher.Batch] = []
        func add(_ batch: FileWatcher.Batch) async { lock.withLock { items.append(batch) } }
        func snapshot() -> [FileWatcher.Batch] { lock.withLock { items } }
    }

    @Test func inPlaceWriteReportsThePath() async throws {
        var path = ""
        let seen = try await batches { folder in
            path = folder.path("page.md")
            try "two".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(seen.count == 1, "a burst of events is one batch")
        #expect(seen.first == Set([path]))
    }

    /// A save that renames the old file aside and writes a new one is an
    /// edit of the page (the build re-reads only it).
    @Test func vimStyleRenameOnSaveReportsThePath() async throws {
        var path = ""
        let seen = try await batches { folder in
            path = folder.path("page.md")
            try "x".write(toFile: folder.path("4913"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("4913"))
            try FileManager.default.moveItem(atPath: folder.path("page.md"), toPath: folder.path("page.md~"))
            try "two".write(toFile: folder.path("page.md"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("page.md~"))
        }
        #expect(seen.count == 1)
        #expect(try #require(seen.first) == Set([path]))
    }

    /// A temporary file renamed over the page: the page changed, the temporary is nothing.
    @Test func sedInPlaceAndAtomicRenameReportThePath() async throws {
        var path = ""
        let seen = try await batches { folder in
            path = folder.path("page.md")
            try "two".write(toFile: folder.path("sedAbC123"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("page.md"))
            try FileManager.default.moveItem(atPath: folder.path("sedAbC123"), toPath: folder.path("page.md"))
        }
        #expect(seen.count == 1)
        #expect(try #require(seen.first) == Set([path]))
    }

    @Test func aDeletedOrMovedAwayFileAsksForARescan() async throws {
        let deleted = try await batches { folder in try FileManager.default.removeItem(atPath: folder.path("page.md")) }
        #expect(deleted.count == 1)
        #expect(try #require(deleted.first) == nil)
        let moved = try await batches { folder in
            try FileManager.default.moveItem(atPath: folder.path("page.md"), toPath: folder.path("sub/page.md"))
        }
        #expect(try #require(moved.first) == nil, "the old path went")
    }

    @Test func aNewFileIsReportedByItsPath() async throws {
        var path = ""
        let seen = try await batches { folder in
            path = folder.path("sub/new.md")
            try "new".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(seen.count == 1)
        #expect(try #require(seen.first) == Set([path]), "the build rescans for a path it does not know")
    }

    @Test func newFolderIsWatchedToo() async throws {
        let seen = try await batches(wait: 2.0) { folder in
            try FileManager.default.createDirectory(atPath: folder.path("new"), withIntermediateDirectories: true)
            try await Task.sleep(for: .milliseconds(400))
            try "a".write(toFile: folder.path("new/a.md"), atomically: false, encoding: .utf8)
            try await Task.sleep(for: .milliseconds(400))
            try "b".write(toFile: folder.path("new/a.md"), atomically: false, encoding: .utf8)
        }
        #expect(seen.contains { $0 == Set([$0?.first ?? ""]) && $0?.first?.hasSuffix("/new/a.md") == true }, "\(seen)")
    }

    @Test func movingAFolderOutAsksForARescan() async throws {
        let seen = try await batches { folder in
            try FileManager.default.moveItem(atPath: folder.path("sub"), toPath: folder.url.deletingLastPathComponent().appendingPathComponent("moved-\(UUID().uuidString)").path)
        }
        #expect(try #require(seen.first) == nil)
    }

    @Test func scratchFilesAloneAreIgnored() async throws {
        let seen = try await batches { folder in
            try "x".write(toFile: folder.path(".page.md.swp"), atomically: false, encoding: .utf8)
            try "x".write(toFile: folder.path("page.md~"), atomically: false, encoding: .utf8)
            try "x".write(toFile: folder.path("notes.tmp"), atomically: false, encoding: .utf8)
        }
        #expect(seen.isEmpty, "\(seen)")
    }

    @Test func pollingFallbackSeesAWrite() async throws {
        var path = ""
        let seen = try await batches(poll: true, wait: 2.0) { folder in
            path = folder.path("page.md")
            try await Task.sleep(for: .milliseconds(50))
            try "changed".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(seen.first == Set([path]))
    }
}
