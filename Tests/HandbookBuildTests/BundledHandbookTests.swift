import Foundation
import HandbookTestSupport
import Testing

/// The handbook in this repository's `content/` builds cleanly: the CI gate
/// for the bundled handbook. (What the leadership pages show is tested on a
/// fixture: `LeadershipPagesTests`.)
@Suite struct BundledHandbookTests {
    @Test func checksCleanUnderStrict() throws {
        let result = try CLI.run(["check", "--site", TestSite.repositoryRoot.path, "--today", "2026-11-26"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("0 errors, 0 warnings in "))
    }
}
