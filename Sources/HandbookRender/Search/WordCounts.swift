/// A page's words, how often each occurs in the field being read, and its
/// weighted frequency over the fields read so far. Words are kept in a
/// `StringTable`: a word seen again costs a hash of its bytes, with no new
/// string and no stop-word lookup.
struct WordCounts: WordSink {
    private var table = StringTable(capacity: 512)
    /// The words, numbered in the order first seen.
    var words: [String] { table.strings }
    /// Each word's FNV-1a hash (`StringTable.hash`).
    private(set) var hashes: [UInt64] = []
    /// Weighted frequency over the fields read, by word: in the title, and in the others.
    private(set) var titleFrequency: [Double] = []
    private(set) var frequency: [Double] = []
    private var isStop: [Bool] = []
    private var counts: [Int] = []
    /// Words counted in the current field.
    private var touched: [Int] = []
    /// Words counted in the current field, stop words left out.
    private(set) var length = 0

    /// Ends the current field: each word's count in it, times `scale`, is
    /// added to its frequency (in the title or in the others).
    mutating func endField(isTitle: Bool, scale: (_ length: Int) -> Double) {
        let factor = scale(length)
        for w in touched {
            if isTitle { titleFrequency[w] += factor * Double(counts[w]) } else { frequency[w] += factor * Double(counts[w]) }
            counts[w] = 0
        }
        touched.removeAll(keepingCapacity: true)
        length = 0
    }

    mutating func add(ascii token: UnsafeBufferPointer<UInt8>) {
        var hash = StringTable.seed
        for byte in token { hash = StringTable.mix(hash, Self.lower(byte)) }
        let (w, added) = table.number(
            hash: hash, matches: { Self.equal($0, lowercasing: token) }, make: { SearchText.lowercasedASCII(token) })
        if added { addedWord(hash: hash) }
        count(w)
    }

    mutating func add(_ word: String) {
        let hash = StringTable.hash(word)
        let (w, added) = table.number(word, hash: hash)
        if added { addedWord(hash: hash) }
        count(w)
    }

    /// Whether `word` is `token` in lower case (a word's bytes are contiguous: it was made from bytes).
    private static func equal(_ word: String, lowercasing token: UnsafeBufferPointer<UInt8>) -> Bool {
        let utf8 = word.utf8
        guard utf8.count == token.count else { return false }
        return utf8.withContiguousStorageIfAvailable { bytes in
            for k in 0..<bytes.count where bytes[k] != lower(token[k]) { return false }
            return true
        } ?? utf8.elementsEqual(token.lazy.map(lower))
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private mutating func count(_ w: Int) {
        guard !isStop[w] else { return }
        if counts[w] == 0 { touched.append(w) }
        counts[w] += 1
        length += 1
    }

    private mutating func addedWord(hash: UInt64) {
        let word = table.strings[table.count - 1]
        hashes.append(hash)
        isStop.append(word.utf8.count <= SearchText.longestStopWord && SearchText.stopWords.contains(word))
        counts.append(0)
        frequency.append(0)
        titleFrequency.append(0)
    }
}
