/// A value read from YAML, with the line and column where it was written, so
/// that a later check (an unknown role, say) can point at it.
package struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    package var value: Value
    package var line: Int
    package var column: Int

    package init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    init(_ value: Value, at node: YAMLValue) {
        self.init(value, line: node.line, column: node.column)
    }
}
