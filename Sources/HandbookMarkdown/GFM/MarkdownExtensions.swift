/// GitHub's extensions to CommonMark that Handbook applies to cmark's tree.
/// All are on by default; each can be turned off in `handbook.yml` under
/// `markdown:`.
package struct MarkdownExtensions: Sendable, Hashable {
    package var tables = true
    package var taskLists = true
    package var strikethrough = true
    package var autolinks = true
    package var alerts = true
    /// `[^1]` references and `[^1]: …` notes, rendered as GitHub does.
    package var footnotes = true
    /// Not GitHub's, but common in handbooks kept in wikis and Obsidian: `[[page]]`.
    package var wikiLinks = true

    package init() {}

    /// Everything off: plain CommonMark.
    package static let none: MarkdownExtensions = {
        var e = MarkdownExtensions()
        e.tables = false
        e.taskLists = false
        e.strikethrough = false
        e.autolinks = false
        e.alerts = false
        e.footnotes = false
        e.wikiLinks = false
        return e
    }()

    package var anyEnabled: Bool { tables || taskLists || strikethrough || autolinks || alerts || footnotes || wikiLinks }
}
