import Foundation
import HandbookTestSupport
import Testing

/// Built for `https://intranet.example.com/handbook/`, every internal
/// reference of the bundled handbook (links, stylesheets, scripts, images,
/// redirects) stays under `/handbook/` and points at a file that exists.
@Suite struct SubPathCrawlTests {
    @Test func everyInternalReferenceResolvesUnderThePrefix() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "build", "--site", TestSite.repositoryRoot.path, "--output", out.path, "--today", "2026-11-26",
            "--base-url", "https://intranet.example.com/handbook/",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let pattern = try NSRegularExpression(pattern: #"(?:href|src|content)="([^"]*)""#)
        var checked = 0
        var problems: [String] = []
        let files = FileManager.default.enumerator(atPath: out.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        for file in files {
            let html = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                var reference = String(html[Range(match.range(at: 1), in: html)!])
                if reference.hasPrefix("0; url=") { reference = String(reference.dropFirst(7)) }  // meta refresh
                if reference.hasPrefix("https://intranet.example.com") { reference = String(reference.dropFirst(28)) }
                guard reference.hasPrefix("/") else { continue }  // external, fragment-only or a plain attribute value
                checked += 1
                guard reference.hasPrefix("/handbook/") else {
                    problems.append("\(file): \(reference) escapes the prefix")
                    continue
                }
                var path = String(reference.dropFirst("/handbook/".count))
                if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
                path = path.removingPercentEncoding ?? path
                let target = out.appendingPathComponent(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
                if !FileManager.default.fileExists(atPath: target.path) { problems.append("\(file): \(reference) is missing") }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(checked > 500, "the crawl followed \(checked) references")
    }
}
