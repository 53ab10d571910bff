import HandbookContent
import Mustache

// View models handed to the templates. Each conforms to `MustacheParent` so
// that swift-mustache reads fields by name instead of through reflection.

/// Site-wide values, the same on every page.
package struct SiteView: Sendable, Hashable, MustacheParent {
    package var title: String
    package var language: String
    /// URL of the home page (the base path).
    package var homeURL: String
    /// URL of the folder holding the theme's static files.
    package var themeURL: String
    /// Links to the derived overview pages (org chart, processes, tags, reports).
    package var links: [LinkView] = []

    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "language": language
        case "homeURL": homeURL
        case "themeURL": themeURL
        case "links": links
        case "hasLinks": !links.isEmpty
        default: nil
        }
    }
}

/// A titled link: breadcrumbs, section entries, tags, previous and next.
package struct LinkView: Sendable, Hashable, MustacheParent {
    package var title: String
    package var url: String
    package var isSection = false
    /// A short extra line: the section a backlink comes from, a tag's page count.
    package var detail: String?

    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isSection": isSection
        case "detail": detail
        default: nil
        }
    }
}

/// One entry of a page's table of contents (its h2 and h3 headings).
package struct TOCEntryView: Sendable, Hashable, MustacheParent {
    package var title: String
    package var url: String
    package var level: Int

    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "level": level
        case "isSubsection": level > 2
        default: nil
        }
    }
}

/// One entry of a sidebar list. `children` is the HTML of the entry's own
/// list when it is open (inserted with `{{{children}}}`), else empty.
struct NavigationEntryView: Sendable, Hashable, MustacheParent {
    var title: String
    var url: String
    var isSection: Bool
    var children: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isSection": isSection
        case "children": children
        default: nil
        }
    }
}

/// The entries of one folder (or a chunk of a long one), as
/// `navigation.mustache` sees them; `more` links to the folder's page when
/// the list was cut.
struct NavigationListView: Sendable, Hashable, MustacheParent {
    var entries: [NavigationEntryView]
    var more: LinkView?

    func child(named name: String) -> Any? {
        switch name {
        case "entries": entries
        case "more": more
        default: nil
        }
    }
}

/// A page (or a generated section page) as its template sees it.
package struct PageView: Sendable, Hashable, MustacheParent {
    package var site: SiteView
    package var title: String
    package var url: String
    package var kind: String
    package var summary: String?
    /// Pre-rendered HTML of the body, inserted with `{{{body}}}`.
    package var body: String?
    /// False when the body starts with its own level-1 heading.
    package var showTitle: Bool
    /// That heading's HTML, lifted out of `body`, inserted with `{{{heading}}}`.
    package var heading: String? = nil
    /// Pre-rendered sidebar, inserted with `{{{navigation}}}`.
    package var navigation: String
    package var breadcrumbs: [LinkView]
    /// Entries of a section page.
    package var entries: [LinkView]
    package var toc: [TOCEntryView] = []
    /// Pages that link here ("Referenced by").
    package var backlinks: [LinkView] = []
    package var previous: LinkView?
    package var next: LinkView?
    package var tags: [LinkView] = []
    package var role: RoleView?
    package var process: ProcessView?
    package var ladder: LadderView?
    package var matrix: MatrixView?
    package var level: LevelView?
    /// The org chart's nested lists (HTML), inserted with `{{{orgChart}}}`.
    package var orgChart: String?
    package var groups: [ReportGroupView] = []
    package var review: ReviewView?
    /// Front matter keys Handbook does not know, for custom templates.
    package var params: TemplateParams

    package func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": title
        case "url": url
        case "kind": kind
        case "summary": summary
        case "body": body
        case "showTitle": showTitle
        case "heading": heading
        case "navigation": navigation
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": breadcrumbs.count > 0
        case "entries": entries
        case "hasEntries": !entries.isEmpty
        case "toc": toc
        case "hasTOC": toc.count >= 2
        case "backlinks": backlinks
        case "hasBacklinks": !backlinks.isEmpty
        case "previous": previous
        case "next": next
        case "hasPager": previous != nil || next != nil
        case "tags": tags
        case "hasTags": !tags.isEmpty
        case "role": role
        case "process": process
        case "ladder": ladder
        case "matrix": matrix
        case "level": level
        case "orgChart": orgChart
        case "groups": groups
        case "hasGroups": !groups.isEmpty
        case "review": review
        case "params": params
        default: nil
        }
    }
}

/// Front matter keys Handbook does not know (`{{params.team_size}}`), as
/// plain values for the templates.
package struct TemplateParams: Sendable, Hashable, MustacheParent {
    private let entries: [(key: String, value: YAMLValue)]

    package init(_ entries: [(key: String, value: YAMLValue)] = []) { self.entries = entries }

    package func child(named name: String) -> Any? {
        entries.first { $0.key == name }?.value.plain
    }

    package static func == (a: TemplateParams, b: TemplateParams) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
