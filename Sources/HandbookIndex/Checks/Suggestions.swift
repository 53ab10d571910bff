import Synchronization

/// "Did you mean …": the closest names to a misspelt one, by edit distance.
enum Suggestions {
    /// Up to `limit` candidates within a distance that grows with the length of `name`.
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let threshold = threshold(for: target.count)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard abs(other.count - target.count) <= threshold else { continue }
            let d = distance(target, other, limit: threshold)
            if d <= threshold { scored.append((d, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }.prefix(limit).map(\.candidate)
    }

    static func threshold(for length: Int) -> Int { max(2, length / 3) }

    /// Levenshtein distance, giving up early once every path exceeds `limit`.
    /// Only the band of cells within `limit` of the diagonal can stay under
    /// it, so only those are computed.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let band = limit == .max ? Int.max : limit
        if band != .max, abs(a.count - b.count) > band { return band + 1 }
        let outside = band == .max ? Int.max / 2 : band + 1
        var previous = Array(0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = band == .max ? 1 : max(1, i - band)
            let high = band == .max ? b.count : min(b.count, i + band)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = low == 1 ? current[0] : outside
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, outside)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return rowMinimum }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Names indexed by their trigrams, so that suggesting the closest ones to a
/// misspelt name costs about the same on a site of 10 or 100,000 pages: the
/// names that share the most trigrams with it are the only ones whose edit
/// distance is computed. Trigrams most names share (`are`, `s/a`) say
/// nothing and are skipped.
final class NameIndex: Sendable {
    private let names: [String]
    private let lowered: [[Unicode.Scalar]]
    private let postings: [UInt64: [Int32]]
    private let common: Int

    init(_ names: [String]) {
        self.names = names
        lowered = names.map { Array($0.lowercased().unicodeScalars) }
        var postings: [UInt64: [Int32]] = [:]
        for (k, name) in lowered.enumerated() {
            for trigram in Set(Self.trigrams(name)) { postings[trigram, default: []].append(Int32(k)) }
        }
        self.postings = postings
        common = max(64, names.count / 8)
    }

    /// Each run of three scalars (the name padded at both ends), packed in an integer.
    static func trigrams(_ scalars: [Unicode.Scalar]) -> [UInt64] {
        let padded = [UInt64(2), 2] + scalars.map { UInt64($0.value) } + [3]
        guard padded.count >= 3 else { return [] }
        return (0...(padded.count - 3)).map { padded[$0] << 42 | padded[$0 + 1] << 21 | padded[$0 + 2] }
    }

    /// Up to `limit` names within the edit distance `Suggestions.threshold`
    /// allows, closest first.
    func closest(to name: String, limit: Int = 3, shortlist: Int = 24) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let threshold = Suggestions.threshold(for: target.count)
        var shared = [UInt16](repeating: 0, count: names.count)
        var touched: [Int32] = []
        for trigram in Set(Self.trigrams(target)) {
            guard let list = postings[trigram], list.count <= common else { continue }
            for k in list {
                if shared[Int(k)] == 0 { touched.append(k) }
                shared[Int(k)] &+= 1
            }
        }
        let candidates = touched.filter { abs(lowered[Int($0)].count - target.count) <= threshold }
            .sorted { (shared[Int($0)], $1) > (shared[Int($1)], $0) }.prefix(shortlist)
        var scored: [(distance: Int, name: String)] = []
        for k in candidates {
            let d = Suggestions.distance(target, lowered[Int(k)], limit: threshold)
            if d <= threshold { scored.append((d, names[Int(k)])) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }
}

/// A `NameIndex` built the first time a check needs it (most builds have no
/// broken link and never do).
final class LazyNameIndex: Sendable {
    private let state: Mutex<NameIndex?> = Mutex(nil)
    private let names: @Sendable () -> [String]

    init(_ names: @escaping @Sendable () -> [String]) { self.names = names }

    var index: NameIndex {
        state.withLock { state in
            if let state { return state }
            let built = NameIndex(names())
            state = built
            return built
        }
    }
}
