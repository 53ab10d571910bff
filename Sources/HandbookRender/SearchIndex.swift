import Foundation
import HandbookEscaping
import HandbookContent
import HandbookIndex

/// The offline search index the default theme's `search.js` loads:
/// `_handbook/search-index.json`, one compact array per page.
package enum SearchIndex {
    /// One searchable page.
    package struct Document: Sendable, Hashable {
        package var title: String
        package var url: String
        package var kind: String
        package var tags: [String]
        package var headings: [String]
        /// Structured fields: a role's track and levels, a level's id and track.
        package var fields: [String]
        /// Plain text of the body, cut to `textLimit` characters.
        package var text: String
    }

    /// Enough text for excerpts and for matching what a page is about, while
    /// keeping the index of a 10,000-page handbook a few megabytes.
    package static let textLimit = 600

    package static let fileName = "search-index.json"

    /// `{"docs": [[title, url, kind, tags, headings, fields, text], ...], "synonyms": {term: [meanings]}, "v": 1}`
    /// with keys sorted and documents in URL order, so two builds write the same bytes.
    package static func json(_ documents: [Document], synonyms: [(term: String, meaning: String)]) -> String {
        json(encoded: documents.map { ($0.url, encode($0)) }, synonyms: synonyms)
    }

    /// The same from documents already encoded with `encode(_:)` (the preview
    /// server keeps those, so a rebuild re-encodes only the pages it rendered).
    package static func json(encoded documents: [(url: String, json: String)], synonyms: [(term: String, meaning: String)]) -> String {
        json(sortedEncoded: documents.sorted { $0.url < $1.url }.map(\.json), synonyms: synonyms)
    }

    /// The same from encoded documents already in URL order.
    package static func json(sortedEncoded documents: [String], synonyms: [(term: String, meaning: String)]) -> String {
        var grouped: [String: [String]] = [:]
        for (term, meaning) in synonyms { grouped[term.lowercased(), default: []].append(meaning) }
        let synonymsJSON = "{" + grouped.keys.sorted().map { Escape.json($0) + ":[" + grouped[$0, default: []].map(Escape.json).joined(separator: ",") + "]" }
            .joined(separator: ",") + "}"
        var out = "{\"docs\":["
        out.reserveCapacity(documents.reduce(64) { $0 + $1.utf8.count + 1 } + synonymsJSON.utf8.count)
        for (k, document) in documents.enumerated() {
            if k > 0 { out += "," }
            out += document
        }
        return out + "],\"synonyms\":" + synonymsJSON + ",\"v\":1}\n"
    }

    /// One document as a JSON array.
    package static func encode(_ d: Document) -> String {
        let fields = [
            d.title, d.url, d.kind, d.tags.joined(separator: " "), d.headings.joined(separator: "\n"),
            d.fields.joined(separator: " "), d.text,
        ]
        return "[" + fields.map(Escape.json).joined(separator: ",") + "]"
    }

    /// The text a reader sees in an HTML fragment: tags dropped, the common
    /// entities decoded, runs of white space made one space, cut after
    /// `limit` characters. It walks bytes: only entities and non-ASCII white
    /// space need decoding.
    package static func plainText(ofHTML html: String, limit: Int = textLimit) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(min(html.utf8.count, limit * 2))
        var count = 0
        var pendingSpace = false
        var full = false
        /// Appends visible bytes, one space between words, up to `limit` characters.
        func emit<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes where !full {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = true
                    continue
                }
                // A UTF-8 continuation byte belongs to the character already counted.
                let starts = byte & 0xC0 != 0x80
                if starts {
                    if pendingSpace && count > 0 {
                        guard count < limit else { full = true; return }
                        out.append(0x20)
                        count += 1
                    }
                    pendingSpace = false
                    guard count < limit else { full = true; return }
                    count += 1
                }
                out.append(byte)
            }
        }
        html.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count, !full {
                let byte = bytes[i]
                if byte == UInt8(ascii: "<") {
                    while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
                    pendingSpace = true
                    i += 1
                } else if byte == UInt8(ascii: "&") {
                    var j = i + 1
                    while j < bytes.count, j - i <= 10, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&") { j += 1 }
                    if j < bytes.count, bytes[j] == UInt8(ascii: ";") {
                        emit(decode(String(decoding: bytes[(i + 1)..<j], as: UTF8.self)).utf8)
                        i = j + 1
                    } else {
                        emit(CollectionOfOne(byte))
                        i += 1
                    }
                } else if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
                    pendingSpace = true  // a no-break space
                    i += 2
                } else {
                    emit(CollectionOfOne(byte))
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decode(_ entity: String) -> String {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        case "nbsp": return " "
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
                return String(s)
            }
            if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) { return String(s) }
            return "&" + entity + ";"
        }
    }
}
