/// A position in a source file: a path relative to the site (or absolute when
/// outside it), a 1-based line and a 1-based column counted in UTF-8 bytes, as
/// cmark, compilers and editors count them.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// The same file, moved down by `lines` (front matter offsets, cell offsets).
    public func offset(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column + columns)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
