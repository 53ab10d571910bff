import Foundation
import HandbookEscaping
import HandbookIndex

/// The full-text search index the default theme's `search.js` reads, written
/// into `_handbook/search/` as small files fetched on demand (the layout is
/// described in `docs/search.md`):
///
/// - `meta.json`: the number of pages, the prefix of each term shard, the
///   pages of each kind, section and track (for the filters), the synonyms;
/// - `t_<prefix>.json` (or `u_<hex>.json` for a prefix that is not plain
///   ASCII): the terms starting with that prefix, each with its pages and a
///   weight per page, packed into a string of base-64 digits;
/// - `d<k>.json`: the address and title of 64 pages, fetched for the results shown.
///
/// Every word of every page is indexed. A term's weight on a page is what
/// BM25 makes of its frequency, before the term's rarity (which `search.js`
/// reads from the length of its list): the saturated frequency in the
/// title, boosted, plus the saturated frequency in the other fields (tags,
/// role and level fields, headings, text, each with its boost). Each field's
/// count is normalised by its length against a fixed length, so a page's
/// weights do not depend on other pages. The title is saturated on its own so
/// that a page titled with the query is not outweighed by one that repeats
/// it in its text.
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
        /// Plain text of the body.
        package var text: String
        /// HTML of the body, read for its visible text (`SearchText.words(html:into:)`).
        package var html: [String] = []
        /// The career track of a role or a level, for the track filter.
        package var track: String?
    }

    /// `meta.json`, the index's route; the other files sit beside it.
    package static let metaName = String(RoutePaths.searchIndex.dropFirst(RoutePaths.searchFolder.count))
    /// Pages per `d<k>.json` file.
    package static let chunk = 64
    /// A shard is split by one more character of its terms' prefix when its
    /// file would be larger than this.
    package static let shardLimit = 12 * 1024
    /// Weights are stored times this, as integers.
    static let scale = 8.0
    /// BM25's saturation: a frequency `f` counts `(k1 + 1) f / (f + k1)`.
    static let k1 = 1.2
    /// How much more a match in the title counts than one elsewhere.
    static let titleBoost = 3.0

    /// One field of a page: its boost, how much its length counts (BM25's
    /// `b`), and the length at which it counts as average.
    private struct Field {
        var boost: Double
        var b: Double
        var averageLength: Double
    }
    private static let fields = [
        Field(boost: 1, b: 0.5, averageLength: 4),  // title
        Field(boost: 5, b: 0, averageLength: 1),  // tags
        Field(boost: 5, b: 0, averageLength: 1),  // role and level fields
        Field(boost: 3, b: 0.5, averageLength: 20),  // headings
        Field(boost: 1, b: 0.75, averageLength: 400),  // text
    ]

    /// A page as the index keeps it: where it goes, what the filters need,
    /// and its terms (numbers in a `TermTable`) with their weights, in the
    /// order of their numbers.
    package struct Entry: Sendable, Equatable {
        package var url: String
        package var title: String
        package var kind: String
        package var track: String?
        package var terms: [Term]
    }

    package struct Term: Sendable, Equatable {
        /// The term's number in the `TermTable`.
        package var id: Int32
        package var weight: Int32
    }

    /// A document's terms and weights.
    package static func entry(_ d: Document, terms table: TermTable) -> Entry {
        let texts = [[d.title], d.tags, d.fields, d.headings, [d.text]]
        // Each word's frequency summed over the fields, each field's count
        // boosted and normalised by that field's length.
        var counts = WordCounts()
        for (f, pieces) in texts.enumerated() {
            for piece in pieces { SearchText.words(piece, into: &counts) }
            if f == texts.count - 1 {
                for fragment in d.html { SearchText.words(html: fragment, into: &counts) }
            }
            let field = fields[f]
            counts.endField(isTitle: f == 0) { length in field.boost / (1 - field.b + field.b * Double(length) / field.averageLength) }
        }
        let counted = counts.words.indices.filter { counts.frequency[$0] > 0 || counts.titleFrequency[$0] > 0 }
        let numbers = table.numbers(of: counted.map { counts.words[$0] }, hashes: counted.map { counts.hashes[$0] })
        // Words of the same stem are next to each other once ordered by stem: their frequencies add up.
        let order = numbers.indices.sorted { numbers[$0] < numbers[$1] }
        func saturated(_ f: Double) -> Double { (k1 + 1) * f / (f + k1) }
        var terms: [Term] = []
        terms.reserveCapacity(order.count)
        var k = 0
        while k < order.count {
            let id = numbers[order[k]]
            var title = 0.0
            var other = 0.0
            while k < order.count, numbers[order[k]] == id {
                title += counts.titleFrequency[counted[order[k]]]
                other += counts.frequency[counted[order[k]]]
                k += 1
            }
            let weight = titleBoost * saturated(title) + saturated(other)
            terms.append(Term(id: id, weight: Int32(max(1, min(65_535, Int((weight * scale).rounded()))))))
        }
        return Entry(url: d.url, title: d.title, kind: d.kind, track: d.track, terms: terms)
    }

    /// The files of the index for these pages, paths relative to the search
    /// folder, in a stable order. Pages are numbered in address order.
    package static func files(_ entries: [Entry], terms: TermTable, synonyms: [(term: String, meaning: String)], basePath: String)
        -> [(path: String, text: String)]
    {
        var builder = Builder(terms: terms, synonyms: synonyms, basePath: basePath)
        return builder.rebuild(entries)
    }

    /// The file of the shard holding terms that start with `prefix`.
    package static func shardFile(_ prefix: String) -> String {
        if prefix.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return "t_\(prefix).json" }
        return "u_" + prefix.utf8.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined() + ".json"
    }

    /// Terms are ordered by their UTF-8 bytes (the order of their Unicode
    /// scalars), so that the terms sharing a prefix of scalars are together.
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// The first `length` Unicode scalars of `term`.
    static func prefix(_ term: String, _ length: Int) -> String {
        String(String.UnicodeScalarView(term.unicodeScalars.prefix(length)))
    }

    /// Terms (ordered by `precedes`) cut into shards by prefix (`sizes`: each
    /// term's bytes in its shard's file): one shard for all of them if small
    /// enough, else one per next Unicode scalar, recursively. Terms no longer
    /// than the prefix being split stay in a shard of that prefix.
    static func shards(_ terms: ArraySlice<String>, sizes: [String: Int], prefixLength: Int = 0)
        -> [(prefix: String, terms: ArraySlice<String>)]
    {
        guard let first = terms.first else { return [] }
        let prefix = Self.prefix(first, prefixLength)
        let size = terms.reduce(0) { $0 + sizes[$1, default: 0] }
        if size <= shardLimit || terms.allSatisfy({ $0.unicodeScalars.count <= prefixLength }) { return [(prefix, terms)] }
        var result: [(prefix: String, terms: ArraySlice<String>)] = []
        var start = terms.startIndex
        // Terms no longer than the prefix sort first: they form the prefix's own shard.
        while start < terms.endIndex, terms[start].unicodeScalars.count <= prefixLength { start += 1 }
        if start > terms.startIndex { result.append((prefix, terms[terms.startIndex..<start])) }
        while start < terms.endIndex {
            let next = Self.prefix(terms[start], prefixLength + 1)
            var end = start + 1
            while end < terms.endIndex, terms[end].utf8.starts(with: next.utf8) { end += 1 }
            result += shards(terms[start..<end], sizes: sizes, prefixLength: prefixLength + 1)
            start = end
        }
        return result
    }

    /// `meta.json`: what a query needs before it fetches any shard.
    static func meta(_ docs: [Entry], prefixes: [String], synonyms: [(term: String, meaning: String)], basePath: String) -> String {
        var kinds: [String: [Int]] = [:]
        var tracks: [String: [Int]] = [:]
        for (d, doc) in docs.enumerated() {
            if doc.kind != "page" { kinds[doc.kind, default: []].append(d) }
            if let track = doc.track, !track.isEmpty { tracks[track, default: []].append(d) }
        }
        func encoded(_ map: [String: [Int]]) -> String {
            "{" + map.keys.sorted().map { key in
                var list = Postings()
                for d in map[key, default: []] { list.add(doc: d, weight: nil) }
                return Escape.json(key) + ":\"" + String(decoding: list.bytes, as: UTF8.self) + "\""
            }.joined(separator: ",") + "}"
        }
        var grouped: [String: [String]] = [:]
        for (term, meaning) in synonyms { grouped[SearchText.normalised(term), default: []].append(meaning) }
        let synonymsJSON = "{" + grouped.keys.sorted().map { Escape.json($0) + ":[" + grouped[$0, default: []].map(Escape.json).joined(separator: ",") + "]" }
            .joined(separator: ",") + "}"
        let sections = self.sections(docs, basePath: basePath).map { "[" + Escape.json($0.name) + "," + Escape.json($0.title) + ",\($0.first),\($0.end)]" }
        return "{\"v\":2,\"n\":\(docs.count),\"chunk\":\(chunk),\"scale\":\(Int(scale)),\"shards\":["
            + prefixes.map(Escape.json).joined(separator: ",") + "],\"kinds\":" + encoded(kinds) + ",\"tracks\":" + encoded(tracks)
            + ",\"sections\":[" + sections.joined(separator: ",") + "],\"synonyms\":" + synonymsJSON + "}\n"
    }

    /// The site's top-level folders holding two pages or more, as ranges of
    /// page numbers (pages are in address order, so a folder is one range),
    /// titled by the folder's own page when it has one. When one folder holds
    /// most pages (a site whose pages all sit in `docs/`), its own folders are
    /// the sections.
    private static func sections(_ docs: [Entry], basePath: String) -> [(name: String, title: String, first: Int, end: Int)] {
        var base = basePath
        for _ in 0..<3 {
            let found = sections(docs, below: base)
            guard found.count == 1, let only = found.first, (only.end - only.first) * 2 > docs.count else { return found }
            base += only.name + "/"
        }
        return sections(docs, below: base)
    }

    private static func sections(_ docs: [Entry], below base: String) -> [(name: String, title: String, first: Int, end: Int)] {
        func folder(_ url: String) -> Substring? {
            guard url.hasPrefix(base) else { return nil }
            let rest = url.dropFirst(base.count)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            return rest[..<slash]
        }
        var result: [(name: String, title: String, first: Int, end: Int)] = []
        var d = 0
        while d < docs.count {
            guard let name = folder(docs[d].url), !name.isEmpty else { d += 1; continue }
            var end = d + 1
            while end < docs.count, folder(docs[end].url) == name { end += 1 }
            if end - d >= 2 {
                let own = docs[d..<end].first { $0.url == base + name + "/" }
                result.append((String(name), own?.title ?? String(name), d, end))
            }
            d = end
        }
        return result
    }

    /// Numbers as base-64 digits, five bits each, low bits first; a digit
    /// from the upper half of the alphabet says another follows. Pages are
    /// written as the gap from the previous page (the first from -1).
    struct Postings {
        private static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var bytes: [UInt8] = []
        var last = -1

        mutating func add(doc: Int, weight: Int?) {
            append(doc - last)
            last = doc
            if let weight { append(weight) }
        }

        private mutating func append(_ value: Int) {
            var v = value
            while v >= 32 {
                bytes.append(Self.digits[32 + v & 31])
                v >>= 5
            }
            bytes.append(Self.digits[v])
        }
    }

    /// The text a reader sees in an HTML fragment: tags dropped, the common
    /// entities decoded, runs of white space made one space, cut after
    /// `limit` characters.
    package static func plainText(ofHTML html: String, limit: Int = .max) -> String {
        var text = VisibleText(limit: limit, capacity: min(html.utf8.count, limit == .max ? html.utf8.count : limit * 4))
        forEachTextRun(ofHTML: html) { run in
            for byte in run {
                guard text.append(byte) else { return false }
            }
            text.pendingSpace = true  // a tag ends the run
            return true
        }
        return String(decoding: text.out, as: UTF8.self)
    }

    /// Hands `body` each run of visible text of an HTML fragment, from one tag
    /// to the next, with the common entities decoded and a no-break space made
    /// a space (a run without either is handed over in place); `body` returns
    /// false to stop. It walks bytes: a tag ends at its first `>`.
    package static func forEachTextRun(ofHTML html: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        var html = html
        html.withUTF8 { bytes in
            var scratch: [UInt8] = []
            let n = bytes.count
            var i = 0
            while i < n {
                let start = i
                var plain = true
                while i < n, bytes[i] != UInt8(ascii: "<") {
                    if bytes[i] == UInt8(ascii: "&") || bytes[i] == 0xC2 { plain = false }
                    i += 1
                }
                if i > start {
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if plain {
                        guard body(run) else { return }
                    } else {
                        decode(run, into: &scratch)
                        guard scratch.withUnsafeBufferPointer(body) else { return }
                    }
                }
                while i < n, bytes[i] != UInt8(ascii: ">") { i += 1 }
                i += 1
            }
        }
    }

    /// A run of text with its entities decoded and its no-break spaces made spaces.
    private static func decode(_ run: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let n = run.count
        var i = 0
        while i < n {
            let byte = run[i]
            if byte == UInt8(ascii: "&") {
                var j = i + 1
                while j < n, j - i <= 10, run[j] != UInt8(ascii: ";"), run[j] != UInt8(ascii: "&") { j += 1 }
                if j < n, run[j] == UInt8(ascii: ";") {
                    out.append(contentsOf: decode(String(decoding: UnsafeBufferPointer(rebasing: run[(i + 1)..<j]), as: UTF8.self)).utf8)
                    i = j + 1
                    continue
                }
                out.append(byte)
            } else if byte == 0xC2, i + 1 < n, run[i + 1] == 0xA0 {
                out.append(0x20)
                i += 1
            } else {
                out.append(byte)
            }
            i += 1
        }
    }

    /// Visible text being collected: one space between words, at most `limit` characters.
    private struct VisibleText {
        let limit: Int
        var out: [UInt8] = []
        var count = 0
        var pendingSpace = false

        init(limit: Int, capacity: Int) {
            self.limit = limit
            out.reserveCapacity(capacity)
        }

        /// Appends one byte; false once `limit` characters are out.
        @inline(__always) mutating func append(_ byte: UInt8) -> Bool {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                return true
            }
            // A UTF-8 continuation byte belongs to the character already counted.
            if byte & 0xC0 != 0x80 {
                if pendingSpace && count > 0 {
                    guard count < limit else { return false }
                    out.append(0x20)
                    count += 1
                }
                pendingSpace = false
                guard count < limit else { return false }
                count += 1
            }
            out.append(byte)
            return true
        }
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
