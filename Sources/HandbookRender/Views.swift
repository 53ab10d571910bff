import HandbookContent

// View models handed to the templates. Each answers a template's lookups
// with typed values (`TemplateObject`), so rendering needs no reflection.

/// Site-wide values, the same on every page: one object that every page's
/// view shares, so that `{{site.themeURL}}` copies a reference, not the fields.
package final class SiteView: Sendable, Hashable, TemplateObject {
    package let title: String
    package let language: String
    /// URL of the home page (the base path).
    package let homeURL: String
    /// URL of the folder holding the theme's static files.
    package let themeURL: String
    /// Links to the derived overview pages (org chart, processes, tags, reports).
    package let links: [LinkView]

    package init(title: String, language: String, homeURL: String, themeURL: String, links: [LinkView] = []) {
        self.title = title
        self.language = language
        self.homeURL = homeURL
        self.themeURL = themeURL
        self.links = links
    }

    package static func == (a: SiteView, b: SiteView) -> Bool {
        a === b
            || (a.title == b.title && a.language == b.language && a.homeURL == b.homeURL && a.themeURL == b.themeURL && a.links == b.links)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(language)
        hasher.combine(homeURL)
        hasher.combine(themeURL)
        hasher.combine(links)
    }

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "language": TemplateValue(language)
        case "homeURL": TemplateValue(homeURL)
        case "themeURL": TemplateValue(themeURL)
        case "links": TemplateValue(links)
        default: .none
        }
    }
}

/// A titled link: breadcrumbs, section entries, tags, previous and next.
package struct LinkView: Sendable, Hashable, TemplateObject {
    package var title: String
    package var url: String
    package var isSection = false
    /// A short extra line: the section a backlink comes from, a tag's page count.
    package var detail: String?

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "isSection": TemplateValue(isSection)
        case "detail": TemplateValue(detail)
        default: .none
        }
    }
}

/// One entry of a page's table of contents (its h2 and h3 headings).
package struct TOCEntryView: Sendable, Hashable, TemplateObject {
    package var title: String
    package var url: String
    package var level: Int

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "level": TemplateValue(level)
        case "isSubsection": TemplateValue(level > 2)
        default: .none
        }
    }
}

/// One entry of a sidebar list. `children` is the HTML of the entry's own
/// list when it is open (inserted with `{{{children}}}`), else empty.
struct NavigationEntryView: Sendable, Hashable, TemplateObject {
    var title: String
    var url: String
    var isSection: Bool
    var children: String

    func value(_ name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "isSection": TemplateValue(isSection)
        case "children": TemplateValue(children)
        default: .none
        }
    }
}

/// The entries of one folder (or a chunk of a long one), as
/// `navigation.mustache` sees them; `more` links to the folder's page when
/// the list was cut.
struct NavigationListView: Sendable, Hashable, TemplateObject {
    var entries: [NavigationEntryView]
    var more: LinkView?

    func value(_ name: String) -> TemplateValue {
        switch name {
        case "entries": TemplateValue(entries)
        case "more": TemplateValue(more)
        default: .none
        }
    }
}

/// A page (or a generated section page) as its template sees it.
package struct PageView: Sendable, Hashable, TemplateObject {
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
    /// The sidebar: which pre-rendered parts make it (compared for the
    /// render key) …
    package var navigation: SidebarBuilder.Sidebar?
    /// … and its HTML, spliced when the view is rendered, inserted with `{{{navigation}}}`.
    package var navigationHTML = ""
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
    package var ladderChanges: LadderChangesView?
    /// The org chart's nested lists (HTML), inserted with `{{{orgChart}}}`.
    package var orgChart: String?
    package var groups: [ReportGroupView] = []
    package var review: ReviewView?
    package var ownership: OwnershipView?
    package var lifecycle: LifecycleView?
    package var history: HistoryView?
    /// Where to edit the page's source (`repo_url` set).
    package var editURL: String?
    /// The "what changed" page's weeks.
    package var changes: [ChangeWeekView] = []
    /// Atom feeds announced in the page's head.
    package var feeds: [LinkView] = []
    /// Front matter keys Handbook does not know, for custom templates.
    package var params: TemplateParams

    package func value(_ name: String) -> TemplateValue {
        switch name {
        case "site": TemplateValue(site)
        case "title": TemplateValue(title)
        // The browser tab's title: the page's, then the site's, once.
        case "documentTitle": TemplateValue(title == site.title || url == site.homeURL ? site.title : "\(title) · \(site.title)")
        case "url": TemplateValue(url)
        case "kind": TemplateValue(kind)
        case "summary": TemplateValue(summary)
        case "body": TemplateValue(body)
        case "showTitle": TemplateValue(showTitle)
        case "heading": TemplateValue(heading)
        case "navigation": TemplateValue(navigationHTML)
        case "breadcrumbs": TemplateValue(breadcrumbs)
        case "entries": TemplateValue(entries)
        case "toc": TemplateValue(toc)
        case "hasTOC": TemplateValue(toc.count >= 2)
        // A long table of contents starts folded, so that the page's text is on the first screen.
        case "longTOC": TemplateValue(toc.count > 10)
        case "backlinks": TemplateValue(backlinks)
        // The flags every page's footer asks, answered without making the list.
        case "hasBacklinks": TemplateValue(!backlinks.isEmpty)
        case "previous": TemplateValue(previous)
        case "next": TemplateValue(next)
        case "hasPager": TemplateValue(previous != nil || next != nil)
        case "tags": TemplateValue(tags)
        case "hasTags": TemplateValue(!tags.isEmpty)
        case "role": TemplateValue(role)
        case "process": TemplateValue(process)
        case "ladder": TemplateValue(ladder)
        case "matrix": TemplateValue(matrix)
        case "level": TemplateValue(level)
        case "ladderChanges": TemplateValue(ladderChanges)
        case "orgChart": TemplateValue(orgChart)
        case "groups": TemplateValue(groups)
        case "review": TemplateValue(review)
        case "ownership": TemplateValue(ownership)
        case "lifecycle": TemplateValue(lifecycle)
        case "history": TemplateValue(history)
        case "editURL": TemplateValue(editURL)
        case "changes": TemplateValue(changes)
        case "feeds": TemplateValue(feeds)
        case "params": TemplateValue(params)
        default: .none
        }
    }
}

/// Front matter keys Handbook does not know (`{{params.team_size}}`), as
/// plain values for the templates.
package struct TemplateParams: Sendable, Hashable, TemplateObject {
    private let entries: [(key: String, value: YAMLValue)]

    package init(_ entries: [(key: String, value: YAMLValue)] = []) { self.entries = entries }

    package func value(_ name: String) -> TemplateValue {
        entries.first { $0.key == name }.map { Self.value(of: $0.value) } ?? .none
    }

    /// Scalars are text, sequences lists, mappings objects.
    static func value(of yaml: YAMLValue) -> TemplateValue {
        switch yaml {
        case .scalar(let s, _, _): .text(s)
        case .sequence(let items, _, _): .list(items.map(value(of:)))
        case .mapping(let entries, _, _): .object(TemplateParams(entries.map { ($0.key, $0.value) }))
        }
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
