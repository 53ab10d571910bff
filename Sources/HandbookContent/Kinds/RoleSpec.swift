import HandbookDiagnostics

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
        var responsibilities: [String] = []
        for item in reader.texts(reader.value("responsibilities"), key: "responsibilities") {
            guard item.value.contains(where: { !$0.isWhitespace }) else {
                // The placeholder `handbook new` writes, never filled in: no empty bullet on the page.
                reader.diagnostics.append(
                    .warning(
                        DiagnosticID.roleEmptyResponsibility, at: SourceLocation(file: reader.file, line: item.line, column: item.column),
                        "an empty responsibility", note: "say what this role is accountable for, or remove the line"))
                continue
            }
            responsibilities.append(item.value)
        }
        return RoleSpec(
            track: track,
            reportsTo: reader.text(reader.value("reports_to"), key: "reports_to"),
            levels: reader.texts(reader.value("levels"), key: "levels"),
            responsibilities: responsibilities)
    }
}
