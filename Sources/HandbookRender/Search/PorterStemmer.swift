/// Martin Porter's 1980 suffix-stripping algorithm, as published (no later
/// departures), so that "engineering", "engineer" and "engineers" are one
/// term. The theme's `search.js` has the same algorithm for queries; both are
/// checked against the same list of words (`Tests/Fixtures/search/stems.txt`).
///
/// It works on lower-case ASCII letters; any other word is returned as it is.
package enum PorterStemmer {
    package static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Word(b: bytes, k: bytes.count - 1, j: 0)
        w.step1ab()
        if w.k > 0 {
            w.step1c()
            w.step2()
            w.step3()
            w.step4()
            w.step5()
        }
        bytes = Array(w.b[0...w.k])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The word being stemmed: `b[0...k]` is the current word; `j` marks where
    /// the suffix last matched by `ends` starts (`b[0...j]` is the stem).
    private struct Word {
        var b: [UInt8]
        var k: Int
        var j: Int

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
            case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(i - 1)
            default: return true
            }
        }

        /// The number of vowel-consonant sequences in `b[0...j]`.
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        func vowelInStem() -> Bool {
            guard j >= 0 else { return false }
            return (0...j).contains { !isConsonant($0) }
        }

        func doubleConsonant(_ i: Int) -> Bool {
            i >= 1 && b[i] == b[i - 1] && isConsonant(i)
        }

        /// Consonant, vowel, consonant ending at `i`, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            let c = b[i]
            return c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "y")
        }

        mutating func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard length <= k + 1 else { return false }
            let start = k - length + 1
            let matches = suffix.withUTF8Buffer { s in (0..<length).allSatisfy { b[start + $0] == s[$0] } }
            if matches { j = k - length }
            return matches
        }

        mutating func setTo(_ replacement: StaticString) {
            let length = replacement.utf8CodeUnitCount
            replacement.withUTF8Buffer { s in
                for i in 0..<length {
                    if j + 1 + i < b.count { b[j + 1 + i] = s[i] } else { b.append(s[i]) }
                }
            }
            k = j + length
        }

        mutating func replace(_ replacement: StaticString) {
            if measure() > 0 { setTo(replacement) }
        }

        /// Plurals and -ed or -ing.
        mutating func step1ab() {
            if b[k] == UInt8(ascii: "s") {
                if ends("sses") {
                    k -= 2
                } else if ends("ies") {
                    setTo("i")
                } else if b[k - 1] != UInt8(ascii: "s") {
                    k -= 1
                }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if ends("ed") || ends("ing"), vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    k -= 1
                    let c = b[k]
                    if c == UInt8(ascii: "l") || c == UInt8(ascii: "s") || c == UInt8(ascii: "z") { k += 1 }
                } else if measure() == 1, cvc(k) {
                    setTo("e")
                }
            }
        }

        /// A final y becomes i when there is another vowel in the stem.
        mutating func step1c() {
            if ends("y"), vowelInStem() { b[k] = UInt8(ascii: "i") }
        }

        /// Double suffixes to single ones.
        mutating func step2() {
            let rules: [(StaticString, StaticString)]
            switch b[k - 1] {
            case UInt8(ascii: "a"): rules = [("ational", "ate"), ("tional", "tion")]
            case UInt8(ascii: "c"): rules = [("enci", "ence"), ("anci", "ance")]
            case UInt8(ascii: "e"): rules = [("izer", "ize")]
            case UInt8(ascii: "l"): rules = [("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")]
            case UInt8(ascii: "o"): rules = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")]
            case UInt8(ascii: "s"): rules = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")]
            case UInt8(ascii: "t"): rules = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")]
            default: return
            }
            for (suffix, replacement) in rules where ends(suffix) {
                replace(replacement)
                return
            }
        }

        /// -ic-, -full, -ness and the like.
        mutating func step3() {
            let rules: [(StaticString, StaticString)]
            switch b[k] {
            case UInt8(ascii: "e"): rules = [("icate", "ic"), ("ative", ""), ("alize", "al")]
            case UInt8(ascii: "i"): rules = [("iciti", "ic")]
            case UInt8(ascii: "l"): rules = [("ical", "ic"), ("ful", "")]
            case UInt8(ascii: "s"): rules = [("ness", "")]
            default: return
            }
            for (suffix, replacement) in rules where ends(suffix) {
                replace(replacement)
                return
            }
        }

        /// -ant, -ence and the like, from a stem of measure 2 or more.
        mutating func step4() {
            let suffixes: [StaticString]
            switch b[k - 1] {
            case UInt8(ascii: "a"): suffixes = ["al"]
            case UInt8(ascii: "c"): suffixes = ["ance", "ence"]
            case UInt8(ascii: "e"): suffixes = ["er"]
            case UInt8(ascii: "i"): suffixes = ["ic"]
            case UInt8(ascii: "l"): suffixes = ["able", "ible"]
            case UInt8(ascii: "n"): suffixes = ["ant", "ement", "ment", "ent"]
            case UInt8(ascii: "o"):
                if ends("ion"), j >= 0, b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t") {
                    suffixes = []
                } else if ends("ou") {
                    suffixes = []
                } else {
                    return
                }
            case UInt8(ascii: "s"): suffixes = ["ism"]
            case UInt8(ascii: "t"): suffixes = ["ate", "iti"]
            case UInt8(ascii: "u"): suffixes = ["ous"]
            case UInt8(ascii: "v"): suffixes = ["ive"]
            case UInt8(ascii: "z"): suffixes = ["ize"]
            default: return
            }
            if !suffixes.isEmpty {
                var matched = false
                for suffix in suffixes where ends(suffix) {
                    matched = true
                    break
                }
                guard matched else { return }
            }
            if measure() > 1 { k = j }
        }

        /// A final -e, and -ll to -l, on long stems.
        mutating func step5() {
            j = k
            if b[k] == UInt8(ascii: "e") {
                let m = measure()
                if m > 1 || m == 1 && !cvc(k - 1) { k -= 1 }
            }
            if b[k] == UInt8(ascii: "l"), doubleConsonant(k), measure() > 1 { k -= 1 }
        }
    }
}
