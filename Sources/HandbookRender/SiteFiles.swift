import HandbookContent
import HandbookEscaping
import HandbookIndex

/// The files a static host and crawlers look for: `sitemap.xml` and `robots.txt`.
package enum SiteFiles {
    /// A sitemap of every page a reader may land on, with absolute URLs from
    /// an absolute `base_url` (the format requires them; without one there is
    /// no sitemap). `lastmod` is the page's last commit (from git) or its
    /// `last_reviewed`, whichever is later, so it changes when people change
    /// or review a page, never because a build ran.
    package static func sitemap(_ site: SiteModel, history: GitHistory? = nil) -> String? {
        guard let base = site.index.settings.baseURL, let schemeEnd = base.range(of: "://") else { return nil }
        let host = base[..<(base[schemeEnd.upperBound...].firstIndex(of: "/") ?? base.endIndex)]
        var entries: [(loc: String, lastmod: String?)] = []
        for route in site.routes.routes where route.isListed {
            var lastmod: String?
            if case .page(let i) = route.kind {
                let page = site.index.pages[i]
                let changed = history?.files[page.source.displayPath].map { HistoryView($0).datetime }
                lastmod = [page.frontMatter.lastReviewed, changed].compactMap { $0 }.max()
            }
            entries.append((String(host) + site.url(of: route), lastmod))
        }
        entries.sort { $0.loc < $1.loc }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            xml += "<url><loc>\(Escape.xml(entry.loc))</loc>"
            if let lastmod = entry.lastmod { xml += "<lastmod>\(Escape.xml(lastmod))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Closed to crawlers unless the handbook says `public: true`.
    package static func robots(isPublic: Bool, sitemapURL: String?) -> String {
        guard isPublic else {
            return "# An internal handbook: no crawling. Set `public: true` in handbook.yml to allow it.\nUser-agent: *\nDisallow: /\n"
        }
        return "User-agent: *\nAllow: /\n" + (sitemapURL.map { "Sitemap: \($0)\n" } ?? "")
    }
}
