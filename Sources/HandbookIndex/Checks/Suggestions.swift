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
        // Two rows in one buffer (on the stack when small), read unchecked:
        // every index is within 0...b.count of a row's start.
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * width) { rows -> Int in
            for j in 0..<width {
                rows.initializeElement(at: j, to: min(j, outside))
                rows.initializeElement(at: width + j, to: outside)
            }
            var previous = 0
            var current = width
            for i in 1...a.count {
                let low = band == .max ? 1 : max(1, i - band)
                let high = band == .max ? b.count : min(b.count, i + band)
                rows[current] = min(i, outside)
                if low > 1 { rows[current + low - 1] = outside }
                var rowMinimum = low == 1 ? rows[current] : outside
                if low <= high {
                    let scalar = a[i - 1]
                    for j in low...high {
                        let cost = scalar == b[j - 1] ? 0 : 1
                        let cell = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost, outside)
                        rows[current + j] = cell
                        rowMinimum = min(rowMinimum, cell)
                    }
                }
                if high < b.count { rows[current + high + 1] = outside }
                if rowMinimum > limit { return rowMinimum }
                swap(&previous, &current)
            }
            return rows[previous + b.count]
        }
    }
}

/// The edit distance from one name of at most 64 characters to many others,
/// a row of the table at a time in the bits of one word (Myers' bit-parallel
/// algorithm, in Hyyrö's form for the whole of both names): the same number
/// as `Suggestions.distance`, in a step per character instead of a cell.
struct BitParallelDistance {
    private var ascii = [UInt64](repeating: 0, count: 128)
    private var others: [(scalar: Unicode.Scalar, mask: UInt64)] = []
    private let length: Int

    /// Nil for an empty name or one longer than 64 characters.
    init?(_ pattern: [Unicode.Scalar]) {
        guard !pattern.isEmpty, pattern.count <= 64 else { return nil }
        length = pattern.count
        for (i, scalar) in pattern.enumerated() {
            let bit: UInt64 = 1 << UInt64(i)
            if scalar.value < 128 {
                ascii[Int(scalar.value)] |= bit
            } else if let k = others.firstIndex(where: { $0.scalar == scalar }) {
                others[k].mask |= bit
            } else {
                others.append((scalar, bit))
            }
        }
    }

    /// Where `scalar` stands in the name, as bits.
    private func positions(of scalar: Unicode.Scalar) -> UInt64 {
        scalar.value < 128 ? ascii[Int(scalar.value)] : (others.first { $0.scalar == scalar }?.mask ?? 0)
    }

    func distance(to text: [Unicode.Scalar]) -> Int {
        let last: UInt64 = 1 << UInt64(length - 1)
        // Vertical differences of the column, +1 or -1 by bit (bits above the name's length are unused).
        var plusV: UInt64 = ~0
        var minusV: UInt64 = 0
        var score = length
        for scalar in text {
            let equal = positions(of: scalar)
            let xv = equal | minusV
            let xh = (((equal & plusV) &+ plusV) ^ plusV) | equal
            var plusH = minusV | ~(xh | plusV)
            var minusH = plusV & xh
            if plusH & last != 0 { score += 1 } else if minusH & last != 0 { score -= 1 }
            // The first row grows by one a character: a +1 shifted in.
            plusH = (plusH << 1) | 1
            minusH = minusH << 1
            plusV = minusH | ~(xv | plusH)
            minusV = plusH & xv
        }
        return score
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
        // The hot loop of a broken link: counts written in place, unchecked.
        shared.withUnsafeMutableBufferPointer { shared in
            for trigram in Set(Self.trigrams(target)) {
                guard let list = postings[trigram], list.count <= common else { continue }
                for k in list {
                    if shared[Int(k)] == 0 { touched.append(k) }
                    shared[Int(k)] &+= 1
                }
            }
        }
        guard limit > 0 else { return [] }
        let eligible = touched.filter { abs(lowered[Int($0)].count - target.count) <= threshold }
        var scored: [(distance: Int, name: String)] = []
        // Once `limit` names are found, one further than the last of them cannot
        // be among the closest: its distance is worked out only that far.
        var bound = threshold
        let bitParallel = BitParallelDistance(target)
        for k in Self.mostShared(eligible, shared: shared, count: shortlist) {
            let d = bitParallel?.distance(to: lowered[Int(k)]) ?? Suggestions.distance(target, lowered[Int(k)], limit: bound)
            guard d <= bound else { continue }
            scored.append((d, names[Int(k)]))
            if scored.count >= limit {
                scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
                scored.removeLast(scored.count - limit)
                bound = scored[limit - 1].distance
            }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.map(\.name)
    }

    /// The `count` names sharing the most trigrams, ties to the earlier name.
    /// Only the names at or above the share that makes the cut are sorted
    /// (the rest, often thousands, are counted).
    private static func mostShared(_ names: [Int32], shared: [UInt16], count: Int) -> ArraySlice<Int32> {
        let top = Int(names.lazy.map { shared[Int($0)] }.max() ?? 0)
        var histogram = [Int](repeating: 0, count: top + 1)
        for k in names { histogram[Int(shared[Int(k)])] += 1 }
        var cutoff = top
        var atOrAbove = histogram[top]
        while cutoff > 0, atOrAbove < count {
            cutoff -= 1
            atOrAbove += histogram[cutoff]
        }
        return names.filter { Int(shared[Int($0)]) >= cutoff }.sorted { (shared[Int($0)], $1) > (shared[Int($1)], $0) }.prefix(count)
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
