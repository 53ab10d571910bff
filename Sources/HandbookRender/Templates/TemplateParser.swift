import Foundation

/// Turns Mustache text into a tree of nodes, once per template, for
/// `TemplateLibrary` to render many times. Syntax errors are found earlier,
/// with their positions, by the theme's checks (swift-mustache's parser and
/// `TemplateLinter`); this parser accepts whatever it is given and never traps.
///
/// It follows the Mustache spec: variables (`{{x}}`, `{{{x}}}`, `{{&x}}`),
/// sections and inverted sections, partials with the indentation of a
/// standalone tag, inheritance (`{{<parent}}` with `{{$block}}`s), comments,
/// set delimiters, dotted names and `{{.}}`; a tag alone on its line
/// (standalone) takes its line with it.
enum TemplateParser {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        case partial(String, indent: [UInt8])
        /// `{{<name}}`: render template `name` with these blocks overridden.
        case parent(String, blocks: [String: [Node]])
        /// `{{$name}}`: a block and its default content.
        case block(String, [Node])
    }

    /// A dotted name split once: `site.title` → ["site", "title"]; `.` → [].
    struct Name: Sendable {
        let parts: [Part]

        init(_ text: String) {
            parts = text == "." ? [] : text.split(separator: ".").map { Part(String($0)) }
        }

        /// One part of a dotted name, and for a flag such as `hasRoles` the
        /// list it tells about (`roles`; see `TemplateObject.field`).
        struct Part: Sendable {
            let name: String
            let listed: String?

            init(_ name: String) {
                self.name = name
                let rest = name.dropFirst(3)
                if name.hasPrefix("has"), let initial = rest.first, initial.isUppercase {
                    listed = initial.lowercased() + rest.dropFirst()
                } else {
                    listed = nil
                }
            }
        }
    }

    private enum Token {
        case text([UInt8])
        case tag(sigil: UInt8?, name: String, standalone: Bool, indent: [UInt8])
    }

    static func parse(_ text: String) -> [Node] {
        let tokens = standalone(tokenize(Array(text.utf8)))
        var position = 0
        return nodes(tokens, &position, closing: nil)
    }

    // MARK: Tokens

    private static let ws: Set<UInt8> = [0x20, 0x09]

    /// Text and tags, with the delimiters `{{=<% %>=}}` may change.
    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var i = 0
        var textStart = 0
        while i < bytes.count {
            guard matches(bytes, open, at: i) else {
                i += 1
                continue
            }
            var start = i + open.count
            var sigil: UInt8?
            var closing = close
            if start < bytes.count, let first = Optional(bytes[start]),
                [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"), UInt8(ascii: "$"),
                 UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "{"), UInt8(ascii: "%")].contains(first)
            {
                sigil = first
                start += 1
                if first == UInt8(ascii: "{") { closing = [UInt8(ascii: "}")] + close }
                if first == UInt8(ascii: "=") { closing = [UInt8(ascii: "=")] + close }
            }
            guard let end = find(bytes, closing, from: start) else { break }
            if i > textStart { tokens.append(.text(Array(bytes[textStart..<i]))) }
            let inner = bytes[start..<end]
            let name = String(decoding: inner, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            tokens.append(.tag(sigil: sigil, name: name, standalone: false, indent: []))
            if sigil == UInt8(ascii: "=") {
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            }
            i = end + closing.count
            textStart = i
        }
        if textStart < bytes.count { tokens.append(.text(Array(bytes[textStart...]))) }
        return tokens
    }

    private static func matches(_ bytes: [UInt8], _ pattern: [UInt8], at i: Int) -> Bool {
        guard !pattern.isEmpty, i + pattern.count <= bytes.count else { return false }
        for k in pattern.indices where bytes[i + k] != pattern[k] { return false }
        return true
    }

    private static func find(_ bytes: [UInt8], _ pattern: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + pattern.count <= bytes.count {
            if matches(bytes, pattern, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Marks the tags alone on their line and takes their line's white space
    /// and line break out of the text around them.
    private static func standalone(_ tokens: [Token]) -> [Token] {
        var tokens = tokens
        // Cuts to apply to the original texts: (from the start, from the end).
        var leading: [Int: Int] = [:]
        var trailing: [Int: Int] = [:]
        for (k, token) in tokens.enumerated() {
            guard case .tag(let sigil, let name, _, _) = token, let sigil,
                sigil != UInt8(ascii: "&"), sigil != UInt8(ascii: "{")
            else { continue }
            // Left: the line so far is white space (the start of the template, or a text ending that way).
            var indent: [UInt8] = []
            var leftCut = 0
            if k > 0 {
                guard case .text(let before) = tokens[k - 1] else { continue }
                var j = before.count
                while j > 0, ws.contains(before[j - 1]) { j -= 1 }
                guard j == 0 ? k - 1 == 0 : before[j - 1] == 0x0A else { continue }
                indent = Array(before[j...])
                leftCut = before.count - j
            }
            // Right: white space, then a line break or the end.
            var rightCut = 0
            if k + 1 < tokens.count {
                guard case .text(let after) = tokens[k + 1] else { continue }
                var j = 0
                while j < after.count, ws.contains(after[j]) { j += 1 }
                if j < after.count, after[j] == 0x0D, j + 1 < after.count, after[j + 1] == 0x0A {
                    rightCut = j + 2
                } else if j < after.count, after[j] == 0x0A {
                    rightCut = j + 1
                } else if j == after.count, k + 1 == tokens.count - 1 {
                    rightCut = j
                } else {
                    continue
                }
            }
            if k > 0 { trailing[k - 1] = leftCut }
            if k + 1 < tokens.count { leading[k + 1] = rightCut }
            tokens[k] = .tag(sigil: sigil, name: name, standalone: true, indent: indent)
        }
        for (k, token) in tokens.enumerated() {
            guard case .text(let text) = token else { continue }
            let start = min(leading[k] ?? 0, text.count)
            let end = max(start, text.count - (trailing[k] ?? 0))
            tokens[k] = .text(Array(text[start..<end]))
        }
        return tokens
    }

    // MARK: Tree

    /// Nodes until the tag closing `closing` (or the end).
    private static func nodes(_ tokens: [Token], _ position: inout Int, closing: String?) -> [Node] {
        var result: [Node] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let bytes):
                if !bytes.isEmpty { result.append(.text(bytes)) }
            case .tag(let sigil, let name, _, let indent):
                switch sigil {
                case nil: result.append(.variable(Name(name), escaped: true))
                case UInt8(ascii: "&"), UInt8(ascii: "{"): result.append(.variable(Name(name), escaped: false))
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    let children = nodes(tokens, &position, closing: name)
                    result.append(.section(Name(name), children, inverted: sigil == UInt8(ascii: "^")))
                case UInt8(ascii: "$"):
                    result.append(.block(name, nodes(tokens, &position, closing: name)))
                case UInt8(ascii: "<"):
                    // Only the blocks inside count; other text is ignored.
                    var blocks: [String: [Node]] = [:]
                    for child in nodes(tokens, &position, closing: name) {
                        if case .block(let blockName, let content) = child { blocks[blockName] = content }
                    }
                    result.append(.parent(name, blocks: blocks))
                case UInt8(ascii: ">"): result.append(.partial(name, indent: indent))
                case UInt8(ascii: "/"):
                    // A close that matches no open section is ignored (the checks report it).
                    if name == closing { return result }
                default: continue  // comments, delimiters, pragmas
                }
            }
        }
        return result
    }
}
