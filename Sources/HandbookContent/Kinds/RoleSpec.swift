/// `kind: role` — a job in the organisation.
package struct RoleSpec: Sendable {
    /// `management`, `individual-contributor`, or a track id of a ladder.
    package var track: Located<String>?
    /// The role this one reports to (a role id).
    package var reportsTo: Located<String>?
    /// Ladder level ids this role spans.
    package var levels: [Located<String>]
    package var responsibilities: [String]

    static func decode(_ reader: inout FieldReader) -> RoleSpec {
        let track = reader.text(reader.value("track"), key: "track")
        if reader.value("track") == nil { reader.missing("track") }
        return RoleSpec(
            track: track,
            reportsTo: reader.text(reader.value("reports_to"), key: "reports_to"),
            levels: reader.texts(reader.value("levels"), key: "levels"),
            responsibilities: reader.texts(reader.value("responsibilities"), key: "responsibilities").map(\.value))
    }
}
