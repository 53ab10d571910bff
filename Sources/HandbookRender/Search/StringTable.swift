/// Strings numbered in the order they are added, found again by an FNV-1a
/// hash of their bytes (open addressing): a lookup costs one pass over the
/// bytes and one comparison, with no `Hasher` and no new string. The search
/// index keeps a page's words and the site's terms in these.
struct StringTable {
    private(set) var strings: [String] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32]

    /// A table with room for about `capacity` strings before it grows.
    init(capacity: Int = 32) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { strings.count }

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always) static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    static func hash(_ string: String) -> UInt64 {
        var hash = seed
        for byte in string.utf8 { hash = mix(hash, byte) }
        return hash
    }

    /// The number of the string with this hash for which `matches` holds, if any.
    @inline(__always) func find(hash: UInt64, matches: (String) -> Bool) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let s = Int(slots[i])
            if hashes[s] == hash, matches(strings[s]) { return s }
            i = (i + 1) & mask
        }
        return nil
    }

    func find(_ string: String, hash: UInt64) -> Int? { find(hash: hash) { $0 == string } }

    /// The number of the string with this hash for which `matches` holds,
    /// adding `make()` when there is none.
    @inline(__always) mutating func number(hash: UInt64, matches: (String) -> Bool, make: () -> String) -> (number: Int, added: Bool) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            let s = Int(slots[i])
            if hashes[s] == hash, matches(strings[s]) { return (s, false) }
            i = (i + 1) & mask
        }
        let s = strings.count
        strings.append(make())
        hashes.append(hash)
        slots[i] = Int32(s)
        if strings.count * 2 > slots.count { grow() }
        return (s, true)
    }

    mutating func number(_ string: String, hash: UInt64) -> (number: Int, added: Bool) {
        number(hash: hash, matches: { $0 == string }, make: { string })
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (s, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(s)
        }
    }
}
