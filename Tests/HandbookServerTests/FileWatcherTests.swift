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
    func batches(poll: Bool = false, wait: Double = 1.0, _ change: (Folder) throws -> Void) throws -> [FileWatcher.Batch] {
        let folder = try Folder()
        let watcher = FileWatcher(roots: [folder.url.path], poll: poll)
        let collected = Collected()
        let task = Task { for await batch in watcher.changes() { await collected.add(batch) } }
        Thread.sleep(forTimeInterval: poll ? 0.5 : 0.2)
        try change(folder)
        Thread.sleep(forTimeInterval: wait)
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

    @Test func inPlaceWriteReportsThePath() throws {
        var path = ""
        let seen = try batches { folder in
            path = folder.path("page.md")
            try "two".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(seen.count == 1, "a burst of events is one batch")
        #expect(seen.first == Set([path]))
    }

    @Test func vimStyleRenameOnSaveAsksForARescan() throws {
        let seen = try batches { folder in
            try "x".write(toFile: folder.path("4913"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("4913"))
            try FileManager.default.moveItem(atPath: folder.path("page.md"), toPath: folder.path("page.md~"))
            try "two".write(toFile: folder.path("page.md"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("page.md~"))
        }
        #expect(seen.count == 1)
        #expect(seen.first! == nil)
    }

    @Test func sedInPlaceAndAtomicRenameAskForARescan() throws {
        let seen = try batches { folder in
            try "two".write(toFile: folder.path("sedAbC123"), atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: folder.path("page.md"))
            try FileManager.default.moveItem(atPath: folder.path("sedAbC123"), toPath: folder.path("page.md"))
        }
        #expect(seen.count == 1)
        #expect(seen.first! == nil)
    }

    @Test func newFolderIsWatchedToo() throws {
        let seen = try batches(wait: 1.5) { folder in
            try FileManager.default.createDirectory(atPath: folder.path("new"), withIntermediateDirectories: true)
            Thread.sleep(forTimeInterval: 0.4)
            try "a".write(toFile: folder.path("new/a.md"), atomically: false, encoding: .utf8)
            Thread.sleep(forTimeInterval: 0.4)
            try "b".write(toFile: folder.path("new/a.md"), atomically: false, encoding: .utf8)
        }
        #expect(seen.contains { $0 == Set([$0?.first ?? ""]) && $0?.first?.hasSuffix("/new/a.md") == true }, "\(seen)")
    }

    @Test func movingAFolderOutAsksForARescan() throws {
        let seen = try batches { folder in
            try FileManager.default.moveItem(atPath: folder.path("sub"), toPath: folder.url.deletingLastPathComponent().appendingPathComponent("moved-\(UUID().uuidString)").path)
        }
        #expect(seen.first! == nil)
    }

    @Test func scratchFilesAloneAreIgnored() throws {
        let seen = try batches { folder in
            try "x".write(toFile: folder.path(".page.md.swp"), atomically: false, encoding: .utf8)
            try "x".write(toFile: folder.path("page.md~"), atomically: false, encoding: .utf8)
            try "x".write(toFile: folder.path("notes.tmp"), atomically: false, encoding: .utf8)
        }
        #expect(seen.isEmpty, "\(seen)")
    }

    @Test func pollingFallbackSeesAWrite() throws {
        var path = ""
        let seen = try batches(poll: true, wait: 1.5) { folder in
            path = folder.path("page.md")
            Thread.sleep(forTimeInterval: 0.05)
            try "changed".write(toFile: path, atomically: false, encoding: .utf8)
        }
        #expect(seen.first == Set([path]))
    }
}
