/// A day written `YYYY-MM-DD`, checked for a real month and day.
package struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Self.days(inMonth: m, year: y)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// How often a page must be reviewed: `90d`, `2w`, `6m`, `1y`.
package struct ReviewInterval: Sendable, Hashable {
    package enum Unit: Character, Sendable {
        case day = "d", week = "w", month = "m", year = "y"
    }

    package var count: Int
    package var unit: Unit

    package init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last),
            let count = Int(text.dropLast()), count > 0
        else { return nil }
        self.count = count
        self.unit = unit
    }
}
