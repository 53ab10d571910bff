import HandbookContent
import HandbookEscaping
import HandbookIndex

/// The "what changed" page and its Atom feeds, from the git history's recent
/// changes: by week (Monday first), then by top-level folder, then by owner.
extension SiteRenderer {
    /// A page's changes of one week, added up.
    struct PageChanges {
        var page: Int?
        /// The file's path relative to the site, for a page that is gone.
        var path: String
        var subjects: [(subject: String, commit: String)] = []
        var added = 0
        var removed = 0
        var authors: [String] = []
    }

    /// The content file a change is to, as (section folder, page index or nil
    /// when it is gone); nil for files that are not pages.
    private func changedPage(_ path: String) -> (section: String, page: Int?)? {
        let prefix = index.settings.contentPrefix.isEmpty ? "" : index.settings.contentPrefix + "/"
        guard path.hasPrefix(prefix), path.hasSuffix(".md") else { return nil }
        let inside = path.dropFirst(prefix.count)
        let section = inside.firstIndex(of: "/").map { String(inside[..<$0]) } ?? ""
        return (section, index.pageIndex(atSource: String(inside)))
    }

    func changesView() -> (PageView, String, String) {
        let summary = history.map { history in
            let last = HistoryDates.text(CalendarDate(dayNumber: HistoryDates.dayNumber(history.headTime)))
            let oldest = history.changes.last.map { HistoryDates.text(CalendarDate(dayNumber: HistoryDates.dayNumber($0.time))) } ?? last
            return history.changesTruncated
                ? "Changes to the handbook's pages in its last \(history.changeCommits) commits, from \(oldest) to \(last)."
                : "Changes to the handbook's pages in the \(changeWeeks) week\(changeWeeks == 1 ? "" : "s") up to its last commit, on \(last)."
        }
        var view = PageView(
            site: siteView, title: "What changed", url: site.url(.changes), kind: "changes",
            summary: summary ?? "The site's git history could not be read.",
            body: nil, showTitle: true, navigation: navigation(folder: "", current: nil),
            breadcrumbs: [LinkView(title: index.navigation.root.title, url: index.basePath)], entries: [], params: TemplateParams())
        if site.routes.route(.changesFeed(section: nil)) != nil {
            view.feeds = [LinkView(title: "\(siteView.title): what changed", url: site.url(.changesFeed(section: nil)))]
        }
        // week (its Monday's day number) → section folder → path → changes
        var byWeek: [Int: [String: [String: PageChanges]]] = [:]
        for change in history?.changes ?? [] {
            guard let (section, page) = changedPage(change.path) else { continue }
            let day = HistoryDates.dayNumber(change.time)
            let monday = day - ((day + 3) % 7 + 7) % 7  // day 0, 1 Jan 1970, was a Thursday
            var entry = byWeek[monday, default: [:]][section, default: [:]][change.path] ?? PageChanges(page: page, path: change.path)
            if !entry.subjects.contains(where: { $0.commit == change.commit }) { entry.subjects.append((change.subject, change.commit)) }
            entry.added += change.added ?? 0
            entry.removed += change.removed ?? 0
            if !entry.authors.contains(change.author) { entry.authors.append(change.author) }
            byWeek[monday, default: [:]][section, default: [:]][change.path] = entry
        }
        view.changes = byWeek.keys.sorted(by: >).map { monday in
            let sections = byWeek[monday] ?? [:]
            return ChangeWeekView(
                datetime: CalendarDate(dayNumber: monday).description, date: HistoryDates.text(CalendarDate(dayNumber: monday)),
                sections: sections.keys.map { folder in
                    changeSection(folder, entries: Array((sections[folder] ?? [:]).values))
                }.sorted { ($0.title.lowercased(), $0.title) < ($1.title.lowercased(), $1.title) })
        }
        return (view, "changes", "changes")
    }

    /// One folder's changes in a week, grouped by the owner role of each page.
    private func changeSection(_ folder: String, entries: [PageChanges]) -> ChangeSectionView {
        let node = index.navigation.root.children.first { $0.folder == folder && !folder.isEmpty }
        var byOwner: [Int?: [PageChanges]] = [:]
        for entry in entries { byOwner[entry.page.flatMap { leadership.owners[$0] }, default: []].append(entry) }
        let byTitle = index.titleOrder
        let owners = byOwner.keys.sorted { a, b in
            switch (a, b) {
            case let (x?, y?): return byTitle(x, y)
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        return ChangeSectionView(
            title: node?.title ?? (folder.isEmpty ? index.navigation.root.title : folder),
            url: node.map { index.url($0.urlPath) },
            feed: site.routes.route(.changesFeed(section: folder)) == nil ? nil : site.url(.changesFeed(section: folder)),
            groups: owners.map { owner in
                ChangeOwnerView(
                    owner: owner.map { pageLink($0) }, title: owner.map { index.pages[$0].title } ?? "No owner role",
                    entries: (byOwner[owner] ?? []).map { changeEntry($0) }.sorted { ($0.title.lowercased(), $0.path) < ($1.title.lowercased(), $1.path) })
            })
    }

    private func changeEntry(_ changes: PageChanges) -> ChangeEntryView {
        let shown = changes.subjects.prefix(3).map { LinkView(title: $0.subject, url: commitURL($0.commit) ?? "") }
        return ChangeEntryView(
            title: changes.page.map { index.pages[$0].title } ?? changes.path, url: changes.page.map { index.url(ofPage: $0) },
            path: changes.path, commits: shown, more: changes.subjects.count - shown.count, added: changes.added, removed: changes.removed,
            authors: changes.authors)
    }

    /// The forge's page of a commit, when `repo_url` is set.
    func commitURL(_ commit: String) -> String? { forgeURL("commit", commit) }

    /// An Atom feed (RFC 4287) of the latest 50 commits that changed pages,
    /// in the whole site or in one top-level folder. Its `updated` is the
    /// newest entry's date, so the same commit gives the same bytes.
    func changesFeed(section: String?) -> String? {
        guard let base = index.settings.baseURL, let history, let host = HistoryDates.host(of: base) else { return nil }
        let root = base.hasSuffix("/") ? base : base + "/"
        var commits: [(change: GitHistory.Change, pages: [(path: String, page: Int?, added: Int?, removed: Int?)])] = []
        for change in history.changes {
            guard let (folder, page) = changedPage(change.path), section == nil || folder == section else { continue }
            let item = (change.path, page, change.added, change.removed)
            if commits.last?.change.commit == change.commit { commits[commits.count - 1].pages.append(item) } else { commits.append((change, [item])) }
        }
        let title = section.map { folder in
            "\(siteView.title): what changed in \(index.navigation.root.children.first { $0.folder == folder }?.title ?? folder)"
        } ?? "\(siteView.title): what changed"
        let selfURL = root + RoutePaths.changesFeed(section: section)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "<title>\(Escape.xml(title))</title>\n<id>\(Escape.xml(selfURL))</id>\n"
        xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escape.xml(selfURL))\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(root + RoutePaths.changes))\"/>\n"
        xml += "<updated>\(HistoryDates.rfc3339(commits.first?.change.time ?? history.headTime))</updated>\n<generator>Handbook</generator>\n"
        for (change, changed) in commits.prefix(50) {
            let single = changed.count == 1 ? changed[0].page : nil
            let link = single.map { absolute(index.url(ofPage: $0), root: root) } ?? root + RoutePaths.changes
            var list = "<ul>"
            for item in changed {
                let name = Escape.html(item.page.map { index.pages[$0].title } ?? item.path + " (removed)")
                let size = item.added.map { $0 + (item.removed ?? 0) > 0 ? " +\($0) −\(item.removed ?? 0)" : "" } ?? ""
                list += "<li>" + (item.page.map { "<a href=\"\(Escape.html(absolute(index.url(ofPage: $0), root: root)))\">\(name)</a>" } ?? name) + size + "</li>"
            }
            list += "</ul>"
            let day = CalendarDate(dayNumber: HistoryDates.dayNumber(change.time)).description
            xml += "<entry>\n<title>\(Escape.xml(change.subject))</title>\n"
            xml += "<id>tag:\(Escape.xml(host)),\(day):\(change.commit)\(section.map { ":" + Escape.xml($0) } ?? "")</id>\n"
            xml += "<updated>\(HistoryDates.rfc3339(change.time))</updated>\n<author><name>\(Escape.xml(change.author))</name></author>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Escape.xml(link))\"/>\n"
            xml += "<content type=\"html\">\(Escape.xml(list))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// `https://host/base/roles/em/` for `/base/roles/em/`.
    private func absolute(_ url: String, root: String) -> String {
        url.hasPrefix(index.basePath) ? root + url.dropFirst(index.basePath.count) : url
    }
}

/// Dates of commits, in UTC.
enum HistoryDates {
    /// Days since 1970, rounded down (also before it).
    static func dayNumber(_ seconds: Int) -> Int { seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400) }

    /// `12 Oct 2026`.
    static func text(_ day: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[max(0, min(11, day.month - 1))]) \(day.year)"
    }

    /// `2026-10-12T10:00:00Z`.
    static func rfc3339(_ seconds: Int) -> String {
        let day = dayNumber(seconds)
        let rest = seconds - day * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CalendarDate(dayNumber: day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    /// `handbook.example.com` of `https://handbook.example.com/x/`, for tag URIs.
    static func host(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? nil : String(host.drop { $0 == "@" }.split(separator: "@").last ?? host)
    }
}
