import Foundation
import HandbookDiagnostics

/// Writes the built site into a temporary folder beside the output folder and
/// then puts it in place of the old one, so readers (and a failed build) never
/// see a half-written site.
enum OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ files: [OutputFile], to output: String) throws {
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
        removeStaleTemporaries(in: parent, name: name)
        let staging = parent + "/.\(name).tmp-\(getpid())"
        try? fm.removeItem(atPath: staging)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        do {
            var folders: Set<String> = []
            for file in files {
                var folder = (file.path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            for folder in folders.sorted() {
                try fm.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
            }
            let errors = parallelMap(files) { file -> String? in
                let target = staging + "/" + file.path
                do {
                    switch file.contents {
                    case .text(let text):
                        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
                    case .copy(let source):
                        try Data(contentsOf: URL(fileURLWithPath: source)).write(to: URL(fileURLWithPath: target))
                    }
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }
            if let first = errors.compactMap({ $0 }).first { throw Failure(description: "cannot write \(first)") }
            try swap(staging, into: output)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    /// Moves the old output aside, the new one in, then deletes the old one.
    private static func swap(_ staging: String, into output: String) throws {
        let fm = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let old = parent + "/.\(name).old-\(getpid())"
        var hadOld = false
        if fm.fileExists(atPath: output) {
            guard rename(output, old) == 0 else { throw Failure(description: "cannot move the old \(output) aside: \(String(cString: strerror(errno)))") }
            hadOld = true
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old, output) }
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
        if hadOld { try? fm.removeItem(atPath: old) }
    }

    /// Deletes what an earlier, killed build left beside the output folder.
    private static func removeStaleTemporaries(in parent: String, name: String) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).tmp-") || entry.hasPrefix(".\(name).old-") {
            try? fm.removeItem(atPath: parent + "/" + entry)
        }
    }
}
