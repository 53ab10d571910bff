import Foundation

/// One file of the built site, below the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// Rendered bytes (UTF-8): pages go from the template to the file without becoming a `String`.
        case bytes([UInt8])
        /// A file copied as it is (content assets, theme files).
        case copy(from: String)

        /// The text of a file made by the build (nil for a copied file).
        public var text: String? {
            switch self {
            case .text(let text): text
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            case .copy: nil
            }
        }
    }

    /// Path below the output folder, with `/`.
    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}
