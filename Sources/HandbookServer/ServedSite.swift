import Foundation
import HandbookBuild
import HandbookSystem

/// The last good build, held in memory and served as it is: nothing is
/// written to disk, so no reader ever sees a half-written page. It wraps the
/// build session's snapshot of the site: publishing a rebuild copies nothing.
struct ServedSite: Sendable {
    let site: RenderedSite
    /// Real paths of the folders assets may be read from: a symbolic link in
    /// the content that leads outside them is refused. Nil when the site sets
    /// `follow_symlinks: true` (the build publishes what they lead to).
    let allowedRoots: [String]?

    init(site: RenderedSite, allowedRoots: [String]?) {
        self.site = site
        self.allowedRoots = allowedRoots?.map(FileSystem.resolvedPath)
    }

    /// A site of these files (tests).
    init(files: [OutputFile], allowedRoots: [String]?) {
        self.init(site: RenderedSite(files: files), allowedRoots: allowedRoots)
    }

    static let empty = ServedSite(files: [], allowedRoots: [])

    /// The bytes of a file, or nil if it is not part of the site (or an asset
    /// that resolves outside the site's folders).
    func contents(of path: String) -> Data? {
        switch site.contents(of: path) {
        case .text(let text)?: return Data(text.utf8)
        case .bytes(let bytes)?: return Data(bytes)
        case .copy(let source)?:
            let real = FileSystem.resolvedPath(source)
            if let allowedRoots, !allowedRoots.contains(where: { FileSystem.isInside(real, $0) }) { return nil }
            return FileManager.default.contents(atPath: real)
        case nil: return nil
        }
    }

    func contains(_ path: String) -> Bool { site.contents(of: path) != nil }
}
