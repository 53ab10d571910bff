import Mustache

// View models handed to the templates. Each conforms to `MustacheParent` so
// that swift-mustache reads fields by name instead of through reflection.

/// Site-wide values, the same on every page.
public struct SiteView: Sendable, MustacheParent {
    public var title: String
    public var language: String
    /// URL of the home page (the base path).
    public var homeURL: String
    /// URL of the folder holding the theme's static files.
    public var themeURL: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "language": language
        case "homeURL": homeURL
        case "themeURL": themeURL
        default: nil
        }
    }
}

/// A titled link: breadcrumbs, section entries.
public struct LinkView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var isSection = false

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "isSection": isSection
        default: nil
        }
    }
}

/// One entry of a sidebar list. `children` is the HTML of the entry's own
/// list when it is open (inserted with `{{{children}}}`), else empty.
struct NavigationEntryView: Sendable, MustacheParent {
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

/// The entries of one folder, as `navigation.mustache` sees them.
struct NavigationListView: Sendable, MustacheParent {
    var entries: [NavigationEntryView]

    func child(named name: String) -> Any? {
        name == "entries" ? entries : nil
    }
}

/// A page (or a generated section page) as its template sees it.
public struct PageView: Sendable, MustacheParent {
    public var site: SiteView
    public var title: String
    public var url: String
    public var kind: String
    public var summary: String?
    /// Pre-rendered HTML of the body, inserted with `{{{body}}}`.
    public var body: String?
    /// False when the body starts with its own level-1 heading.
    public var showTitle: Bool
    /// Pre-rendered sidebar, inserted with `{{{navigation}}}`.
    public var navigation: String
    public var breadcrumbs: [LinkView]
    /// Entries of a section page.
    public var entries: [LinkView]
    /// Front matter keys Handbook does not know, for custom templates.
    public var params: [String: any Sendable]

    public func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "title": title
        case "url": url
        case "kind": kind
        case "summary": summary
        case "body": body
        case "showTitle": showTitle
        case "navigation": navigation
        case "breadcrumbs": breadcrumbs
        case "hasBreadcrumbs": breadcrumbs.count > 0
        case "entries": entries
        case "params": params
        default: nil
        }
    }
}
