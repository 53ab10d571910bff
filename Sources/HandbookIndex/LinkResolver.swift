import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookMarkdown

/// Resolves links written in pages to the URLs of the built site.
///
/// Handles relative links to `.md` files, folders and assets (with `../`,
/// `#fragment` and `?query`), and site-root links with or without `.md`
/// (`/roles/engineering-manager/`). External URLs and same-page fragments are
/// left alone.
package struct LinkResolver: Sendable {
    package let index: SiteIndex

    package init(index: SiteIndex) { self.index = index }

    package enum Resolution: Sendable, Equatable {
        /// Not a link into the site (`https://`, `mailto:`, `#top`).
        case external
        /// A link into the site, rewritten to this URL.
        case resolved(String)
        /// A link into the site whose target does not exist.
        case broken(target: String)
    }

    package func resolve(_ destination: String, from page: Page) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || Self.hasScheme(destination) {
            return .external
        }
        var path = Substring(destination)
        var suffix = ""
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[cut...])
            path = path[..<cut]
        }
        let decoded = path.contains("%") ? (path.removingPercentEncoding ?? String(path)) : String(path)
        let target: String?
        if decoded.hasPrefix("/") {
            var rooted = decoded
            if index.basePath != "/", rooted.hasPrefix(index.basePath) {
                rooted = "/" + rooted.dropFirst(index.basePath.count)
            }
            target = Self.normalise(String(rooted.dropFirst()), from: "")
        } else {
            target = Self.normalise(decoded, from: page.sourceFolder)
        }
        guard let target, let urlPath = lookUp(target) else {
            return .broken(target: target ?? decoded)
        }
        return .resolved(index.url(urlPath) + suffix)
    }

    /// The URL path of the page, folder or asset at `target` (a content path).
    func lookUp(_ target: String) -> String? {
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        if let page = index.page(atSource: trimmed) { return page.urlPath }
        if index.assets.contains(trimmed) { return trimmed }
        if trimmed.isEmpty { return "" }
        // A folder, or a path written without `.md` as Hugo and MkDocs sites do.
        if let page = index.page(atSource: trimmed + ".md") { return page.urlPath }
        if index.navigation.section(forFolder: trimmed) != nil { return trimmed + "/" }
        return nil
    }

    /// Joins a relative path to a folder and removes `.` and `..`; `nil` when
    /// it climbs above the content folder.
    static func normalise(_ path: String, from folder: String) -> String? {
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        let trailingSlash = path.hasSuffix("/") && path.count > 1
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/") + (trailingSlash && !parts.isEmpty ? "/" : "")
    }

    static func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}
