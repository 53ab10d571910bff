import Foundation
import HandbookDiagnostics
import HandbookSystem

/// A file found under the content folder.
package struct SourceFile: Sendable, Hashable {
    /// Path inside the content folder, with `/`: `roles/engineering-manager.md`.
    package var path: String
    /// Absolute path on disk.
    package var absolutePath: String
    /// Path for diagnostics, relative to the site root: `content/roles/engineering-manager.md`.
    package var displayPath: String

    package var isMarkdown: Bool { path.lowercased().hasSuffix(".md") }

    package init(path: String, absolutePath: String, displayPath: String) {
        self.path = path
        self.absolutePath = absolutePath
        self.displayPath = displayPath
    }
}

/// Walks the content folder: Markdown files are pages, everything else is an
/// asset. Dot-files, `node_modules` and the output folder are skipped; a
/// symlink that leads back into a folder already being walked is reported and
/// not followed, so a loop cannot hang the build. A symlink that leads
/// outside the site (and its content folder) is reported and not followed
/// unless `follow_symlinks: true`: a link to `/etc` must not publish it.
package enum ContentScanner {
    package struct Result: Sendable {
        package var pages: [SourceFile]
        package var assets: [SourceFile]
        package var diagnostics: [Diagnostic]
    }

    /// `excluding` holds absolute folders never to enter (the output folder,
    /// and `templates/` when the site root is the content).
    package static func scan(_ layout: SiteLayout, excluding: [String]) -> Result {
        var walker = Walker(layout: layout, excluded: Set(excluding))
        walker.walk(directory: layout.contentDir, relative: "", ancestors: [])
        walker.pages.sort { $0.path < $1.path }
        walker.assets.sort { $0.path < $1.path }
        if walker.pages.isEmpty {
            walker.diagnostics.append(
                .warning(
                    DiagnosticID.contentEmpty, at: SourceLocation(file: layout.displayPath(layout.contentDir)),
                    "no Markdown files here: the site has only the pages Handbook makes",
                    note: "add .md files, or point --site at the folder that holds them"))
        }
        return Result(pages: walker.pages, assets: walker.assets, diagnostics: walker.diagnostics)
    }

    private struct Walker {
        let layout: SiteLayout
        let excluded: Set<String>
        /// Real paths a symbolic link may lead into: the site and its content folder.
        let insideRoots: [String]
        var pages: [SourceFile] = []
        var assets: [SourceFile] = []
        var diagnostics: [Diagnostic] = []

        init(layout: SiteLayout, excluded: Set<String>) {
            self.layout = layout
            self.excluded = excluded
            insideRoots = [layout.root, layout.contentDir].map { FileSystem.realPath($0) ?? $0 }
        }

        /// `real`: the folder's path with symbolic links resolved, when the
        /// caller knows it (a folder reached without a link is its parent's
        /// real path and its name).
        mutating func walk(directory: String, relative: String, real known: String? = nil, ancestors: Set<String>) {
            let real = known ?? FileSystem.realPath(directory) ?? directory
            if ancestors.contains(real) {
                diagnostics.append(
                    .warning(
                        DiagnosticID.contentSymlinkLoop, at: SourceLocation(file: layout.displayPath(directory)),
                        "symbolic link loop: this folder leads back to one that contains it; not followed"))
                return
            }
            var ancestors = ancestors
            ancestors.insert(real)
            let entries: [(name: String, kind: FileSystem.EntryKind?)]
            switch FileSystem.typedEntries(of: directory) {
            case .success(let found): entries = found.sorted { $0.name < $1.name }
            case .failure(let error):
                diagnostics.append(
                    .error(DiagnosticID.contentUnreadable, at: SourceLocation(file: layout.displayPath(directory)), "cannot read folder: \(error)"))
                return
            }
            for (name, known) in entries where !name.hasPrefix(".") && name != "node_modules" {
                let absolute = directory + "/" + name
                if excluded.contains(absolute) { continue }
                if directory == layout.contentDir, absolute == layout.configFile { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                // The folder's entry tells files and folders apart; a symbolic
                // link (or a file system that does not say) needs a look.
                var kind = known
                if kind == nil {
                    var info = stat()
                    guard stat(absolute, &info) == 0 else {
                        diagnostics.append(
                            .warning(DiagnosticID.contentBrokenSymlink, at: SourceLocation(file: layout.displayPath(absolute)), "cannot read '\(name)' (a broken symbolic link?); skipped"))
                        continue
                    }
                    if FileSystem.kind(of: absolute) == .symbolicLink, !layout.config.followSymlinks,
                        let target = FileSystem.realPath(absolute), !insideRoots.contains(where: { FileSystem.isInside(target, $0) })
                    {
                        diagnostics.append(
                            .warning(
                                DiagnosticID.contentSymlinkOutside, at: SourceLocation(file: layout.displayPath(absolute)),
                                "symbolic link to \(target), outside the site; not followed",
                                note: "set follow_symlinks: true in handbook.yml to publish what it leads to"))
                        continue
                    }
                    kind = switch info.st_mode & S_IFMT {
                    case S_IFDIR: .directory
                    case S_IFREG: .regularFile
                    default: .other
                    }
                }
                let file = SourceFile(path: path, absolutePath: absolute, displayPath: layout.displayPath(absolute))
                switch kind {
                case .directory:
                    walk(directory: absolute, relative: path, real: known == nil ? nil : (real == "/" ? "" : real) + "/" + name, ancestors: ancestors)
                case .regularFile: if file.isMarkdown { pages.append(file) } else { assets.append(file) }
                default: continue
                }
            }
        }
    }
}
