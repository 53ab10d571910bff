import Foundation
import HandbookBuild
import HandbookSystem

/// The last good build, held in memory and served as it is: nothing is
/// written to disk, so no reader ever sees a half-written page.
struct ServedSite: Sendable {
    enum Body: Sendable {
        /// Kept as the build's string: converting every page to bytes on each
        /// rebuild would copy the whole site; a request converts one page.
        case text(String)
        /// An asset served from its source file, read at request time.
        case file(String)
    }

    /// Output path (`roles/em/index.html`) → body.
    var files: [String: Body]
    /// Real paths of the folders assets may be read from: a symbolic link in
    /// the content that leads outside them is refused. Nil when the site sets
    /// `follow_symlinks: true` (the build publishes what they lead to).
    var allowedRoots: [String]?

    init(files outputFiles: [OutputFile], allowedRoots: [String]?) {
        var files: [String: Body] = [:]
        for file in outputFiles {
            switch file.contents {
            case .text(let text): files[file.path] = .text(text)
            case .copy(let source): files[file.path] = .file(source)
            }
        }
        self.files = files
        self.allowedRoots = allowedRoots?.map(FileSystem.resolvedPath)
    }

    static let empty = ServedSite(files: [], allowedRoots: [])

    /// The bytes of a file, or nil if it is not part of the site (or an asset
    /// that resolves outside the site's folders).
    func contents(of path: String) -> Data? {
        switch files[path] {
        case .text(let text)?: return Data(text.utf8)
        case .file(let source)?:
            let real = FileSystem.resolvedPath(source)
            if let allowedRoots, !allowedRoots.contains(where: { FileSystem.isInside(real, $0) }) { return nil }
            return FileManager.default.contents(atPath: real)
        case nil: return nil
        }
    }

    func contains(_ path: String) -> Bool { files[path] != nil }
}
