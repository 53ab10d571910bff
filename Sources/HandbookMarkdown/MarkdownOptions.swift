/// What to do with raw HTML written in Markdown (`raw_html` in `handbook.yml`).
package enum RawHTMLPolicy: String, Sendable, Hashable, CaseIterable {
    /// Render raw HTML, but neutralise GitHub's tagfilter list (`<script>`,
    /// `<iframe>`, `<style>`, ...) and drop `javascript:`-style link URLs.
    case filter
    /// Render raw HTML and every URL as written. For trusted content only.
    case allow
    /// Replace raw HTML with a comment (cmark's safe mode).
    case omit
}

/// Options of one Markdown conversion. Plain values, so that the same options
/// can be handed to every parallel parse.
package struct MarkdownOptions: Sendable, Hashable {
    package var rawHTML: RawHTMLPolicy
    /// Curly quotes and dashes (cmark's `CMARK_OPT_SMART`).
    package var smartPunctuation: Bool
    /// GitHub's extensions: tables, task lists, strikethrough, autolinks, alerts.
    package var extensions: MarkdownExtensions
    /// Whose constructs beyond GitHub's Markdown to read (Hugo's shortcodes, MkDocs' admonitions…).
    package var dialect: Dialect
    /// The content folder relative to the site's root (`docs`): MkDocs
    /// snippets name files from the root, pages are named from the content folder.
    package var contentFolder = ""

    package init(
        rawHTML: RawHTMLPolicy = .filter, smartPunctuation: Bool = true, extensions: MarkdownExtensions = MarkdownExtensions(),
        dialect: Dialect = .github
    ) {
        self.rawHTML = rawHTML
        self.smartPunctuation = smartPunctuation
        self.extensions = extensions
        self.dialect = dialect
    }
}
