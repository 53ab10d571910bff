/// `kind: role` — a job in the organisation.
package struct RoleSpec: Sendable {
    /// `management`, `individual-contributor`, or a track id of a ladder.
    package var track: Located<String>?
    /// The role this one reports to (a role id).
    package var reportsTo: Located<String>?
    /// Ladder level ids this role spans.
    package var levels: [Located<String>]
    package var responsibilities: [String]

    static func decode(_ reader: inout SchemaReader) -> RoleSpec {
        let track = reader.string(reader.value("track"), key: "track", kind: "role")
        if reader.value("track") == nil { reader.missing("track", kind: "role") }
        return RoleSpec(
            track: track,
            reportsTo: reader.string(reader.value("reports_to"), key: "reports_to", kind: "role"),
            levels: reader.strings(reader.value("levels"), key: "levels", kind: "role"),
            responsibilities: reader.strings(reader.value("responsibilities"), key: "responsibilities", kind: "role").map(\.value))
    }
}
