/// "What changes from the previous level": the words of a level's text,
/// with those not in the previous level's text marked as new (a longest
/// common subsequence over words).
package enum WordDiff {
    package struct Segment: Sendable, Equatable {
        package var text: String
        package var isNew: Bool
    }

    /// `new`'s words, those not in `old` marked; with no `old` (the lowest
    /// level), `new` as it is, nothing marked.
    package static func diff(from old: String?, to new: String) -> [Segment] {
        guard let old else { return [Segment(text: new, isNew: false)] }
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !b.isEmpty else { return [] }
        guard !a.isEmpty else { return [Segment(text: b.joined(separator: " "), isNew: true)] }
        // The table below is |a|×|b|: past a bound (texts of some 500 words
        // each), a word is new when the previous text does not have it at all.
        guard a.count * b.count <= maximumCells else {
            let old = Set(a.map(normal))
            return merged(b.map { ($0, !old.contains(normal($0))) })
        }
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = normal(a[i]) == normal(b[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var words: [(String, Bool)] = []
        var (i, j) = (0, 0)
        while j < b.count {
            if i < a.count, normal(a[i]) == normal(b[j]) {
                words.append((b[j], false))
                i += 1
                j += 1
            } else if i < a.count, lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                words.append((b[j], true))
                j += 1
            }
        }
        return merged(words)
    }

    static let maximumCells = 250_000

    /// Runs of words with the same mark, joined by spaces.
    private static func merged(_ words: [(word: String, isNew: Bool)]) -> [Segment] {
        var segments: [Segment] = []
        for (word, isNew) in words {
            if let last = segments.last, last.isNew == isNew {
                segments[segments.count - 1].text += " " + word
            } else {
                segments.append(Segment(text: word, isNew: isNew))
            }
        }
        return segments
    }

    /// Words compare without case and trailing punctuation.
    private static func normal(_ word: String) -> Substring {
        var w = Substring(word)
        while let last = w.last, last.isPunctuation { w = w.dropLast() }
        return Substring(w.lowercased())
    }
}
