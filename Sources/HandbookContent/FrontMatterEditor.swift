import Foundation

/// Small, line-based edits of a page's front matter that keep everything
/// else as written: what `check --since --fix` needs.
package enum FrontMatterEditor {
    /// The page's text with `alias` added to its `aliases:` (a flow list, a
    /// single value or a block list), or a new `aliases:` line (and front
    /// matter, if it has none).
    package static func addingAlias(_ alias: String, to text: String) -> String {
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let value = quoted(alias)
        let split = FrontMatterSplit.split(text)
        guard split.yaml != nil else { return "---" + newline + "aliases: [\(value)]" + newline + "---" + newline + text }
        var lines = text.components(separatedBy: newline)
        // The YAML lines lie between the opening fence (line 0) and the closing one.
        let closing = split.bodyLineOffset - 1
        guard closing >= 1, closing < lines.count else { return text }
        if split.isTOML {
            let entry = "\"" + alias.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            for k in 1..<closing where lines[k].hasPrefix("aliases") && lines[k].contains("=") {
                guard let open = lines[k].firstIndex(of: "["), let end = lines[k].lastIndex(of: "]") else { break }
                let inside = lines[k][lines[k].index(after: open)..<end].trimmingCharacters(in: .whitespaces)
                lines[k] = String(lines[k][..<end]) + (inside.isEmpty ? "" : ", ") + entry + String(lines[k][end...])
                return lines.joined(separator: newline)
            }
            lines.insert("aliases = [\(entry)]", at: closing)
            return lines.joined(separator: newline)
        }
        for k in 1..<closing where lines[k].hasPrefix("aliases:") {
            let rest = lines[k].dropFirst("aliases:".count).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("["), let end = lines[k].lastIndex(of: "]") {
                let inside = rest.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                lines[k] = String(lines[k][..<end]) + (inside.isEmpty ? "" : ", ") + value + String(lines[k][end...])
            } else if !rest.isEmpty, !rest.hasPrefix("#") {
                lines[k] = "aliases: [\(rest), \(value)]"
            } else {
                // A block list: after its last item, with the same indentation.
                var last = k
                var indent = "  "
                var j = k + 1
                while j < closing, lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("- ") || lines[j].trimmingCharacters(in: .whitespaces).isEmpty {
                    if lines[j].trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                        last = j
                        indent = String(lines[j].prefix { $0 == " " })
                    }
                    j += 1
                }
                lines.insert(indent + "- " + value, at: last + 1)
            }
            return lines.joined(separator: newline)
        }
        lines.insert("aliases: [\(value)]", at: closing)
        return lines.joined(separator: newline)
    }

    /// A YAML scalar for a URL path: plain unless it holds something YAML reads otherwise.
    private static func quoted(_ s: String) -> String {
        let special = Set(":#,[]{}&*!|>'\"%@`")
        guard s.contains(where: { special.contains($0) }) || s.hasPrefix("-") || s.hasPrefix("?") else { return s }
        return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
