/// A page's words, how often each occurs in the field being read, and its
/// weighted frequency over the fields read so far. An open-addressing table
/// keyed by the word's bytes (FNV-1a): a word seen again costs a hash of its
/// bytes, with no new string and no stop-word lookup.
struct WordCounts: WordSink {
    private(set) var words: [String] = []
    /// Weighted frequency over the fields read, by word: in the title, and in the others.
    private(set) var titleFrequency: [Double] = []
    private(set) var frequency: [Double] = []
    private var hashes: [UInt64] = []
    private var isStop: [Bool] = []
    private var counts: [Int] = []
    /// Words counted in the current field.
    private var touched: [Int] = []
    /// Words counted in the current field, stop words left out.
    private(set) var length = 0
    private var slots = [Int32](repeating: -1, count: 1024)

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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token { hash = (hash ^ UInt64(Self.lower(byte))) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let w = Int(slots[i])
            if hashes[w] == hash, Self.equal(words[w], lowercasing: token) { return count(w) }
            i = (i + 1) & mask
        }
        count(insert(SearchText.lowercasedASCII(token), hash: hash, at: i))
    }

    mutating func add(_ word: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let w = Int(slots[i])
            if hashes[w] == hash, words[w] == word { return count(w) }
            i = (i + 1) & mask
        }
        count(insert(word, hash: hash, at: i))
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

    private mutating func insert(_ word: String, hash: UInt64, at slot: Int) -> Int {
        let w = words.count
        words.append(word)
        hashes.append(hash)
        isStop.append(SearchText.stopWords.contains(word))
        counts.append(0)
        frequency.append(0)
        titleFrequency.append(0)
        slots[slot] = Int32(w)
        if words.count * 2 > slots.count { grow() }
        return w
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (w, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(w)
        }
    }
}
