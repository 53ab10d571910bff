import HandbookContent
import HandbookIndex
import HandbookRender
import HandbookSystem

// The keys of the build's caches, one type each: a cache hit means that
// everything the cached value was made from is the same. (Hash values are
// per process: these keys live in memory only.)

/// A file's version and the settings it was parsed with.
struct ParseKey: Hashable, Sendable {
    var stamp: FileStamp
    var settings: SettingsKey
    var source: SourceFile
}

/// Everything about a page that other pages, the navigation, the index and
/// the derived pages can depend on: not its prose, and not the positions of
/// things in it. Two versions of a page with the same key differ only in
/// what the page itself renders. In two parts: its `identity` (path, id,
/// title, front matter: what addresses, navigation and the leadership model
/// read) and its `structure` (headings, anchors, links: what links and
/// backlinks read).
struct PageMetadataKey: Hashable, Sendable {
    let identity: Int
    let structure: Int

    init(_ page: Page) {
        var h = Hasher()
        h.combine(page.source.path)
        h.combine(page.id)
        h.combine(page.title)
        h.combine(page.isFolderIndex)
        h.combine(page.frontMatterSource)
        identity = h.finalize()
        var s = Hasher()
        let document = page.document
        for heading in document.headings {
            s.combine(heading.level)
            s.combine(heading.text)
            s.combine(heading.id)
        }
        s.combine(document.htmlAnchors)
        // Links, with the heading each one follows (backlinks name that section).
        var headingIndex = -1
        var next = 0
        for link in document.links {
            while next < document.headings.count, document.headings[next].line <= link.line {
                headingIndex = next
                next += 1
            }
            s.combine(link.kind.rawValue)
            s.combine(link.destination)
            s.combine(headingIndex)
        }
        structure = s.finalize()
    }
}

/// Everything the index, route and validate stages read: when it is the same,
/// their results are too, except for the links of pages whose text changed.
struct SiteKey: Hashable, Sendable {
    var settings: SettingsKey
    var theme: Int
    var today: CalendarDate
    var checks: SiteChecks.Options
    var assets: [String]
    var pages: [PageMetadataKey]
}

/// Everything a route's output is made from (its render job, the theme and
/// the settings).
struct RenderKey: Hashable, Sendable {
    let value: Int

    init(_ job: SiteRenderer.Job, configuration: Configuration) {
        var h = Hasher()
        h.combine(job)
        h.combine(configuration.theme.fingerprint)
        h.combine(configuration.key)
        value = h.finalize()
    }
}
