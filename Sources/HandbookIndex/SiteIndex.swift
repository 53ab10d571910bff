import Foundation
import HandbookContent
import HandbookDiagnostics
import HandbookSystem

/// Everything the later stages need to know about the whole site: pages by
/// id, path, title and file name, their anchors, drafts, assets, aliases and
/// navigation. Built once per build from all parsed pages; immutable.
package struct SiteIndex: Sendable {
    /// Where the site lives, for turning paths into URLs and recognising
    /// absolute links to itself.
    package struct Settings: Sendable {
        /// `/` or the path of `base_url` (`/handbook/`).
        package var basePath: String
        /// `base_url` as written, when it is absolute (`https://…`).
        package var baseURL: String?
        /// The source repository (`https://github.com/acme/handbook`), whose
        /// `/blob/<branch>/…` and `/tree/<branch>/…` URLs are internal links.
        package var repoURL: String?
        /// The content folder relative to the repository root (`content`), or ``.
        package var contentPrefix: String
        /// Sidebar titles and order from a dialect's files (MkDocs' `nav:`).
        package var navigationHints: NavigationHints

        package init(
            basePath: String = "/", baseURL: String? = nil, repoURL: String? = nil, contentPrefix: String = "",
            navigationHints: NavigationHints = NavigationHints()
        ) {
            self.basePath = basePath
            self.baseURL = baseURL
            self.repoURL = repoURL
            self.contentPrefix = contentPrefix
            self.navigationHints = navigationHints
        }
    }

    package let settings: Settings
    package var basePath: String { settings.basePath }
    /// Published pages, ordered by source path.
    package private(set) var pages: [Page]
    /// Draft pages (not published), by source path: a link to one is reported.
    package let drafts: [String: Page]
    /// Asset paths inside the content folder.
    package let assets: Set<String>
    /// The content folder's other files, as scanned, ordered by path.
    package let assetFiles: [SourceFile]
    private let assetByPath: [String: SourceFile]
    package private(set) var navigation: Navigation
    /// The addresses pages have taken; the route table adds the rest.
    package let addresses: AddressBook
    /// Problems found while indexing (duplicate addresses and ids).
    package let diagnostics: [Diagnostic]

    private let pageBySource: [String: Int]
    private let pageBySourceFolded: [String: [Int]]
    private let pageByID: [String: Int]
    private var pagesByTitle: [String: [Int]]
    /// Each page's title in lower case: pages are found by it.
    package private(set) var titleKeys: [String]
    /// Each page's place when pages are listed by title (`titleOrder`).
    private var titleRanks: [Int32]
    private let pagesByStem: [String: [Int]]
    private var anchorsByPage: [Set<String>]
    /// Each page's public URL, computed once.
    private let pageURLs: [String]

    /// Builds the index. Drafts are set aside; when two sources map to the
    /// same address (case-insensitively), the first in index-file priority
    /// (`index.md`, `_index.md`, `README.md`) then path order wins, and the
    /// others are reported.
    package init(pages allPages: [Page], assets assetFiles: [SourceFile], settings: Settings) {
        var drafts: [String: Page] = [:]
        var addresses = AddressBook()
        var published: [Page] = []
        // Index files first (`index.md`, `_index.md`, `README.md`), then by path.
        let priority = allPages.map { PagePaths.indexPriority(of: $0.source.path) ?? 3 }
        let candidates = allPages.indices.sorted { a, b in
            priority[a] != priority[b] ? priority[a] < priority[b] : allPages[a].source.path < allPages[b].source.path
        }.map { allPages[$0] }
        for page in candidates {
            if page.frontMatter.draft {
                drafts[page.source.path] = page
                continue
            }
            let url = page.urlPath
            let claimant = AddressBook.Claimant.page(path: page.source.path, file: page.source.displayPath, url: url)
            if addresses.claim(RoutePaths.outputPath(of: url), by: claimant) { published.append(page) }
        }
        var diagnostics = addresses.diagnostics
        let pages = published.sorted { $0.source.path < $1.source.path }
        var pageByID: [String: Int] = [:]
        for (i, page) in pages.enumerated() {
            if let other = pageByID[page.id] {
                diagnostics.append(
                    .error(
                        DiagnosticID.idDuplicate, at: SourceLocation(file: page.source.displayPath),
                        "page id '\(page.id)' is already used by \(pages[other].source.displayPath)",
                        note: "set a different `id` in the front matter of one of them"))
            } else {
                pageByID[page.id] = i
            }
        }
        // Each page's keys on all cores, then the navigation tree made while the lookups are filled in.
        let keys = Lookups.keys(of: pages, basePath: settings.basePath)
        let (navigation, lookups) = concurrently(
            { Navigation(pages: pages, hints: Self.hints(settings.navigationHints, assets: assetFiles)) },
            { Lookups(pages: pages, keys: keys) })
        self.settings = settings
        self.pages = pages
        self.drafts = drafts
        self.assets = Set(assetFiles.map(\.path))
        self.assetFiles = assetFiles.sorted { $0.path < $1.path }
        self.assetByPath = Dictionary(assetFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        self.addresses = addresses
        self.pageBySource = lookups.bySource
        self.pageBySourceFolded = lookups.bySourceFolded
        self.pageByID = pageByID
        self.pagesByTitle = lookups.byTitle
        self.titleKeys = keys.map(\.title)
        self.titleRanks = lookups.titleRanks
        self.pagesByStem = lookups.byStem
        self.anchorsByPage = keys.map(\.anchors)
        self.navigation = navigation
        self.diagnostics = diagnostics
        self.pageURLs = keys.map(\.url)
    }

    /// The maps from what pages are looked up by to pages, filled in page order.
    private struct Lookups: Sendable {
        typealias Keys = (title: String, stem: String, folded: String, anchors: Set<String>, url: String)
        var byTitle: [String: [Int]] = [:]
        var byStem: [String: [Int]] = [:]
        var bySourceFolded: [String: [Int]] = [:]
        var bySource: [String: Int] = [:]
        var titleRanks: [Int32]

        /// What each page is looked up by, worked out on all cores.
        static func keys(of pages: [Page], basePath: String) -> [Keys] {
            parallelMap(pages) { page in
                (
                    title: page.title.lowercased(), stem: SiteIndex.stem(of: page).lowercased(),
                    folded: String(page.source.path.dropLast(3)).lowercased(),
                    anchors: Set(page.document.headings.map(\.id) + page.document.htmlAnchors),
                    url: SiteIndex.url(page.urlPath, basePath: basePath)
                )
            }
        }

        init(pages: [Page], keys: [Keys]) {
            bySource.reserveCapacity(pages.count)
            for (i, page) in pages.enumerated() {
                byTitle[keys[i].title, default: []].append(i)
                byStem[keys[i].stem, default: []].append(i)
                bySourceFolded[keys[i].folded, default: []].append(i)
                bySource[page.source.path] = i
            }
            titleRanks = SiteIndex.ranks(of: keys.map(\.title))
        }
    }

    /// Review reports are written for handbooks that use owners or review
    /// dates; a plain folder of Markdown does not get empty reports.
    package var usesOwnership: Bool {
        pages.contains { $0.frontMatter.owner != nil || $0.frontMatter.lastReviewed != nil }
    }

    /// The same index with some pages replaced by new versions with the same
    /// path, id, title and front matter: every lookup and address stays right;
    /// their anchors are taken anew.
    package func replacing(_ replacements: [Int: Page]) -> SiteIndex {
        var copy = self
        for (i, page) in replacements {
            copy.pages[i] = page
            copy.anchorsByPage[i] = Set(page.document.headings.map(\.id) + page.document.htmlAnchors)
        }
        return copy
    }

    /// The same index with some pages replaced by new versions whose title or
    /// front matter changed but not their address: same path, id, aliases and
    /// draft state. Nil when one of them moved (the index must be built anew).
    /// Titles and the navigation are taken anew; every address stays.
    package func replacing(identityOf replacements: [Int: Page]) -> SiteIndex? {
        for (i, page) in replacements {
            guard pages.indices.contains(i) else { return nil }
            let old = pages[i]
            guard old.source.path == page.source.path, old.id == page.id, !page.frontMatter.draft,
                old.frontMatter.aliases == page.frontMatter.aliases
            else { return nil }
        }
        var copy = replacing(replacements)
        for (i, page) in replacements { copy.titleKeys[i] = page.title.lowercased() }
        copy.titleRanks = Self.ranks(of: copy.titleKeys)
        var pagesByTitle: [String: [Int]] = [:]
        for (i, key) in copy.titleKeys.enumerated() { pagesByTitle[key, default: []].append(i) }
        copy.pagesByTitle = pagesByTitle
        copy.navigation = Navigation(pages: copy.pages, hints: Self.hints(settings.navigationHints, assets: assetFiles))
        return copy
    }

    /// A convenience for tests and tools: settings from the base path alone.
    package init(pages: [Page], assets: [String], basePath: String) {
        self.init(pages: pages, assets: assets, settings: Settings(basePath: basePath))
    }

    /// Assets given by path alone (tests).
    package init(pages: [Page], assets: [String], settings: Settings) {
        self.init(
            pages: pages, assets: assets.map { SourceFile(path: $0, absolutePath: "/" + $0, displayPath: $0) }, settings: settings)
    }

    /// The settings' hints, with each folder's `_category_.json` (Docusaurus) read.
    static func hints(_ given: NavigationHints, assets: [SourceFile]) -> NavigationHints {
        var hints = given
        for file in assets where NavigationHints.isCategoryFile(file.path) {
            guard let data = FileManager.default.contents(atPath: file.absolutePath),
                let hint = NavigationHints.category(String(decoding: data, as: UTF8.self), isJSON: file.path.hasSuffix(".json"))
            else { continue }
            let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
            hints.folders[folder] = hint
        }
        return hints
    }

    /// The file name without `.md`, or the folder's name for an index page.
    static func stem(of page: Page) -> String {
        let path = page.isFolderIndex ? page.sourceFolder : String(page.source.path.dropLast(3))
        return path.split(separator: "/").last.map(String.init) ?? path
    }

    // MARK: - Lookups

    package func pageIndex(atSource path: String) -> Int? { pageBySource[path] }

    /// A file under the content folder, by its path there.
    package func assetFile(atPath path: String) -> SourceFile? { assetByPath[path] }

    package func page(atSource path: String) -> Page? {
        pageBySource[path].map { pages[$0] }
    }

    package func page(withID id: String) -> Page? {
        pageByID[id].map { pages[$0] }
    }

    package func pageIndex(withID id: String) -> Int? { pageByID[id] }

    /// Pages whose source path without `.md` matches, ignoring case.
    package func pageIndices(atFoldedPath path: String) -> [Int] { pageBySourceFolded[path.lowercased()] ?? [] }

    /// Pages whose title matches, ignoring case.
    package func pageIndices(withTitle title: String) -> [Int] { pagesByTitle[title.lowercased()] ?? [] }

    /// The order pages are listed in: by title ignoring case, then by path
    /// (pages are numbered in path order). The comparison holds the pages'
    /// ranks alone: sorting with it never copies the index.
    package var titleOrder: @Sendable (Int, Int) -> Bool {
        let ranks = titleRanks
        return { ranks[$0] < ranks[$1] }
    }

    /// Each page's place in the order of its title key, then its number:
    /// pages are sorted by title in many lists, with one comparison of
    /// numbers each instead of two of strings.
    private static func ranks(of keys: [String]) -> [Int32] {
        let order = keys.indices.sorted { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
        var ranks = [Int32](repeating: 0, count: keys.count)
        for (rank, page) in order.enumerated() { ranks[page] = Int32(rank) }
        return ranks
    }

    /// Pages whose file name (without `.md`) matches, ignoring case.
    package func pageIndices(withStem stem: String) -> [Int] { pagesByStem[stem.lowercased()] ?? [] }

    /// Heading ids and raw HTML ids of a page.
    package func anchors(ofPage index: Int) -> Set<String> { anchorsByPage[index] }

    /// The public URL of a path below the site root (`roles/em/` → `/handbook/roles/em/`),
    /// percent-encoded where a URL needs it.
    package func url(_ urlPath: String) -> String { Self.url(urlPath, basePath: basePath) }

    private static func url(_ urlPath: String, basePath: String) -> String {
        // Most paths are plain ASCII file names: skip Foundation's encoder for them.
        if urlPath.utf8.allSatisfy(Self.isPlainPathByte) { return basePath + urlPath }
        return basePath + (urlPath.addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? urlPath)
    }

    /// The public URL of page `i`.
    package func url(ofPage i: Int) -> String { pageURLs[i] }

    package func url(of page: Page) -> String { pageIndex(atSource: page.source.path).map { url(ofPage: $0) } ?? url(page.urlPath) }

    /// The public URL of a route.
    package func url(of route: Route) -> String { url(route.urlPath) }

    private static func isPlainPathByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "/"), UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static let pathCharacters: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: ";?#")
        return set
    }()
}
