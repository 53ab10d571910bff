import HandbookContent

/// A career ladder checked and put in order: tracks with their levels lowest
/// first, each level's expectation per competency, and equivalences.
package struct Ladder: Sendable {
    package struct Track: Sendable {
        package var id: String
        package var title: String
        package var levels: [String]
    }

    package struct Level: Sendable {
        package var id: String
        package var title: String
        package var track: String?
        package var summary: String?
    }

    package struct Competency: Sendable {
        package var id: String
        package var title: String
        package var description: String?
        package var expectations: [String: String]
    }

    /// The ladder's page index.
    package var page: Int
    package var tracks: [Track]
    package var levels: [Level]
    package var competencies: [Competency]
    /// Level id → equivalent level ids on other tracks.
    package var equivalents: [String: [String]]

    package func level(_ id: String) -> Level? { levels.first { $0.id == id } }

    /// The level below `id` on its track, if any.
    package func previous(of id: String) -> String? {
        for track in tracks {
            if let k = track.levels.firstIndex(of: id) { return k > 0 ? track.levels[k - 1] : nil }
        }
        return nil
    }

    package func track(of id: String) -> Track? { tracks.first { $0.levels.contains(id) } }

    /// The ladder a page describes, whatever is wrong with it: names that are
    /// not levels are left out (`LadderCheck` reports them).
    static func build(page: Int, spec: LadderSpec) -> Ladder {
        let levelIDs = Set(spec.levels.map(\.id.value))
        var placed: [String: String] = [:]
        var tracks: [Track] = []
        for track in spec.tracks {
            for level in track.levels { placed[level.value] = track.id.value }
            tracks.append(Track(id: track.id.value, title: track.title, levels: track.levels.map(\.value).filter(levelIDs.contains)))
        }
        // A level defined twice is the first definition (one page, one address).
        var seen: Set<String> = []
        let levels = spec.levels.filter { seen.insert($0.id.value).inserted }.map {
            Level(id: $0.id.value, title: $0.title, track: $0.track?.value ?? placed[$0.id.value], summary: $0.summary)
        }
        // Levels no track lists still belong somewhere: append them to their own track.
        for level in levels where placed[level.id] == nil {
            if let t = tracks.firstIndex(where: { $0.id == level.track }) { tracks[t].levels.append(level.id) }
        }
        let competencies = spec.competencies.map { competency in
            Competency(
                id: competency.id.value, title: competency.title, description: competency.description,
                expectations: Dictionary(
                    competency.expectations.filter { levelIDs.contains($0.0.value) }.map { ($0.0.value, $0.1) },
                    uniquingKeysWith: { _, last in last }))
        }
        var equivalents: [String: [String]] = [:]
        for (a, b) in spec.equivalents where levelIDs.contains(a.value) && levelIDs.contains(b.value) {
            equivalents[a.value, default: []].append(b.value)
            equivalents[b.value, default: []].append(a.value)
        }
        return Ladder(page: page, tracks: tracks, levels: levels, competencies: competencies, equivalents: equivalents)
    }
}
