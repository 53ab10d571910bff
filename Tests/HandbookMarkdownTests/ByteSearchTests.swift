import HandbookTestSupport
import Testing

@testable import HandbookMarkdown

/// The byte search every page's checks share: the same answers as a plain scan.
@Suite struct ByteSearchTests {
    private func find(_ needle: String, in text: String, from start: Int = 0) -> Int? {
        let n = Array(needle.utf8)
        let t = Array(text.utf8)
        return n.withUnsafeBufferPointer { n in t.withUnsafeBufferPointer { ByteSearch.offset(of: n, in: $0, from: start) } }
    }

    @Test func findsTheFirstWholeMatchAtOrAfterTheStart() {
        #expect(find("://", in: "see http://x and https://y") == 8)
        #expect(find("://", in: "see http://x and https://y", from: 9) == 22)
        #expect(find("ww.", in: "w ww ww.x") == 5)  // a first byte that does not lead to a match is passed over
        #expect(find("abc", in: "ab") == nil)
        #expect(find("abc", in: "xxab") == nil)  // a partial match at the very end
        #expect(find("", in: "abc", from: 2) == 2)
        #expect(find("a", in: "abc", from: 3) == nil)
    }

    @Test func agreesWithAPlainScan() {
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &generator)).map { _ in "ab%.".randomElement(using: &generator)! })
            let needle = String((0..<Int.random(in: 1...3, using: &generator)).map { _ in "ab%.".randomElement(using: &generator)! })
            let t = Array(text.utf8), n = Array(needle.utf8)
            let plain = t.count < n.count ? nil : (0...(t.count - n.count)).first { Array(t[$0..<($0 + n.count)]) == n }
            #expect(find(needle, in: text) == plain, "\(needle) in \(text)")
        }
    }
}
