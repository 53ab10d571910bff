/// A heading of a page, with the anchor id its HTML gets.
package struct Heading: Sendable, Hashable {
    package var level: Int
    /// Plain text of the heading, without a trailing `{#id}`.
    package var text: String
    package var id: String
    /// 1-based line in the source file (front matter included).
    package var line: Int
    package var column: Int
}

/// What a link becomes in the output: its URL and, for a wiki link written
/// without a label, the text to show (the target's title).
package struct LinkRewrite: Sendable, Hashable {
    package var url: String
    package var text: String?

    package init(url: String, text: String? = nil) {
        self.url = url
        self.text = text
    }
}

/// A link or image destination as written in the Markdown, with its position.
package struct LinkReference: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        /// `[text](destination)` and autolinks.
        case link
        /// `![alt](destination)`.
        case image
        /// `[[target]]`, `[[target#anchor|label]]`: resolved by id, path or title.
        case wiki
        /// `href` or `src` in raw HTML.
        case html
    }

    package var kind: Kind
    package var destination: String
    package var line: Int
    package var column: Int

    package init(kind: Kind, destination: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// Something in the Markdown that was handled, but not as written (a table
/// too wide to pad): the parse stage turns it into a warning.
package struct MarkdownProblem: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// A table wider than the columns padded to the header's width.
        case wideTable
        /// A dialect's shortcode or directive Handbook does not carry over (its name).
        case unsupported(String)
    }

    package var kind: Kind
    package var line: Int
    package var column: Int
    package var message: String
    package var note: String?
}

/// What the rest of Handbook knows of a Markdown document: Swift values only,
/// the cmark tree is gone by the time one of these exists.
package struct MarkdownDocument: Sendable {
    /// The HTML comment standing for the `n`th include.
    package static func includeMarker(_ n: Int) -> String { Transclusion.marker(n) }

    package var headings: [Heading]
    package var links: [LinkReference]
    /// Anchor ids set in raw HTML (`<a id="x">`, `<a name="x">`).
    package var htmlAnchors: [String] = []
    package var problems: [MarkdownProblem] = []
    /// The HTML of the body, when it was asked for (not for a template).
    package var html: String
    /// The body's HTML with a slot for each link, from `parseTemplate`.
    package var body: BodyTemplate?
    /// `![[page#section]]`: the position in `links` of each include, in order;
    /// the HTML holds `Transclusion.marker(n)` where the `n`th one goes.
    package var includes: [Int] = []

    /// The body's HTML with each link's URL filled in: `rewrite` is asked
    /// about each link by its position in `links`; nil keeps it as written.
    package func html(rewriting rewrite: (Int) -> LinkRewrite?) -> String {
        body?.fill(links: links, rewrite: rewrite) ?? html
    }

    /// The text of the first level-1 heading, the fallback page title.
    package var firstTitle: String? {
        headings.first { $0.level == 1 }?.text
    }

    package init(headings: [Heading], links: [LinkReference], html: String) {
        self.headings = headings
        self.links = links
        self.html = html
    }
}
