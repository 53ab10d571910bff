import HandbookDiagnostics

/// `kind: process` — how a piece of work gets done, and who does what.
package struct ProcessSpec: Sendable {
    /// The role that owns the process (required).
    package var owner: Located<String>?
    package var raci: RACI
    /// What starts the process ("a release is cut", "an alert fires").
    package var triggers: [String]
    /// How often it runs ("weekly", "every merge").
    package var cadence: String?

    static func decode(_ reader: inout FieldReader) -> ProcessSpec {
        let owner = reader.text(reader.value("owner"), key: "owner")
        if owner == nil {
            if let empty = reader.value("owner"), empty.string != nil {
                reader.report(DiagnosticID.processMissingKey, empty, "a process needs an owner: the role id that owns it")
            } else if reader.value("owner") == nil {
                reader.missing("owner")
            }
        }
        var raci = RACI()
        if let node = reader.value("raci") {
            if case .mapping(let entries, _, _) = node {
                for entry in entries {
                    let roles = reader.texts(entry.value, key: "raci." + entry.key)
                    switch entry.key {
                    case "responsible": raci.responsible = roles
                    case "accountable": raci.accountable = roles
                    case "consulted": raci.consulted = roles
                    case "informed": raci.informed = roles
                    default:
                        reader.diagnostics.append(
                            .error(
                                DiagnosticID.processRaciKey,
                                at: .init(file: reader.file, line: entry.line, column: entry.column),
                                "unknown RACI key '\(entry.key)'; expected responsible, accountable, consulted or informed"))
                    }
                }
                // Point "exactly one accountable" problems at the `raci:` key itself.
                if case .mapping(let top, _, _)? = reader.mapping, let key = top.first(where: { $0.key == "raci" }) {
                    raci.location = Located("raci", line: key.line, column: key.column)
                } else {
                    raci.location = Located("raci", at: node)
                }
            } else {
                reader.report(DiagnosticID.processType, node, "'raci' must be a mapping of responsible, accountable, consulted and informed")
            }
        }
        return ProcessSpec(
            owner: owner, raci: raci,
            triggers: reader.texts(reader.value("triggers"), key: "triggers").map(\.value),
            cadence: reader.text(reader.value("cadence"), key: "cadence")?.value)
    }
}

/// Who is Responsible, Accountable, Consulted and Informed (role ids).
package struct RACI: Sendable {
    package var responsible: [Located<String>] = []
    package var accountable: [Located<String>] = []
    package var consulted: [Located<String>] = []
    package var informed: [Located<String>] = []
    /// Where `raci:` was written, for "exactly one accountable" diagnostics.
    package var location: Located<String>?

    package var isEmpty: Bool { responsible.isEmpty && accountable.isEmpty && consulted.isEmpty && informed.isEmpty }

    /// Every named role with its letter, in R, A, C, I order.
    package var assignments: [(letter: String, role: Located<String>)] {
        responsible.map { ("R", $0) } + accountable.map { ("A", $0) } + consulted.map { ("C", $0) }
            + informed.map { ("I", $0) }
    }
}
