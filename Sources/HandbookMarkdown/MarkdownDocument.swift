/// A heading of a page, with the anchor id its HTML gets.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// Plain text of the heading, without a trailing `{#id}`.
    public var text: String
    public var id: String
    /// 1-based line in the source file (front matter included).
    public var line: Int
    public var column: Int

    public init(level: Int, text: String, id: String, line: Int, column: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
        self.column = column
    }
}

/// A link or image destination as written in the Markdown, with its position.
public struct LinkReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case link
        case image
    }

    public var kind: Kind
    public var destination: String
    public var line: Int
    public var column: Int

    public init(kind: Kind, destination: String, line: Int, column: Int) {
        self.kind = kind
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// What the rest of Handbook knows of a Markdown document: Swift values only,
/// the cmark tree is gone by the time one of these exists.
public struct MarkdownDocument: Sendable {
    public var headings: [Heading]
    public var links: [LinkReference]
    /// The HTML of the body, when it was asked for.
    public var html: String

    /// The text of the first level-1 heading, the fallback page title.
    public var firstTitle: String? {
        headings.first { $0.level == 1 }?.text
    }

    public init(headings: [Heading], links: [LinkReference], html: String) {
        self.headings = headings
        self.links = links
        self.html = html
    }
}
