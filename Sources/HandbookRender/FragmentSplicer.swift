import HandbookMarkdown

/// Joins HTML fragments that refer to each other through markers
/// (`<!--hb:12-->` stands for fragment 12), without recursion.
///
/// Nested structures — a sidebar's folders, an org chart's reporting lines —
/// are rendered one fragment per node, each once, with a marker where its
/// children go. Splicing is then a byte copy whose cost is the size of the
/// result, and whose depth (the site's to choose) costs no stack.
struct FragmentSplicer: Sendable {
    private let fragments: [[UInt8]]
    /// Each fragment's markers in order, found once: splicing only copies.
    private let markers: [[Marker]]

    private struct Marker: Sendable {
        var start: Int
        var end: Int
        var number: Int
    }

    init(_ fragments: [String]) {
        self.fragments = fragments.map { Array($0.utf8) }
        markers = self.fragments.map { bytes in
            var found: [Marker] = []
            var position = 0
            while let (start, end, number) = Self.nextMarker(in: bytes, from: position) {
                found.append(Marker(start: start, end: end, number: number))
                position = end
            }
            return found
        }
    }

    static func marker(_ fragment: Int) -> String { "<!--hb:\(fragment)-->" }

    private static let prefix = Array("<!--hb:".utf8)
    private static let suffix = Array("-->".utf8)

    /// Fragment `root` with every marker for which `expand` is true replaced
    /// by its fragment (spliced the same way) and every other marker dropped.
    /// A fragment is expanded at most once.
    func splice(_ root: Int, expand: (Int) -> Bool = { _ in true }) -> String {
        splice(root, resolve: { expand($0) ? $0 : nil })
    }

    /// The same, with `resolve` choosing which fragment a marker stands for
    /// (nil drops it).
    func splice(_ root: Int, resolve: (Int) -> Int?) -> String {
        guard fragments.indices.contains(root) else { return "" }
        var out: [UInt8] = []
        var expanded: Set<Int> = [root]
        // Each frame: a fragment, how far it has been copied, and its next marker.
        var stack: [(fragment: Int, position: Int, marker: Int)] = [(root, 0, 0)]
        while let top = stack.last {
            let bytes = fragments[top.fragment]
            guard top.marker < markers[top.fragment].count else {
                out.append(contentsOf: bytes[top.position...])
                stack.removeLast()
                continue
            }
            let marker = markers[top.fragment][top.marker]
            out.append(contentsOf: bytes[top.position..<marker.start])
            stack[stack.count - 1].position = marker.end
            stack[stack.count - 1].marker += 1
            if let fragment = resolve(marker.number), fragments.indices.contains(fragment), expanded.insert(fragment).inserted {
                stack.append((fragment, 0, 0))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The next marker at or after `from`: its byte range and number.
    private static func nextMarker(in bytes: [UInt8], from: Int) -> (start: Int, end: Int, number: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            var i = from
            while i + prefix.count < buffer.count {
                if buffer[i] == prefix[0],
                    let marker = NumberedMarker.match(in: buffer, at: i, open: prefix, close: suffix, maxDigits: 18)
                {
                    return (i, marker.end, marker.number)
                }
                i += 1
            }
            return nil
        }
    }
}
