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

    /// A word-level comparison of two versions of a text: what stayed, what
    /// was added and what was removed, in reading order (removals before the
    /// additions that replace them).
    package enum Change: String, Sendable, Equatable { case kept, added, removed }

    package static func compare(from old: String, to new: String) -> [(text: String, change: Change)] {
        let a = old.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = new.split(whereSeparator: \.isWhitespace).map(String.init)
        var words: [(String, Change)] = []
        if a.count * b.count > maximumCells {
            // Too long to align: the old text out, the new in.
            words = a.map { ($0, .removed) } + b.map { ($0, .added) }
        } else {
            var lengths = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lengths[i][j] = normal(a[i]) == normal(b[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, normal(a[i]) == normal(b[j]) {
                    words.append((b[j], .kept))
                    i += 1
                    j += 1
                } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                    words.append((a[i], .removed))
                    i += 1
                } else {
                    words.append((b[j], .added))
                    j += 1
                }
            }
        }
        var runs: [(text: String, change: Change)] = []
        for (word, change) in words {
            if let last = runs.last, last.change == change {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append((word, change))
            }
        }
        return runs
    }

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
