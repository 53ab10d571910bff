import HandbookDiagnostics

/// `kind: ladder` — a career ladder: tracks of ordered levels, levels, and
/// competencies with what each level is expected to show.
package struct LadderSpec: Sendable {
    package struct Track: Sendable {
        package var id: Located<String>
        package var title: String
        /// Level ids, lowest first.
        package var levels: [Located<String>]
    }

    package struct Level: Sendable {
        package var id: Located<String>
        package var title: String
        package var track: Located<String>?
        package var summary: String?
    }

    package struct Competency: Sendable {
        package var id: Located<String>
        package var title: String
        package var description: String?
        /// Level id → expectation, in the order written.
        package var expectations: [(level: Located<String>, text: String)]
    }

    package var tracks: [Track]
    package var levels: [Level]
    package var competencies: [Competency]
    /// Pairs of levels on different tracks with the same scope: moving between
    /// them is a change of job, not a promotion.
    package var equivalents: [(Located<String>, Located<String>)]

    static func decode(_ reader: inout FieldReader) -> LadderSpec {
        for key in ["tracks", "levels", "competencies"] where reader.value(key) == nil {
            reader.missing(key)
        }
        var tracks: [Track] = []
        for node in reader.list(reader.value("tracks"), key: "tracks") {
            guard let id = requiredID(node, in: "tracks", &reader) else { continue }
            tracks.append(
                Track(
                    id: id, title: reader.text(node["title"], key: "title")?.value ?? id.value,
                    levels: reader.texts(node["levels"], key: "levels")))
        }
        var levels: [Level] = []
        for node in reader.list(reader.value("levels"), key: "levels") {
            guard let id = requiredID(node, in: "levels", &reader) else { continue }
            levels.append(
                Level(
                    id: id, title: reader.text(node["title"], key: "title")?.value ?? id.value,
                    track: reader.text(node["track"], key: "track"),
                    summary: reader.text(node["summary"], key: "summary")?.value))
        }
        var competencies: [Competency] = []
        for node in reader.list(reader.value("competencies"), key: "competencies") {
            guard let id = requiredID(node, in: "competencies", &reader) else { continue }
            var expectations: [(Located<String>, String)] = []
            if let map = node["expectations"] {
                if case .mapping(let entries, _, _) = map {
                    for entry in entries {
                        let text = reader.text(entry.value, key: "expectations." + entry.key)?.value ?? ""
                        expectations.append((Located(entry.key, line: entry.line, column: entry.column), text))
                    }
                } else {
                    reader.report(DiagnosticID.ladderType, map, "'expectations' must be a mapping of level id to text")
                }
            }
            competencies.append(
                Competency(
                    id: id, title: reader.text(node["title"], key: "title")?.value ?? id.value,
                    description: reader.text(node["description"], key: "description")?.value,
                    expectations: expectations))
        }
        var equivalents: [(Located<String>, Located<String>)] = []
        for node in reader.list(reader.value("equivalent"), key: "equivalent") {
            let pair = reader.texts(node, key: "equivalent")
            guard pair.count == 2 else {
                reader.report(DiagnosticID.ladderType, node, "each entry of 'equivalent' must be a pair of level ids, such as [E4, M1]")
                continue
            }
            equivalents.append((pair[0], pair[1]))
        }
        return LadderSpec(tracks: tracks, levels: levels, competencies: competencies, equivalents: equivalents)
    }

    private static func requiredID(_ node: YAMLValue, in list: String, _ reader: inout FieldReader) -> Located<String>? {
        guard case .mapping = node else {
            reader.report(DiagnosticID.ladderType, node, "each entry of '\(list)' must be a mapping with an 'id'")
            return nil
        }
        guard let id = reader.text(node["id"], key: "id") else {
            reader.report(DiagnosticID.ladderMissingKey, node, "an entry of '\(list)' has no 'id'")
            return nil
        }
        return id
    }
}
