import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookIndex
import HandbookMarkdown

/// `handbook check --since REF`: the site as it was at a git ref (a pull
/// request's base) against the work tree. Pages moved, deleted, and headings
/// renamed or removed since then are the causes; the links of today's site
/// that they break are already `link.broken` and `link.broken-anchor`
/// diagnostics, whose notes then name the cause. A moved page whose old
/// address no longer works is a `page.moved` warning offering the `aliases:`
/// line that keeps it (`--fix` writes it).
package struct SinceCheck: Sendable {
    package struct Move: Sendable {
        /// Source paths below the content folder, then and now.
        package var from: String
        package var to: String
        /// The page now, by its index in today's site.
        package var page: Int
        /// Its old address below the base path (`process/retro/`).
        package var oldURLPath: String
        /// Some alias of the page keeps that address.
        package var kept: Bool
    }

    package var ref: String
    package var moved: [Move] = []
    package var deleted: [String] = []
    /// Headings (their old ids) that are gone from pages that are still there.
    package var removedAnchors = 0
    /// Link diagnostics' locations → what this change did to their target.
    private var causes: [SourceLocation: String] = [:]

    package enum Failure: Error, CustomStringConvertible {
        case notGit(String)
        case unknownRef(String)
        case oldSite(String)

        package var description: String {
            switch self {
            case .notGit(let folder): "--since needs a git work tree, and \(folder) is not in one"
            case .unknownRef(let ref): "--since: git knows no commit '\(ref)' here (fetch it first, e.g. git fetch origin main)"
            case .oldSite(let ref): "--since: the site at \(ref) could not be read"
            }
        }
    }

    /// Compares `current` (the work tree's site, in `root`) with the site at `ref`.
    package static func run(root: String, ref: String, current: SiteModel) -> Result<SinceCheck, Failure> {
        guard case .ready = GitHistory.probe(root: root) else { return .failure(.notGit(root)) }
        guard Git.run(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], in: root) != nil else { return .failure(.unknownRef(ref)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-since-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard let archive = Git.data(["archive", "--format=tar", ref], in: root),
            (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
            (try? archive.write(to: URL(fileURLWithPath: folder + "/site.tar"))) != nil,
            run("/usr/bin/env", ["tar", "-xf", "site.tar"], in: folder)
        else { return .failure(.oldSite(ref)) }
        var options = BuildOptions(site: folder, write: false)
        options.readsHistory = false
        options.indexOnly = true
        guard let old = BuildSession(options: options).run().model else { return .failure(.oldSite(ref)) }
        let prefix = current.index.settings.contentPrefix.isEmpty ? "" : current.index.settings.contentPrefix + "/"
        var renames: [String: String] = [:]
        if let diff = Git.data(["diff", "--name-status", "-M", "--relative", "-z", ref, "--", "."], in: root) {
            let fields = diff.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            var k = 0
            while k < fields.count {
                let paths = fields[k].hasPrefix("R") || fields[k].hasPrefix("C") ? 2 : 1
                if fields[k].hasPrefix("R"), k + 2 < fields.count, fields[k + 1].hasPrefix(prefix), fields[k + 2].hasPrefix(prefix) {
                    renames[String(fields[k + 1].dropFirst(prefix.count))] = String(fields[k + 2].dropFirst(prefix.count))
                }
                k += paths + 1
            }
        }
        var check = SinceCheck(ref: ref)
        check.compare(old: old, current: current, renames: renames)
        return .success(check)
    }

    /// What became of each page of `old`, and which of today's links that breaks.
    mutating func compare(old: SiteModel, current: SiteModel, renames: [String: String]) {
        let index = current.index
        // Old pages by every way a link may name them: path without `.md`, folder, address.
        var gone: [String: String] = [:]  // key → the cause, for a note
        var oldPathOfPage: [Int: String] = [:]
        for page in old.index.pages {
            if let now = index.pageIndex(atSource: page.source.path) {
                oldPathOfPage[now] = page.source.path
                continue
            }
            let cause: String
            if let to = renames[page.source.path], let now = index.pageIndex(atSource: to) {
                oldPathOfPage[now] = page.source.path
                let kept = index.pages[now].frontMatter.aliases.contains {
                    RoutePaths.alias($0, basePath: index.basePath) == page.urlPath
                }
                moved.append(Move(from: page.source.path, to: to, page: now, oldURLPath: page.urlPath, kept: kept))
                cause = "\(page.source.path) moved to \(to) since \(ref): link to the new path"
            } else {
                deleted.append(page.source.path)
                cause = "\(page.source.path) was deleted since \(ref): link to what replaces it, or remove the link"
            }
            for key in Self.keys(of: page) { gone[key] = cause }
        }
        let oldByPath = Dictionary(old.index.pages.enumerated().map { ($0.element.source.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var counted: Set<String> = []
        for (source, entries) in current.graph.entries.enumerated() {
            let file = index.pages[source].source.displayPath
            for entry in entries {
                let at = SourceLocation(file: file, line: entry.link.line, column: entry.link.column)
                switch entry.resolution {
                case .broken(let target):
                    if let cause = gone[Self.key(target)] { causes[at] = cause }
                case .page(let target, let fragment?, _) where !fragment.isEmpty && !index.anchors(ofPage: target).contains(fragment):
                    guard let path = oldPathOfPage[target], let o = oldByPath[path], old.index.anchors(ofPage: o).contains(fragment) else { continue }
                    let before = old.index.pages[o].document.headings
                    guard let k = before.firstIndex(where: { $0.id == fragment }) else { continue }
                    if counted.insert(path + "#" + fragment).inserted { removedAnchors += 1 }
                    let now = index.pages[target].document.headings
                    let renamed = k < now.count && now[k].id != fragment && !old.index.anchors(ofPage: o).contains(now[k].id) ? now[k] : nil
                    causes[at] =
                        "the heading '\(before[k].text)' (#\(fragment)) "
                        + (renamed.map { "was renamed to '\($0.text)' (#\($0.id)) since \(ref)" } ?? "was removed since \(ref)")
                        + "; link to the new anchor, or keep the old one by ending the heading with {#\(fragment)}"
                default:
                    break
                }
            }
        }
    }

    /// The diagnostics of today's site, with the notes of the links this
    /// change breaks naming the cause, and a `page.moved` warning for each
    /// moved page whose old address nothing keeps (unless `fixed` holds it).
    package func annotate(_ diagnostics: [Diagnostic], site: SiteModel, fixed: Set<Int> = []) -> [Diagnostic] {
        var result = diagnostics.map { diagnostic -> Diagnostic in
            guard diagnostic.identifier == DiagnosticID.linkBroken || diagnostic.identifier == DiagnosticID.linkBrokenAnchor,
                let at = diagnostic.location, let cause = causes[at]
            else { return diagnostic }
            var annotated = diagnostic
            annotated.note = cause
            return annotated
        }
        for move in moved where !move.kept && !fixed.contains(move.page) {
            let page = site.index.pages[move.page]
            let inbound = causes.values.filter { $0.hasPrefix(move.from + " moved") }.count
            result.append(
                .warning(
                    DiagnosticID.pageMoved, at: SourceLocation(file: page.source.displayPath),
                    "moved from \(move.from) since \(ref): its old address \(site.index.url(move.oldURLPath)) no longer works"
                        + (inbound > 0 ? " (\(inbound) link\(inbound == 1 ? "" : "s") in the handbook still point\(inbound == 1 ? "s" : "") at it)" : ""),
                    note: "keep it with `aliases: [\(Self.alias(of: move))]` in the front matter (check --since \(ref) --fix writes it)"))
        }
        return result
    }

    /// Writes the `aliases:` of every moved page whose old address nothing
    /// keeps; the pages fixed, by index.
    package func fix(site: SiteModel, root: String) -> Set<Int> {
        var fixed: Set<Int> = []
        for move in moved where !move.kept {
            let path = site.index.pages[move.page].source.absolutePath
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = FrontMatterEditor.addingAlias(Self.alias(of: move), to: String(decoding: data, as: UTF8.self))
            if (try? Data(text.utf8).write(to: URL(fileURLWithPath: path))) != nil { fixed.insert(move.page) }
        }
        return fixed
    }

    /// "2 pages moved, 1 deleted, 1 heading renamed or removed; 4 links break".
    package var summary: String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return "since \(ref): " + count(moved.count, "page moved", "pages moved") + ", " + count(deleted.count, "deleted", "deleted") + ", "
            + count(removedAnchors, "heading renamed or removed", "headings renamed or removed") + "; "
            + count(causes.count, "link breaks", "links break")
    }

    private static func alias(of move: Move) -> String { "/" + move.oldURLPath }

    /// How a link may name a page: its path without `.md`, its folder (for an index page), its address.
    private static func keys(of page: Page) -> [String] {
        var keys = [key(page.source.path), key(page.urlPath)]
        if page.isFolderIndex { keys.append(key(page.sourceFolder)) }
        return keys
    }

    private static func key(_ target: String) -> String {
        var key = target
        for suffix in ["/index.html", ".html", ".md", "/"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        return key.lowercased()
    }

    private static func run(_ tool: String, _ arguments: [String], in folder: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
