import Foundation
import Synchronization

/// How text becomes search terms, the same for the build (which indexes) and
/// the theme's `search.js` (which reads a query): lower case, accents off,
/// apostrophes dropped ("manager's" is "managers"), a hyphenated word also
/// as one word ("on-call" gives "on", "call" and "oncall"), common English
/// words left out, and every word stemmed (`PorterStemmer`).
package enum SearchText {
    /// Words too common to find anything with. `search.js` has the same list.
    package static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
        "of", "on", "or", "so", "that", "the", "their", "then", "there", "these", "this", "to", "was", "were", "which", "will",
        "with",
    ]
    /// The length in bytes of the longest stop word: a longer word is not looked up.
    static let longestStopWord = stopWords.map(\.utf8.count).max() ?? 0

    /// Each word of `text`, normalised but not stemmed, in order. Stop words
    /// and one-letter ASCII words are skipped.
    package static func words(_ text: String) -> [String] {
        var result: [String] = []
        words(text, into: &result)
        return result
    }

    /// Hands each word of `text` to `words` (see `words(_:)`).
    package static func words<Sink: WordSink>(_ text: String, into words: inout Sink) {
        var text = text
        text.withUTF8 { self.words(bytes: $0, into: &words) }
    }

    /// Hands each word of the text a reader sees in an HTML fragment to
    /// `words`: the words of `SearchIndex.plainText(ofHTML:)`, read from each
    /// run of text between tags without making that text.
    package static func words<Sink: WordSink>(html: String, into words: inout Sink) {
        SearchIndex.forEachTextRun(ofHTML: html) { run in
            self.words(bytes: run, into: &words)
            return true
        }
    }

    /// Hands each word of UTF-8 text to `words`.
    private static func words<Sink: WordSink>(bytes: UnsafeBufferPointer<UInt8>, into words: inout Sink) {
        var i = 0
        let n = bytes.count
        while i < n {
            guard isWordByte(bytes[i]) else { i += 1; continue }
            // A token: word bytes, with single hyphens or apostrophes between them.
            let start = i
            var ascii = true
            var joined = false
            while i < n {
                let byte = bytes[i]
                if isWordByte(byte) {
                    if byte >= 0x80 { ascii = false }
                    i += 1
                } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'"), i + 1 < n, isWordByte(bytes[i + 1]) {
                    joined = true
                    i += 1
                } else {
                    break
                }
            }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<i])
            if ascii && !joined {
                if token.count > 1 { words.add(ascii: token) }
            } else {
                split(ascii ? lowercasedASCII(token) : normalised(String(decoding: token, as: UTF8.self)), into: &words)
            }
        }
    }

    /// Lower case, compatibility-decomposed, combining accents dropped, and
    /// typographic apostrophes made plain (what `normalise` does in `search.js`).
    package static func normalised(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCompatibilityMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F: continue
            case 0x2018, 0x2019: scalars.append("'")
            case 0x2010, 0x2011: scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A token with hyphens, apostrophes or non-ASCII letters: its letter and
    /// digit runs, joined across apostrophes, and a hyphenated run also whole.
    private static func split<Sink: WordSink>(_ token: String, into words: inout Sink) {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in token.unicodeScalars {
            if isLetterOrNumber(scalar) {
                current.append(scalar)
            } else if scalar == "'", let p = previous, isLetterOrNumber(p) {
                // "manager's" is one word: the apostrophe goes.
            } else {
                if !current.isEmpty { parts.append(String(current)) }
                current = String.UnicodeScalarView()
                // A hyphen between letters keeps the parts together; anything else ends the word.
                if !(scalar == "-" && previous.map(isLetterOrNumber) == true) {
                    end(&parts, into: &words)
                }
            }
            previous = scalar
        }
        if !current.isEmpty { parts.append(String(current)) }
        end(&parts, into: &words)
    }

    /// The parts of a hyphenated word, and the word whole.
    private static func end<Sink: WordSink>(_ parts: inout [String], into words: inout Sink) {
        for part in parts { emit(part, into: &words) }
        if parts.count > 1 { emit(parts.joined(), into: &words) }
        parts.removeAll()
    }

    private static func emit<Sink: WordSink>(_ word: String, into words: inout Sink) {
        if word.utf8.count == 1, let byte = word.utf8.first, byte < 0x80 { return }
        words.add(word)
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber,
            .otherNumber:
            return true
        default:
            return false
        }
    }

    /// ASCII letters and digits, and any byte of a non-ASCII character except
    /// the typographic punctuation and spaces of U+2000–U+206F and U+00A0.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case 0x80...: true
        default: false
        }
    }

    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (k, byte) in bytes.enumerated() {
                out[k] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }
}

/// Where `SearchText.words` puts the words it finds. It skips one-letter
/// ASCII words itself; a sink leaves out `SearchText.stopWords`.
package protocol WordSink {
    /// A word of ASCII letters and digits, in any case.
    mutating func add(ascii: UnsafeBufferPointer<UInt8>)
    /// A word already normalised.
    mutating func add(_ word: String)
}

extension Array: WordSink where Element == String {
    package mutating func add(ascii: UnsafeBufferPointer<UInt8>) { add(SearchText.lowercasedASCII(ascii)) }

    package mutating func add(_ word: String) {
        if !SearchText.stopWords.contains(word) { append(word) }
    }
}

/// The site's terms: every word indexed so far with the number of its stem,
/// and the stems, numbered in the order first met. A page's entry lists its
/// terms by number, so that the index is assembled without hashing a string
/// per posting. Shared by the threads that index pages (a handbook has a few
/// tens of thousands of distinct words, each stemmed once) and kept by the
/// preview server between rebuilds, so a term keeps its number.
package final class TermTable: Sendable {
    private struct State {
        var words = StringTable(capacity: 4096)
        /// The stem of each word in `words`, by number.
        var stemOf: [Int32] = []
        var stems = StringTable(capacity: 4096)
    }
    private let state = Mutex(State())

    package init() {}

    /// The terms, by number (a snapshot: terms added later are not in it).
    package var names: [String] { state.withLock { $0.stems.strings } }

    /// The number of each word's stem; `hashes` are the words' `StringTable`
    /// hashes. Words not met before are stemmed outside the lock.
    func numbers(of words: [String], hashes: [UInt64]) -> [Int32] {
        var result = state.withLock { s in
            words.indices.map { k in s.words.find(words[k], hash: hashes[k]).map { s.stemOf[$0] } ?? -1 }
        }
        let fresh = result.indices.filter { result[$0] < 0 }
        guard !fresh.isEmpty else { return result }
        let stems = fresh.map { PorterStemmer.stem(words[$0]) }
        state.withLock { s in
            for (k, stem) in zip(fresh, stems) {
                let number = Int32(s.stems.number(stem, hash: StringTable.hash(stem)).number)
                if s.words.number(words[k], hash: hashes[k]).added { s.stemOf.append(number) }
                result[k] = number
            }
        }
        return result
    }
}
