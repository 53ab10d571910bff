import HandbookTestSupport
import Testing

@testable import HandbookIndex

/// Suggestions come from a trigram index, and are as good as comparing
/// with every name: the same closest names on a realistic set.
@Suite struct SuggestionsTests {
    static func names() -> [String] {
        let words = ["team", "people", "process", "delivery", "review", "decision", "estimate", "scope", "risk", "owner", "manager",
                     "engineer", "lead", "growth", "feedback", "career", "level", "track", "impact", "quality"]
        var generator = SeededGenerator(seed: 11)
        return (0..<1000).map { i in
            let area = "area-\(Int.random(in: 0..<10, using: &generator))"
            return "\(["guides", "teams", "practices"][i % 3])/\(area)/\(words.randomElement(using: &generator)!)-\(words.randomElement(using: &generator)!)-\(i)"
        }
    }

    @Test func sameAsComparingWithEveryName() {
        let names = Self.names()
        let index = NameIndex(names)
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<120 {
            var name = Array(names.randomElement(using: &generator)!)
            // A rename, a typo, or a suffix.
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: name += "-old"
            case 1: name[Int.random(in: 0..<name.count, using: &generator)] = "x"
            default: name.remove(at: Int.random(in: 0..<name.count, using: &generator))
            }
            let query = String(name)
            #expect(index.closest(to: query, limit: 1) == Suggestions.closest(to: query, among: names, limit: 1), "\(query)")
        }
    }

    @Test func nothingCloseIsNothing() {
        #expect(NameIndex(["roles/engineering-manager", "roles/tech-lead"]).closest(to: "completely/unrelated/thing").isEmpty)
        #expect(NameIndex(["roles/engineering-manager", "roles/tech-lead"]).closest(to: "roles/tech-led") == ["roles/tech-lead"])
    }
}

@Suite struct EditDistanceTests {
    /// The banded distance agrees with the plain one wherever it is within the limit.
    @Test func bandedEqualsPlain() {
        var generator = SeededGenerator(seed: 3)
        let letters = Array("abcde".unicodeScalars)
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let plain = Suggestions.distance(a, b)
            let limit = Int.random(in: 0...6, using: &generator)
            let banded = Suggestions.distance(a, b, limit: limit)
            if plain <= limit { #expect(banded == plain, "\(a) \(b) \(limit)") } else { #expect(banded > limit, "\(a) \(b) \(limit)") }
        }
    }

    /// The bit-parallel distance is the table's, for names up to 64
    /// characters (all of a word's bits), accents and all.
    @Test func bitParallelEqualsPlain() throws {
        var generator = SeededGenerator(seed: 7)
        let letters = Array("abcdeé-/".unicodeScalars)
        for round in 0..<1500 {
            let longest = round < 1000 ? 14 : 64
            let a = (0..<Int.random(in: 1...longest, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...(longest + 6), using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let matcher = try #require(BitParallelDistance(a))
            #expect(matcher.distance(to: b) == Suggestions.distance(a, b), "\(a) \(b)")
        }
        #expect(BitParallelDistance([]) == nil)
        #expect(BitParallelDistance(Array(String(repeating: "x", count: 65).unicodeScalars)) == nil)
    }
}
