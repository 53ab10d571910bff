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

    static func decode(_ reader: inout SchemaReader) -> LadderSpec {
        for key in ["tracks", "levels", "competencies"] where reader.value(key) == nil {
            reader.missing(key, kind: "ladder")
        }
        var tracks: [Track] = []
        for node in reader.list(reader.value("tracks"), key: "tracks", kind: "ladder") {
            guard let id = requiredID(node, in: "tracks", &reader) else { continue }
            tracks.append(
                Track(
                    id: id, title: reader.string(node["title"], key: "title", kind: "ladder")?.value ?? id.value,
                    levels: reader.strings(node["levels"], key: "levels", kind: "ladder")))
        }
        var levels: [Level] = []
        for node in reader.list(reader.value("levels"), key: "levels", kind: "ladder") {
            guard let id = requiredID(node, in: "levels", &reader) else { continue }
            levels.append(
                Level(
                    id: id, title: reader.string(node["title"], key: "title", kind: "ladder")?.value ?? id.value,
                    track: reader.string(node["track"], key: "track", kind: "ladder"),
                    summary: reader.string(node["summary"], key: "summary", kind: "ladder")?.value))
        }
        var competencies: [Competency] = []
        for node in reader.list(reader.value("competencies"), key: "competencies", kind: "ladder") {
            guard let id = requiredID(node, in: "competencies", &reader) else { continue }
            var expectations: [(Located<String>, String)] = []
            if let map = node["expectations"] {
                if case .mapping(let entries, _, _) = map {
                    for entry in entries {
                        let text = reader.string(entry.value, key: "expectations." + entry.key, kind: "ladder")?.value ?? ""
                        expectations.append((Located(entry.key, line: entry.line, column: entry.column), text))
                    }
                } else {
                    reader.error("ladder.type", map, "'expectations' must be a mapping of level id to text")
                }
            }
            competencies.append(
                Competency(
                    id: id, title: reader.string(node["title"], key: "title", kind: "ladder")?.value ?? id.value,
                    description: reader.string(node["description"], key: "description", kind: "ladder")?.value,
                    expectations: expectations))
        }
        var equivalents: [(Located<String>, Located<String>)] = []
        for node in reader.list(reader.value("equivalent"), key: "equivalent", kind: "ladder") {
            let pair = reader.strings(node, key: "equivalent", kind: "ladder")
            guard pair.count == 2 else {
                reader.error("ladder.type", node, "each entry of 'equivalent' must be a pair of level ids, such as [E4, M1]")
                continue
            }
            equivalents.append((pair[0], pair[1]))
        }
        return LadderSpec(tracks: tracks, levels: levels, competencies: competencies, equivalents: equivalents)
    }

    private static func requiredID(_ node: YAMLValue, in list: String, _ reader: inout SchemaReader) -> Located<String>? {
        guard case .mapping = node else {
            reader.error("ladder.type", node, "each entry of '\(list)' must be a mapping with an 'id'")
            return nil
        }
        guard let id = reader.string(node["id"], key: "id", kind: "ladder") else {
            reader.error("ladder.missing-key", node, "an entry of '\(list)' has no 'id'")
            return nil
        }
        return id
    }
}
