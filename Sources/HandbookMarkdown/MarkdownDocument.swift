/// A heading of a page, with the anchor id its HTML gets.
package struct Heading: Sendable, Hashable {
    package var level: Int
    /// Plain text of the heading, without a trailing `{#id}`.
    package var text: String
    package var id: String
    /// 1-based line in the source file (front matter included).
    package var line: Int
    package var column: Int

    package init(level: Int, text: String, id: String, line: Int, column: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
        self.column = column
    }
}

/// A link or image destination as written in the Markdown, with its position.
package struct LinkReference: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case link
        case image
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

/// What the rest of Handbook knows of a Markdown document: Swift values only,
/// the cmark tree is gone by the time one of these exists.
package struct MarkdownDocument: Sendable {
    package var headings: [Heading]
    package var links: [LinkReference]
    /// The HTML of the body, when it was asked for.
    package var html: String

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
