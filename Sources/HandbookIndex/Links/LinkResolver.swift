import Foundation
import HandbookContent
import HandbookMarkdown

/// Resolves links written in pages to the pages, anchors and assets of the
/// site, in every style real handbooks use:
///
/// - relative links to `.md` files, folders and assets, with `../`, `#fragment`
///   and `?query`;
/// - site-root links with or without `.md` (`/roles/engineering-manager/`);
/// - absolute URLs to the site itself (`base_url`) or to its source repository
///   (`repo_url` + `/blob/<branch>/…` or `/tree/<branch>/…`);
/// - wiki links `[[target#anchor|label]]`, by id, then path, then file name,
///   then title, ignoring case;
/// - `href` and `src` in raw HTML, like Markdown links.
package struct LinkResolver: Sendable {
    package let index: SiteIndex
    package let routes: RouteTable

    package init(index: SiteIndex, routes: RouteTable) {
        self.index = index
        self.routes = routes
    }

    package enum Resolution: Sendable, Equatable {
        /// Not a link into the site (`https://elsewhere`, `mailto:`).
        case external
        /// `#fragment` on the same page.
        case sameDocument(fragment: String)
        /// A page, by its index in `SiteIndex.pages`.
        case page(Int, fragment: String?, query: String)
        /// A page or file Handbook generates (a section page, a tag page, the
        /// org chart, a ladder's level…), by its index in `RouteTable.routes`.
        case generated(Int, fragment: String?)
        /// A file under the content folder.
        case asset(String)
        /// A page that exists but is a draft (not published).
        case draft(sourcePath: String)
        /// A wiki link that fits several pages.
        case ambiguous([Int])
        /// `javascript:`, `vbscript:` or `data:`.
        case unsafe
        /// Into the site, but nothing is there. `target` is what was looked for.
        case broken(target: String)
    }

    package func resolve(_ link: LinkReference, from page: Page) -> Resolution {
        if link.kind == .wiki { return resolveWiki(link.destination, from: page) }
        let destination = Self.trimmingBlanks(link.destination)
        if destination.isEmpty { return .external }
        if HTMLSafety.isDangerousURL(destination) { return .unsafe }
        if destination.hasPrefix("#") { return .sameDocument(fragment: Self.decode(String(destination.dropFirst()))) }
        if destination.hasPrefix("//") { return .external }
        if Self.hasScheme(destination) {
            guard let rooted = internalPath(ofAbsolute: destination) else { return .external }
            return resolvePath(rooted, from: page, rooted: true)
        }
        return resolvePath(destination, from: page, rooted: destination.hasPrefix("/"))
    }

    /// The site-root path of an absolute URL that points at this site, if it does.
    private func internalPath(ofAbsolute url: String) -> String? {
        if let base = index.settings.baseURL, let rest = Self.strip(prefix: base, from: url) {
            return "/" + rest
        }
        if let repo = index.settings.repoURL {
            for kind in ["/blob/", "/tree/"] {
                guard let rest = Self.strip(prefix: repo + kind, from: url) else { continue }
                // Drop the branch name, then the content folder.
                guard let slash = rest.firstIndex(of: "/") else { return "/" }
                var path = String(rest[rest.index(after: slash)...])
                let prefix = index.settings.contentPrefix
                if !prefix.isEmpty {
                    guard path == prefix || path.hasPrefix(prefix + "/") || path.hasPrefix(prefix + "#") else { return nil }
                    path = String(path.dropFirst(prefix.count))
                }
                return path.hasPrefix("/") ? path : "/" + path
            }
        }
        return nil
    }

    /// `url` without `prefix` (compared without a trailing slash), or nil.
    private static func strip(prefix: String, from url: String) -> String? {
        var prefix = prefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        guard url.hasPrefix(prefix) else { return nil }
        let rest = url.dropFirst(prefix.count)
        if rest.isEmpty { return "" }
        guard let first = rest.first, first == "/" || first == "#" || first == "?" else { return nil }
        return String(first == "/" ? rest.dropFirst() : rest)
    }

    private func resolvePath(_ destination: String, from page: Page, rooted: Bool) -> Resolution {
        // Cut `#fragment` and `?query` off by bytes: links are mostly ASCII.
        var path = Substring(destination)
        var fragment: String?
        var query = ""
        if let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = Self.decode(String(destination[destination.index(after: hash)...]))
            path = destination[..<hash]
        }
        if let mark = path.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = String(path[mark...])
            path = path[..<mark]
        }
        var decoded = Self.decode(String(path))
        let target: String?
        if rooted {
            if index.basePath != "/", decoded.hasPrefix(index.basePath) {
                decoded = "/" + decoded.dropFirst(index.basePath.count)
            }
            target = Self.normalise(String(decoded.drop { $0 == "/" }), from: "")
        } else {
            target = Self.normalise(decoded, from: page.sourceFolder)
        }
        guard let target else { return .broken(target: decoded) }
        return lookUp(target, fragment: fragment, query: query, from: page)
    }

    private func lookUp(_ target: String, fragment: String?, query: String, from page: Page) -> Resolution {
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        var candidates = [trimmed]
        // Links written for the built site of Hugo or MkDocs: `x/index.html`, `x.html`.
        if trimmed.hasSuffix("/index.html") { candidates.append(String(trimmed.dropLast(11))) }
        if trimmed == "index.html" { candidates.append("") }
        if trimmed.hasSuffix(".html") { candidates.append(String(trimmed.dropLast(5))) }
        for candidate in candidates {
            if candidate.isEmpty {
                if let home = index.navigation.root.sourcePath.flatMap({ index.pageIndex(atSource: $0) }) {
                    return .page(home, fragment: fragment, query: query)
                }
                if let r = routes.index(of: .section(folder: "")) { return .generated(r, fragment: fragment) }
                continue
            }
            if let i = index.pageIndex(atSource: candidate) { return .page(i, fragment: fragment, query: query) }
            if index.assets.contains(candidate) { return .asset(candidate) }
            if let i = index.pageIndex(atSource: candidate + ".md") { return .page(i, fragment: fragment, query: query) }
            if let folder = index.navigation.section(forFolder: candidate),
                let i = folder.sourcePath.flatMap({ index.pageIndex(atSource: $0) })
            {
                return .page(i, fragment: fragment, query: query)
            }
            if index.drafts[candidate] != nil { return .draft(sourcePath: candidate) }
            if index.drafts[candidate + ".md"] != nil { return .draft(sourcePath: candidate + ".md") }
            // What Handbook generates is a link target like any page.
            for address in [candidate + "/", candidate] {
                if let route = routes.route(atURLPath: address), let r = routes.index(of: route.kind) {
                    return .generated(r, fragment: fragment)
                }
            }
        }
        return .broken(target: target)
    }

    /// `[[id]]`, `[[path]]`, `[[file-name]]`, `[[Title]]`, each with an optional `#anchor`.
    private func resolveWiki(_ destination: String, from page: Page) -> Resolution {
        var name = destination
        var fragment: String?
        if let hash = name.firstIndex(of: "#") {
            fragment = String(name[name.index(after: hash)...]).trimmingCharacters(in: .whitespaces)
            name = String(name[..<hash]).trimmingCharacters(in: .whitespaces)
        }
        if name.isEmpty {
            return .sameDocument(fragment: fragment ?? "")
        }
        if let i = index.pageIndex(withID: name) { return .page(i, fragment: fragment, query: "") }
        var path = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        while path.hasSuffix("/") { path.removeLast() }
        while path.hasPrefix("/") { path.removeFirst() }
        for matches in [
            index.pageIndices(atFoldedPath: path), index.pageIndices(atFoldedPath: path + "/index"),
            index.pageIndices(atFoldedPath: path + "/_index"), index.pageIndices(atFoldedPath: path + "/readme"),
            index.pageIndices(withStem: path), index.pageIndices(withTitle: name),
        ] where !matches.isEmpty {
            return matches.count == 1 ? .page(matches[0], fragment: fragment, query: "") : .ambiguous(matches)
        }
        let folded = name.lowercased()
        // The first by path, so that every build names the same one.
        let drafts = index.drafts.values.filter { $0.id == name || $0.title.lowercased() == folded }
        if let path = drafts.map(\.source.path).min() { return .draft(sourcePath: path) }
        return .broken(target: name)
    }

    /// What a resolved link becomes in the output; nil keeps it as written.
    package func rewrite(_ resolution: Resolution, for link: LinkReference) -> LinkRewrite? {
        switch resolution {
        case .page(let i, let fragment, let query):
            let url = index.url(ofPage: i) + query + (fragment.map { "#" + $0 } ?? "")
            return LinkRewrite(url: url, text: link.kind == .wiki ? index.pages[i].title : nil)
        case .generated(let r, let fragment):
            return LinkRewrite(url: index.url(of: routes.routes[r]) + (fragment.map { "#" + $0 } ?? ""))
        case .asset(let path):
            return LinkRewrite(url: index.url(path))
        case .sameDocument(let fragment) where link.kind == .wiki:
            return LinkRewrite(url: "#" + fragment)
        default:
            return nil
        }
    }

    /// `s` without leading and trailing spaces and tabs.
    static func trimmingBlanks(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return s }
        return String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    /// Joins a relative path to a folder and removes `.`, `..` and empty
    /// parts, in one pass over the bytes; nil when it climbs above the
    /// content folder. A trailing slash is kept.
    static func normalise(_ path: String, from folder: String) -> String? {
        var out = Array(folder.utf8)
        var trailingSlash = false
        var segment: [UInt8] = []
        func close(_ segment: [UInt8]) -> Bool {
            switch segment {
            case [], [UInt8(ascii: ".")]: return true
            case [UInt8(ascii: "."), UInt8(ascii: ".")]:
                guard !out.isEmpty else { return false }
                if let slash = out.lastIndex(of: UInt8(ascii: "/")) { out.removeSubrange(slash...) } else { out.removeAll() }
                return true
            default:
                if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                out.append(contentsOf: segment)
                return true
            }
        }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard close(segment) else { return nil }
                segment.removeAll(keepingCapacity: true)
                trailingSlash = true
            } else {
                segment.append(byte)
                trailingSlash = false
            }
        }
        guard close(segment) else { return nil }
        if trailingSlash, !out.isEmpty, path.utf8.count > 1 { out.append(UInt8(ascii: "/")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `scheme:` at the start: a letter, then letters, digits, `+`, `-` or `.`.
    static func hasScheme(_ s: String) -> Bool {
        var first = true
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): first = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !first else { return false }
            default: return false
            }
        }
        return false
    }

    static func decode(_ s: String) -> String {
        s.utf8.contains(UInt8(ascii: "%")) ? (s.removingPercentEncoding ?? s) : s
    }
}
