import HandbookDiagnostics

/// Who owns each output address. Addresses are compared ignoring case, so a
/// site does not break on a case-insensitive file system. The first claim
/// wins; every later claim is refused and reported here, the one place where
/// duplicate addresses are found: pages first, then generated section pages,
/// redirects, the other generated pages and files, and content files last.
package struct AddressBook: Sendable {
    /// Lower-cased output path → who has it, for messages.
    private var owners: [String: String] = [:]
    package private(set) var diagnostics: [Diagnostic] = []

    package init() {}

    /// Who is claiming, and how a refusal is reported.
    package enum Claimant {
        /// A Markdown page (its source path and file for messages).
        case page(path: String, file: String, url: String)
        /// A redirect written for a page's `aliases` entry.
        case alias(String, file: String)
        /// A page or file Handbook generates.
        case generated
        /// A file copied from the content folder.
        case contentFile(file: String)
    }

    package func owner(of outputPath: String) -> String? { owners[outputPath.lowercased()] }

    /// Claims `outputPath`; false (and a diagnostic) when it is taken.
    package mutating func claim(_ outputPath: String, by claimant: Claimant) -> Bool {
        let key = outputPath.lowercased()
        guard let owner = owners[key] else {
            owners[key] = Self.name(of: claimant, outputPath)
            return true
        }
        switch claimant {
        case .page(let path, let file, let url):
            diagnostics.append(
                .warning(
                    DiagnosticID.urlDuplicate, at: SourceLocation(file: file),
                    "'\(path)' and '\(owner)' both become /\(url); '\(path)' is not published",
                    note: "rename one of them, or move one to another folder"))
        case .alias(let alias, let file):
            diagnostics.append(
                .warning(
                    DiagnosticID.urlDuplicate, at: SourceLocation(file: file),
                    "alias '\(alias)' is already the address of another page or alias; no redirect is written"))
        case .generated:
            diagnostics.append(
                .warning(
                    DiagnosticID.urlDuplicate, at: nil, "generated page /\(outputPath) is not written: \(owner) is already there",
                    note: "rename or move the page, or remove the front matter that generates the other one"))
        case .contentFile(let file):
            diagnostics.append(
                .error(
                    DiagnosticID.outputConflict, at: SourceLocation(file: file),
                    "\(file) would replace /\(outputPath), which Handbook generates",
                    note: "rename or move the file, or turn it into a Markdown page"))
        }
        return false
    }

    private static func name(of claimant: Claimant, _ outputPath: String) -> String {
        switch claimant {
        case .page(let path, _, _): path
        default: outputPath
        }
    }
}
