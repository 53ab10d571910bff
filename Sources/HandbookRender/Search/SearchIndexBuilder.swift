import HandbookEscaping
import HandbookSystem

extension SearchIndex {
    /// Keeps the index between builds so that the preview server can patch
    /// it: when some pages' terms change and no page comes or goes, only the
    /// shards holding their terms, the title files of pages whose title
    /// changed, and `meta.json` are made again. The files are the same as a
    /// rebuild's (`IncrementalBuildTests` compare them).
    package struct Builder: Sendable {
        /// The names of the entries' term numbers.
        let table: TermTable
        let synonyms: [(term: String, meaning: String)]
        let basePath: String
        /// Pages in address order; a page's number is its place here.
        private var docs: [Entry] = []
        private var number: [String: Int] = [:]
        /// Each term's pages, in order, with their weights, and the same packed.
        private var postings: [String: (docs: [Int32], weights: [Int])] = [:]
        /// Each term's entry in its shard's file: `"term":"packed postings"`.
        private var packed: [String: [UInt8]] = [:]
        /// Each term's share of its shard's file, in bytes (about).
        private var sizes: [String: Int] = [:]
        private var terms: [String] = []
        /// Terms came or went since the last layout.
        private var termsChanged = false
        /// Each shard's terms and file text, by prefix.
        private var shards: [String: (terms: ArraySlice<String>, text: String)] = [:]

        package init(terms: TermTable, synonyms: [(term: String, meaning: String)], basePath: String) {
            self.table = terms
            self.synonyms = synonyms
            self.basePath = basePath
        }

        /// Every file, from these pages.
        package mutating func rebuild(_ entries: [Entry]) -> [(path: String, text: String)] {
            docs = entries.sorted { $0.url < $1.url }
            number = Dictionary(docs.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { a, _ in a })
            // Each term present numbered on first sight (the table's numbers
            // cover every term met so far), its pages counted, then every
            // posting put in its term's run of flat arrays, in page order.
            let all = table.names
            var local = [Int32](repeating: -1, count: all.count)
            var names: [String] = []
            var counts: [Int] = []
            var termOf: [Int32] = []
            termOf.reserveCapacity(docs.reduce(0) { $0 + $1.terms.count })
            for doc in docs {
                for t in doc.terms {
                    if local[Int(t.id)] < 0 {
                        local[Int(t.id)] = Int32(names.count)
                        names.append(all[Int(t.id)])
                        counts.append(0)
                    }
                    let id = local[Int(t.id)]
                    counts[Int(id)] += 1
                    termOf.append(id)
                }
            }
            var starts = [Int](repeating: 0, count: counts.count + 1)
            for id in counts.indices { starts[id + 1] = starts[id] + counts[id] }
            var next = starts
            var flatDocs = [Int32](repeating: 0, count: termOf.count)
            var flatWeights = [Int](repeating: 0, count: termOf.count)
            var k = 0
            for (d, doc) in docs.enumerated() {
                for t in doc.terms {
                    let id = Int(termOf[k])
                    flatDocs[next[id]] = Int32(d)
                    flatWeights[next[id]] = Int(t.weight)
                    next[id] += 1
                    k += 1
                }
            }
            let lists = names.indices.map { id in
                (docs: Array(flatDocs[starts[id]..<starts[id + 1]]), weights: Array(flatWeights[starts[id]..<starts[id + 1]]))
            }
            // Each term's text in its shard, on all cores (a few hundred thousand terms at 100,000 pages).
            let named = names
            let texts = parallelMap(Array(named.indices)) { id in Self.pack(named[id], lists[id]) }
            postings = Dictionary(minimumCapacity: names.count)
            packed = Dictionary(minimumCapacity: names.count)
            sizes = Dictionary(minimumCapacity: names.count)
            for (id, name) in names.enumerated() {
                postings[name] = lists[id]
                packed[name] = texts[id]
                sizes[name] = Self.size(texts[id])
            }
            terms = names.sorted(by: SearchIndex.precedes)
            shards = [:]
            var files = layout(dirty: nil).written
            let builder = self
            files += parallelMap(Array(stride(from: 0, to: docs.count, by: chunk))) { start in builder.chunkFile(start / chunk) }
            files.append((metaName, SearchIndex.meta(docs, prefixes: prefixes, synonyms: synonyms, basePath: basePath)))
            return files
        }

        /// The files that change when these pages' entries replace their
        /// previous ones, and the files that go; nil when the site now has
        /// other pages than `count` of the same addresses, or other settings
        /// (the caller rebuilds).
        package mutating func update(_ entries: [Entry], count: Int, synonyms: [(term: String, meaning: String)], basePath: String)
            -> (written: [(path: String, text: String)], removed: [String])?
        {
            guard count == docs.count, basePath == self.basePath,
                synonyms.map({ $0.term + "\u{0}" + $0.meaning }) == self.synonyms.map({ $0.term + "\u{0}" + $0.meaning }),
                entries.allSatisfy({ number[$0.url] != nil })
            else { return nil }
            let names = table.names
            var dirtyTerms: Set<String> = []
            var dirtyChunks: Set<Int> = []
            var metaChanged = false
            for entry in entries {
                guard let d = number[entry.url] else { return nil }
                let old = docs[d]
                guard old != entry else { continue }
                if old.title != entry.title { dirtyChunks.insert(d / chunk) }
                if old.kind != entry.kind || old.track != entry.track { metaChanged = true }
                let before = Dictionary(old.terms.map { (names[Int($0.id)], Int($0.weight)) }, uniquingKeysWith: { a, _ in a })
                let after = Dictionary(entry.terms.map { (names[Int($0.id)], Int($0.weight)) }, uniquingKeysWith: { a, _ in a })
                for (term, _) in before where after[term] == nil {
                    remove(Int32(d), from: term)
                    dirtyTerms.insert(term)
                }
                for (term, weight) in after where before[term] != weight {
                    set(Int32(d), weight: weight, in: term)
                    dirtyTerms.insert(term)
                }
                docs[d] = entry
            }
            for term in dirtyTerms {
                packed[term] = postings[term].map { Self.pack(term, $0) }
                sizes[term] = packed[term].map(Self.size)
            }
            let oldPrefixes = Set(shards.keys)
            var (written, removed) = layout(dirty: dirtyTerms)
            if written.isEmpty && removed.isEmpty && dirtyChunks.isEmpty && !metaChanged { return ([], []) }
            for c in dirtyChunks.sorted() { written.append(chunkFile(c)) }
            if metaChanged || oldPrefixes != Set(shards.keys) {
                written.append((metaName, SearchIndex.meta(docs, prefixes: prefixes, synonyms: synonyms, basePath: basePath)))
            }
            return (written, removed)
        }

        private var prefixes: [String] { shards.keys.sorted() }

        /// Makes the text of each shard that holds a dirty term (every shard
        /// when `dirty` is nil). When terms came or went, or a shard grew past
        /// the limit or shrank enough to merge, the terms are cut into shards
        /// again and a shard that is new or holds other terms is made too.
        private mutating func layout(dirty: Set<String>?) -> (written: [(path: String, text: String)], removed: [String]) {
            var dirtyShards: Set<String> = []
            for term in dirty ?? [] {
                if let shard = shard(of: term) { dirtyShards.insert(shard) }
            }
            if dirty != nil, !termsChanged, cutHolds(after: dirtyShards) {
                var written: [(path: String, text: String)] = []
                for prefix in dirtyShards.sorted() {
                    guard let terms = shards[prefix]?.terms else { continue }
                    let text = shardText(terms)
                    shards[prefix] = (terms, text)
                    written.append((SearchIndex.shardFile(prefix), text))
                }
                return (written, [])
            }
            termsChanged = false
            let cut = SearchIndex.shards(terms[...], sizes: sizes)
            var written: [(path: String, text: String)] = []
            var next: [String: (terms: ArraySlice<String>, text: String)] = [:]
            var fresh: [(prefix: String, terms: ArraySlice<String>)] = []
            for shard in cut {
                if dirty != nil, !dirtyShards.contains(shard.prefix), let old = shards[shard.prefix], old.terms.elementsEqual(shard.terms) {
                    next[shard.prefix] = (shard.terms, old.text)
                } else {
                    fresh.append(shard)
                }
            }
            let builder = self
            let texts = parallelMap(fresh) { builder.shardText($0.terms) }
            for (shard, text) in zip(fresh, texts) {
                next[shard.prefix] = (shard.terms, text)
                written.append((SearchIndex.shardFile(shard.prefix), text))
            }
            let removed = shards.keys.filter { next[$0] == nil }.sorted().map(SearchIndex.shardFile)
            shards = next
            return (written, removed)
        }

        private func shardText(_ terms: ArraySlice<String>) -> String {
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            bytes.reserveCapacity(terms.reduce(4) { $0 + (packed[$1]?.count ?? 0) + 1 })
            for (k, term) in terms.enumerated() {
                if k > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += packed[term] ?? []
            }
            bytes += [UInt8(ascii: "}"), UInt8(ascii: "\n")]
            return String(decoding: bytes, as: UTF8.self)
        }

        /// The shard of a term: the longest prefix of it that is a shard.
        private func shard(of term: String) -> String? {
            var length = term.unicodeScalars.count
            while length >= 0 {
                let p = SearchIndex.prefix(term, length)
                if shards[p] != nil { return p }
                length -= 1
            }
            return nil
        }

        /// Whether `SearchIndex.shards` would cut the same terms the same way
        /// now that the shards `changed` changed size: each of their prefixes
        /// that was split is still over the limit, and each that was not is
        /// still under it.
        private func cutHolds(after changed: Set<String>) -> Bool {
            var shardSize: [String: Int] = [:]
            for (prefix, shard) in shards { shardSize[prefix] = shard.terms.reduce(0) { $0 + sizes[$1, default: 0] } }
            var groups: [String: (size: Int, split: Bool)] = [:]
            for prefix in changed {
                let length = prefix.unicodeScalars.count
                for n in 0...length {
                    let group = SearchIndex.prefix(prefix, n)
                    if groups[group] == nil {
                        var size = 0
                        var longer = false
                        for (p, s) in shardSize where p.utf8.starts(with: group.utf8) {
                            size += s
                            if p != group { longer = true }
                        }
                        groups[group] = (size, longer)
                    }
                    guard let g = groups[group] else { return false }
                    let wasSplit = n < length || g.split
                    if wasSplit ? g.size <= shardLimit : g.size > shardLimit { return false }
                }
            }
            return true
        }

        private func chunkFile(_ c: Int) -> (path: String, text: String) {
            let rows = docs[(c * chunk)..<min(docs.count, (c + 1) * chunk)].map { "[" + Escape.json($0.url) + "," + Escape.json($0.title) + "]" }
            return ("d\(c).json", "[" + rows.joined(separator: ",\n") + "]\n")
        }

        private mutating func remove(_ d: Int32, from term: String) {
            guard var list = postings[term], let at = Self.position(of: d, in: list.docs), list.docs[at] == d else { return }
            list.docs.remove(at: at)
            list.weights.remove(at: at)
            if list.docs.isEmpty {
                postings[term] = nil
                packed[term] = nil
                sizes[term] = nil
                termsChanged = true
                if let t = Self.position(of: term, in: terms), t < terms.count, terms[t] == term { terms.remove(at: t) }
            } else {
                postings[term] = list
            }
        }

        private mutating func set(_ d: Int32, weight: Int, in term: String) {
            var list = postings[term] ?? ([], [])
            if list.docs.isEmpty, let t = Self.position(of: term, in: terms) {
                terms.insert(term, at: t)
                termsChanged = true
            }
            let at = Self.position(of: d, in: list.docs) ?? list.docs.count
            if at < list.docs.count, list.docs[at] == d {
                list.weights[at] = weight
            } else {
                list.docs.insert(d, at: at)
                list.weights.insert(weight, at: at)
            }
            postings[term] = list
        }

        /// The first index whose element is not less than `value`.
        private static func position(of value: Int32, in sorted: [Int32]) -> Int? {
            position(sorted.count) { sorted[$0] < value }
        }

        private static func position(of term: String, in sorted: [String]) -> Int? {
            position(sorted.count) { SearchIndex.precedes(sorted[$0], term) }
        }

        /// The first index in `0..<count` for which `isBefore` is false.
        private static func position(_ count: Int, isBefore: (Int) -> Bool) -> Int? {
            var low = 0
            var high = count
            while low < high {
                let mid = (low + high) / 2
                if isBefore(mid) { low = mid + 1 } else { high = mid }
            }
            return low
        }

        private static func size(_ packed: [UInt8]) -> Int { packed.count + 1 }

        private static func pack(_ term: String, _ list: (docs: [Int32], weights: [Int])) -> [UInt8] {
            var p = Postings()
            p.bytes = Array((Escape.json(term) + ":\"").utf8)
            for (d, w) in zip(list.docs, list.weights) { p.add(doc: Int(d), weight: w) }
            p.bytes.append(UInt8(ascii: "\""))
            return p.bytes
        }
    }
}
