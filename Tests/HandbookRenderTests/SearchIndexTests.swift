import Foundation
import HandbookTestSupport
import Testing

@testable import HandbookRender

@Suite struct SearchIndexTests {
    /// The words the stemmer is checked on, with the stems of an independent
    /// implementation (NLTK's, in its original-algorithm mode). `search.js`
    /// is checked against the same file.
    @Test func stemsMatchTheReferenceImplementation() throws {
        let url = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/search/stems.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.count > 1000)
        var wrong: [String] = []
        for line in lines {
            let pair = line.split(separator: " ").map(String.init)
            if PorterStemmer.stem(pair[0]) != pair[1] { wrong.append("\(pair[0]) → \(PorterStemmer.stem(pair[0])), expected \(pair[1])") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
        #expect(PorterStemmer.stem("équipe") == "équipe", "only ASCII letters are stemmed")
        #expect(PorterStemmer.stem("q3") == "q3")
    }

    /// Any word of letters stems without trapping, to a word no longer than itself.
    @Test func randomWordsStemSafely() {
        var random = SeededGenerator(seed: 42)
        let letters = Array("aeiouybcdlmnrstyzsl")
        for _ in 0..<20_000 {
            let word = String((0..<Int.random(in: 1...14, using: &random)).map { _ in letters.randomElement(using: &random) ?? "a" })
            let stem = PorterStemmer.stem(word)
            #expect(!stem.isEmpty && stem.count <= word.count + 1, "\(word) → \(stem)")
        }
    }

    func words(_ text: String) -> [String] { SearchText.words(text) }

    @Test func wordsAreFoldedSplitAndJoined() {
        #expect(words("The On-Call rota") == ["call", "oncall", "rota"], "stop words go; a hyphenated word is also one word")
        #expect(words("manager's and managers’ 1:1s") == ["managers", "managers", "1s"])
        #expect(words("Café RÉSUMÉ naïve") == ["cafe", "resume", "naive"])
        #expect(words("x—y a--b «quoted»") == ["quoted"], "one-letter ASCII words are skipped")
        #expect(words("Ünïcode-aware, 日本語") == ["unicode", "aware", "unicodeaware", "日本語"])
    }

    let terms = TermTable()

    func entry(_ title: String, text: String, kind: String = "page", url: String) -> SearchIndex.Entry {
        SearchIndex.entry(
            SearchIndex.Document(title: title, url: url, kind: kind, tags: [], headings: [], fields: [], text: text, track: nil),
            terms: terms)
    }

    @Test func aTitleWeighsMoreThanTextAndLongTextLess() throws {
        let titled = entry("Estimation", text: "How we size work.", url: "/a/")
        let mentioned = entry("Planning", text: "Estimation is hard.", url: "/b/")
        let long = entry("Planning", text: "Estimation. " + String(repeating: "filler words here ", count: 300), url: "/c/")
        let names = terms.names
        func weight(_ e: SearchIndex.Entry, _ term: String) -> Int32 { e.terms.first { names[Int($0.id)] == term }?.weight ?? 0 }
        #expect(weight(titled, "estim") > weight(mentioned, "estim"))
        #expect(weight(mentioned, "estim") > weight(long, "estim"))
        #expect(titled.terms.map(\.id) == titled.terms.map(\.id).sorted(), "terms in the order of their numbers")
        #expect(Set(titled.terms.map { names[Int($0.id)] }) == ["estim", "size", "work", "we", "how"])
    }

    @Test func filesAreShardedByPrefixAndStable() throws {
        var entries: [SearchIndex.Entry] = []
        for k in 0..<400 {
            let words = (0..<40).map { "w\(($0 * 7 + k) % 900)x" }.joined(separator: " ")
            entries.append(entry("Page \(k)", text: words, kind: k % 10 == 0 ? "role" : "page", url: "/s\(k % 3)/p\(k)/"))
        }
        let files = SearchIndex.files(entries, terms: terms, synonyms: [("EM", "Engineering Manager")], basePath: "/")
        #expect(files.map(\.path) == SearchIndex.files(entries.reversed(), terms: terms, synonyms: [("EM", "Engineering Manager")], basePath: "/").map(\.path))
        let shards = files.filter { $0.path.hasPrefix("t_") }
        #expect(shards.count > 1, "more than one shard")
        #expect(shards.allSatisfy { $0.text.utf8.count <= SearchIndex.shardLimit + 1024 })
        // Every term is in the shard of the longest listed prefix it starts with.
        let meta = try JSONSerialization.jsonObject(with: Data(files.first { $0.path == "meta.json" }!.text.utf8)) as! [String: Any]
        let prefixes = meta["shards"] as! [String]
        #expect(meta["n"] as? Int == 400)
        for shard in shards {
            let terms = try JSONSerialization.jsonObject(with: Data(shard.text.utf8)) as! [String: String]
            for term in terms.keys {
                let owner = prefixes.filter { term.hasPrefix($0) }.max { $0.count < $1.count }!
                #expect(SearchIndex.shardFile(owner) == shard.path, "\(term)")
            }
        }
        #expect(files.contains { $0.path == "d6.json" } && !files.contains { $0.path == "d7.json" }, "64 pages a file")
        #expect((meta["kinds"] as! [String: String]).keys.sorted() == ["role"])
        #expect((meta["synonyms"] as! [String: [String]]) == ["em": ["Engineering Manager"]])
    }

    @Test func postingsArePackedGaps() {
        var p = SearchIndex.Postings()
        p.add(doc: 0, weight: 5)
        p.add(doc: 40, weight: 100)
        // Gap 1, weight 5, gap 40 (low five bits 8 with "more" set, then 1), weight 100 (4, then 3).
        #expect(String(decoding: p.bytes, as: UTF8.self) == "BF" + "oB" + "kD")
    }

    @Test func plainTextOfHTML() {
        #expect(SearchIndex.plainText(ofHTML: "<h2 id=\"x\">Hiring</h2>\n<p>Ship <em>small</em> &amp; often&#39;s &#x41;.</p>") == "Hiring Ship small & often's A.")
        #expect(SearchIndex.plainText(ofHTML: "<p>" + String(repeating: "word ", count: 500) + "</p>", limit: 20).count == 20)
    }

    /// The index reads the words of a page's HTML run by run, without making
    /// its plain text: the words must be those of the plain text.
    @Test(arguments: [
        "<h2 id=\"x\">Hiring</h2>\n<p>Ship <em>small</em> &amp; often&#39;s &#x41;.</p>",
        "<p>on-call<br>rota</p><p>manager&#8217;s 1:1s&nbsp;weekly\u{00A0}review, caf\u{00E9} &unknown; AT&T</p>",
        "<p>tag<b>split</b>word and a-<i>b</i> x<y</p>",
        "text with no tags, and an unclosed <tag",
        "<pre><code>let x = a &lt; b &amp;&amp; c;</code></pre>&",
        "",
    ])
    func wordsOfHTMLAreTheWordsOfItsPlainText(html: String) {
        var fromHTML: [String] = []
        SearchText.words(html: html, into: &fromHTML)
        #expect(fromHTML == SearchText.words(SearchIndex.plainText(ofHTML: html)))
        #expect(!fromHTML.isEmpty || html.isEmpty)
    }

    @Test func wordsOfHTMLSkipTagsAndDecodeEntities() {
        var words: [String] = []
        SearchText.words(html: "<p>Ship <em>small</em> &amp; often</p><p>tag<b>split</b> caf&#233;&nbsp;rota</p>", into: &words)
        #expect(words == ["ship", "small", "often", "tag", "split", "cafe", "rota"])
    }
}
