/// The Markdown dialect a handbook was written for: what its constructs
/// beyond GitHub's Markdown mean.
package enum Dialect: String, Sendable, Hashable, CaseIterable {
    /// GitHub's Markdown only.
    case github
    /// Hugo: shortcodes (`{{< alert >}}`, `{{% include %}}`, `{{< ref >}}`).
    case hugo
    /// MkDocs (with pymdownx): admonitions (`!!! note`, `??? note`) and snippets (`--8<--`).
    case mkdocs
    /// Docusaurus: admonitions (`:::note Title` … `:::`) and MDX imports.
    case docusaurus
}

/// Rewrites a dialect's constructs into Handbook's Markdown before cmark
/// reads it, line for line, so that every line keeps its number:
/// admonitions and alert-like shortcodes become alerts (`> [!NOTE|Title]`,
/// collapsible ones `> [!NOTE|Title|closed]`), includes become
/// `![[page#section]]`, `ref` links their path. Anything else is removed and
/// reported at its line and column. Fenced code is left alone.
struct DialectTranslator {
    let dialect: Dialect
    var lines: [String]
    /// The content folder relative to the site's root, which snippet paths start from.
    var contentFolder = ""
    var problems: [(name: String, line: Int, column: Int)] = []
    /// Line (1-based) → columns the rewrite took off (negative: added) before its text.
    var columnShifts: [Int: Int] = [:]

    static func translate(_ source: String, dialect: Dialect, contentFolder: String = "") -> DialectTranslator? {
        guard dialect != .github, mayHaveConstructs(source, dialect) else { return nil }
        var translator = DialectTranslator(
            dialect: dialect, lines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), contentFolder: contentFolder)
        switch dialect {
        case .hugo: translator.hugo()
        case .mkdocs: translator.mkdocs()
        case .docusaurus: translator.docusaurus()
        case .github: break
        }
        return translator
    }

    var source: String { lines.joined(separator: "\n") }

    /// Admonitions nest this deep at most; deeper ones stay text (each level quotes its lines once more).
    static let maximumDepth = 16

    private static func mayHaveConstructs(_ source: String, _ dialect: Dialect) -> Bool {
        switch dialect {
        case .hugo: MarkdownParser.contains("{{", in: source)
        case .mkdocs: MarkdownParser.contains("!!!", in: source) || MarkdownParser.contains("???", in: source) || MarkdownParser.contains("--8<--", in: source)
        case .docusaurus: MarkdownParser.contains(":::", in: source) || MarkdownParser.contains("import ", in: source)
        case .github: false
        }
    }

    // MARK: - Fences

    /// Whether each line is inside fenced code (or is a fence), so that examples of a construct stay as written.
    private func codeLines() -> [Bool] {
        var inCode = Array(repeating: false, count: lines.count)
        var fence: (char: Character, count: Int)?
        for (k, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                inCode[k] = true
                let run = trimmed.prefix { $0 == open.char }.count
                if indent < 4, run >= open.count, trimmed.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
            } else if indent < 4, let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix { $0 == first }.count
                if run >= 3 {
                    fence = (first, run)
                    inCode[k] = true
                }
            }
        }
        return inCode
    }

    // MARK: - Alerts

    /// GitHub's five alert kinds for a dialect's admonition type.
    static func alertKind(_ type: String) -> String {
        switch type.lowercased() {
        case "tip", "hint", "success", "check", "done", "positive": "TIP"
        case "important": "IMPORTANT"
        case "warning", "attention", "caution", "warn": "WARNING"
        case "danger", "error", "failure", "fail", "missing", "bug", "negative": "CAUTION"
        default: "NOTE"
        }
    }

    /// The alert marker line: `[!KIND]`, with a title and a mode when given.
    static func alertMarker(kind: String, title: String?, mode: String? = nil) -> String {
        let clean = title.map { String($0.filter { $0 != "]" && $0 != "|" && $0 != "\n" }) }
        switch (clean, mode) {
        case (nil, nil): return "[!\(kind)]"
        case (let t, nil): return "[!\(kind)|\(t ?? "")]"
        case (let t, let m?): return "[!\(kind)|\(t ?? "")|\(m)]"
        }
    }

    /// Quotes lines `from..<to` one level deeper.
    private mutating func quote(_ range: Range<Int>, stripping indent: Int = 0) {
        for k in range {
            var line = Substring(lines[k])
            var removed = 0
            while removed < indent, let c = line.first, c == " " || c == "\t" {
                removed += c == "\t" ? 4 : 1
                line = line.dropFirst()
            }
            lines[k] = line.allSatisfy({ $0 == " " || $0 == "\t" }) ? ">" : "> " + line
            columnShifts[k + 1, default: 0] += removed - 2
        }
    }

    // MARK: - MkDocs

    /// `!!! type "Title"` / `??? type` / `???+ type` with a body indented by
    /// four spaces; `--8<-- "file.md"` snippets.
    private mutating func mkdocs() {
        let code = codeLines()
        // Markers first, with how many admonitions enclose each (by indentation).
        var markers: [(line: Int, indent: Int, marker: String)] = []
        var enclosing: [Int] = []  // indents of the open admonitions
        for k in lines.indices where !code[k] {
            let trimmed = lines[k].drop { $0 == " " }
            guard !trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let indent = lines[k].count - trimmed.count
            while let last = enclosing.last, indent <= last { enclosing.removeLast() }
            if trimmed.hasPrefix("--8<--"), let file = Self.quoted(in: trimmed.dropFirst(6)) {
                // Snippets are named from the project's root (pymdownx's default base_path); pages from the content folder.
                let inside = !contentFolder.isEmpty && file.hasPrefix(contentFolder + "/") ? String(file.dropFirst(contentFolder.count + 1)) : file
                lines[k] = String(repeating: " ", count: indent) + "![[" + Self.includeTarget(inside) + "]]"
                continue
            }
            guard let marker = ["???+", "!!!", "???"].first(where: { trimmed.hasPrefix($0) }), enclosing.count < Self.maximumDepth else { continue }
            markers.append((k, indent, marker))
            enclosing.append(indent)
        }
        // Innermost first: an outer admonition then quotes its inner ones, already translated, once more.
        for (k, indent, marker) in markers.reversed() {
            let trimmed = lines[k].drop { $0 == " " }
            var rest = trimmed.dropFirst(marker.count).drop { $0 == " " }
            let type = String(rest.prefix { !$0.isWhitespace && $0 != "\"" })
            guard !type.isEmpty else { continue }
            rest = rest.dropFirst(type.count).drop { $0 == " " }
            let title: String? = rest.hasPrefix("\"") ? Self.quoted(in: rest) : type.prefix(1).uppercased() + type.dropFirst()
            let mode: String? = marker == "!!!" ? nil : marker == "???+" ? "open" : "closed"
            // The body: the following lines indented deeper than the marker (blank lines within).
            var end = k + 1
            var last = k
            while end < lines.count {
                let line = lines[end]
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    end += 1
                    continue
                }
                guard line.prefix(while: { $0 == " " || $0 == "\t" }).count > indent else { break }
                last = end
                end += 1
            }
            let prefix = String(repeating: " ", count: indent)
            lines[k] = prefix + "> " + Self.alertMarker(kind: Self.alertKind(type), title: title?.isEmpty == true ? "" : title, mode: mode)
            if last > k {
                quote((k + 1)..<(last + 1), stripping: indent + 4)
                for j in (k + 1)...last {
                    lines[j] = prefix + lines[j]
                    columnShifts[j + 1, default: 0] -= indent
                }
            }
        }
    }

    // MARK: - Docusaurus

    /// `:::type Title` or `:::type[Title]` … `:::` (more colons to nest), and
    /// MDX `import` lines: a Markdown file imported and used as `<Name />`
    /// is included there; other imports are reported.
    private mutating func docusaurus() {
        let code = codeLines()
        var open: [(colons: Int, line: Int)] = []
        var inFrontOfContent = true
        var partials: [String: String] = [:]  // component name → include target
        var components: [(name: String, line: Int, column: Int)] = []
        for k in lines.indices where !code[k] {
            let trimmed = lines[k].drop { $0 == " " }
            if inFrontOfContent, trimmed.hasPrefix("import "), trimmed.contains(" from ") {
                let name = String(trimmed.dropFirst(7).prefix { $0 != " " && $0 != "," })
                let file = Self.quoted(in: trimmed) ?? Self.quoted(in: Substring(trimmed.replacingOccurrences(of: "'", with: "\"")))
                if let file, file.hasSuffix(".md") || file.hasSuffix(".mdx") {
                    // Named relative to the page; found by its file name, as a wiki link finds a page.
                    let base = file.split(separator: "/").last.map(String.init) ?? file
                    partials[name] = Self.includeTarget(base.hasSuffix(".mdx") ? String(base.dropLast(4)) + ".md" : base)
                } else {
                    components.append((name, k + 1, lines[k].count - trimmed.count + 1))
                }
                lines[k] = ""
                continue
            }
            if trimmed.hasPrefix("<"), trimmed.hasSuffix("/>"), let target = partials[String(trimmed.dropFirst().dropLast(2)).trimmingSpaces()] {
                lines[k] = "![[" + target + "]]"
                continue
            }
            if !trimmed.isEmpty { inFrontOfContent = false }
            let colons = trimmed.prefix { $0 == ":" }.count
            guard colons >= 3 else { continue }
            let rest = trimmed.dropFirst(colons)
            if rest.allSatisfy({ $0 == " " }) {
                // A closing fence: the innermost open one with as many colons.
                guard let at = open.lastIndex(where: { $0.colons == colons }) else { continue }
                let start = open[at].line
                open.removeSubrange(at...)
                lines[k] = ""
                if k > start + 1 { quote((start + 1)..<k) }
                continue
            }
            let type = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            guard !type.isEmpty, open.count < Self.maximumDepth else { continue }
            var after = rest.dropFirst(type.count)
            var title: String?
            if after.hasPrefix("["), let close = after.firstIndex(of: "]") {
                title = String(after[after.index(after: after.startIndex)..<close])
                after = after[after.index(after: close)...]
            } else {
                let text = String(after).trimmingSpaces()
                title = text.isEmpty ? nil : text
            }
            let indent = String(lines[k].prefix { $0 == " " })
            lines[k] = indent + "> " + Self.alertMarker(kind: Self.alertKind(type), title: title ?? type.prefix(1).uppercased() + type.dropFirst())
            open.append((colons, k))
        }
        // Nested admonitions were quoted once by their own fence, then again by the enclosing one.
        for component in components { problems.append(("import \(component.name)", component.line, component.column)) }
    }

    // MARK: - Hugo

    /// The shortcodes Hugo handbooks use most, mapped; the others reported.
    private mutating func hugo() {
        let code = codeLines()
        // The last line closing each shortcode, read once (a page of many openers stays linear).
        var lastClosing: [String: Int] = [:]
        for k in lines.indices where !code[k] && lines[k].contains("{{") {
            for call in Self.shortcodes(in: lines[k]) where call.isClosing { lastClosing[call.name] = k }
        }
        // Block shortcodes opened on a line of their own, waiting for their closing line.
        var open: [(name: String, line: Int)] = []
        for k in lines.indices where !code[k] {
            guard lines[k].contains("{{") else { continue }
            let calls = Self.shortcodes(in: lines[k])
            guard !calls.isEmpty else { continue }
            let alone = calls.count == 1 && lines[k].trimmingSpaces().count == calls[0].text.count
            // `{{< note >}}Text{{< /note >}}` on one line.
            if calls.count == 2, !calls[0].isClosing, calls[1].isClosing, calls[1].name == calls[0].name, let marker = Self.hugoBlock(calls[0]),
                lines[k].trimmingSpaces().hasPrefix(calls[0].text), lines[k].trimmingSpaces().hasSuffix(calls[1].text)
            {
                let inner = Self.range(calls[0], in: lines[k]).upperBound..<Self.range(calls[1], in: lines[k]).lowerBound
                lines[k] = "> " + marker + " " + String(lines[k][inner]).trimmingSpaces()
                continue
            }
            if alone, let call = calls.first {
                if call.isClosing {
                    if let at = open.lastIndex(where: { $0.name == call.name }) {
                        let start = open[at].line
                        open.removeSubrange(at...)
                        lines[k] = ""
                        if k > start + 1 { quote((start + 1)..<k) }
                    } else {
                        lines[k] = ""
                    }
                    continue
                }
                if let marker = Self.hugoBlock(call), (lastClosing[call.name] ?? -1) > k, open.count < Self.maximumDepth {
                    lines[k] = "> " + marker
                    open.append((call.name, k))
                    continue
                }
                if call.name == "include" || call.name == "readfile", let file = call.positional.first ?? call.named["file"] {
                    lines[k] = "![[" + Self.includeTarget(file) + "]]"
                    continue
                }
            }
            // Inline: replaced from the right, so that earlier offsets hold.
            var line = lines[k]
            for call in calls.reversed() {
                let range = Self.range(call, in: line)
                let replacement: String
                switch call.name {
                case "ref", "relref":
                    replacement = call.positional.first ?? call.named["path"] ?? ""
                case "youtube":
                    let id = call.positional.first ?? call.named["id"] ?? ""
                    replacement = id.isEmpty ? "" : "[YouTube video](https://www.youtube.com/watch?v=\(id))"
                case _ where call.isComment:
                    replacement = call.literal
                default:
                    // An alert-like shortcode that is never closed is a mistake of its own.
                    let name = Self.hugoBlock(call) == nil ? call.name : "\(call.name) without {{< /\(call.name) >}}"
                    if !call.isClosing { problems.append((name, k + 1, call.offset + 1)) }
                    replacement = ""
                }
                line.replaceSubrange(range, with: replacement)
            }
            lines[k] = line
        }
    }

    /// The alert marker a block shortcode becomes, if it is one Handbook maps.
    private static func hugoBlock(_ call: Shortcode) -> String? {
        let title = call.named["title"] ?? call.named["header"] ?? call.named["heading"]
        switch call.name {
        case "alert", "callout", "admonition", "hint", "notice":
            let type = call.named["color"] ?? call.named["type"] ?? call.positional.first ?? "note"
            return alertMarker(kind: alertKind(type), title: title)
        case "note", "tip", "warning", "important", "caution", "info", "danger":
            return alertMarker(kind: alertKind(call.name), title: title ?? call.positional.first)
        case "panel":
            return alertMarker(kind: "NOTE", title: title ?? call.positional.first ?? "")
        case "details", "expand", "collapse":
            return alertMarker(kind: "DETAILS", title: call.named["summary"] ?? title ?? call.positional.first ?? "Details", mode: "closed")
        default:
            return nil
        }
    }

    struct Shortcode {
        var name: String
        var positional: [String]
        var named: [String: String]
        var isClosing: Bool
        /// `{{</* x */>}}`: an example of a shortcode, shown as written without the comment marks.
        var isComment: Bool
        var literal: String
        /// UTF-8 offset of `{{` in the line, and the call's text.
        var offset: Int
        var text: String
    }

    private static func range(_ call: Shortcode, in line: String) -> Range<String.Index> {
        let start = line.utf8.index(line.utf8.startIndex, offsetBy: call.offset)
        let end = line.utf8.index(start, offsetBy: call.text.utf8.count)
        return start..<end
    }

    /// `{{< name args >}}` and `{{% name args %}}` calls in a line, outside inline code.
    static func shortcodes(in line: String) -> [Shortcode] {
        let bytes = Array(line.utf8)
        var calls: [Shortcode] = []
        var i = 0
        var inCode = 0  // the length of the backtick run that opened inline code
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "`") {
                var run = 0
                while i + run < bytes.count, bytes[i + run] == UInt8(ascii: "`") { run += 1 }
                inCode = inCode == 0 ? run : (inCode == run ? 0 : inCode)
                i += run
                continue
            }
            guard inCode == 0, bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{"), i + 2 < bytes.count,
                bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%")
            else {
                i += 1
                continue
            }
            let close: [UInt8] = bytes[i + 2] == UInt8(ascii: "<") ? Array(">}}".utf8) : Array("%}}".utf8)
            var j = i + 3
            while j + 2 < bytes.count, !(bytes[j] == close[0] && bytes[j + 1] == close[1] && bytes[j + 2] == close[2]) { j += 1 }
            guard j + 2 < bytes.count else { break }
            let text = String(decoding: bytes[i..<(j + 3)], as: UTF8.self)
            var inner = String(decoding: bytes[(i + 3)..<j], as: UTF8.self).trimmingSpaces()
            let isComment = inner.hasPrefix("/*") && inner.hasSuffix("*/")
            if isComment {
                let shown = String(inner.dropFirst(2).dropLast(2)).trimmingSpaces()
                calls.append(
                    Shortcode(
                        name: "", positional: [], named: [:], isClosing: false, isComment: true,
                        literal: "{{" + String(UnicodeScalar(bytes[i + 2])) + " " + shown + " " + String(decoding: close.prefix(1), as: UTF8.self) + "}}",
                        offset: i, text: text))
                i = j + 3
                continue
            }
            let isClosing = inner.hasPrefix("/")
            if isClosing { inner = String(inner.dropFirst()).trimmingSpaces() }
            if inner.hasSuffix("/") { inner = String(inner.dropLast()).trimmingSpaces() }
            let (name, positional, named) = arguments(inner)
            if !name.isEmpty {
                calls.append(
                    Shortcode(
                        name: name, positional: positional, named: named, isClosing: isClosing, isComment: false, literal: "", offset: i, text: text))
            }
            i = j + 3
        }
        return calls
    }

    /// A shortcode's name, positional arguments and `key="value"` arguments.
    private static func arguments(_ text: String) -> (String, [String], [String: String]) {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "`" {
                quote = c
            } else if c == " " || c == "\t" {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        guard let name = tokens.first else { return ("", [], [:]) }
        var positional: [String] = []
        var named: [String: String] = [:]
        for token in tokens.dropFirst() {
            if let eq = token.firstIndex(of: "="), token[..<eq].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                named[String(token[..<eq]).lowercased()] = String(token[token.index(after: eq)...])
            } else {
                positional.append(token)
            }
        }
        return (name.lowercased(), positional, named)
    }

    /// The text of the first `"…"` in `text`.
    private static func quoted(in text: Substring) -> String? {
        guard let open = text.firstIndex(of: "\""), let close = text[text.index(after: open)...].firstIndex(of: "\"") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// An include's file as a wiki target: without `.md`, a leading `./` or `/`.
    static func includeTarget(_ file: String) -> String {
        var target = Substring(file)
        while target.hasPrefix("./") || target.hasPrefix("/") { target = target.drop { $0 == "." || $0 == "/" } }
        if target.hasSuffix(".md") { target = target.dropLast(3) }
        return String(target)
    }
}
