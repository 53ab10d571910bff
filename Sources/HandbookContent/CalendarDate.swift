import Foundation

/// A day written `YYYY-MM-DD`, checked for a real month and day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= Self.days(inMonth: m, year: y)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// Today in UTC, from the system clock.
    public static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    package init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, min(day, Self.days(inMonth: month, year: year)))
    }

    /// The date `interval` later; a month or year later keeps the day of the
    /// month where it can (31 Jan + 1m = 28 or 29 Feb).
    package func adding(_ interval: ReviewInterval) -> CalendarDate {
        switch interval.unit {
        case .year: return CalendarDate(year: year + interval.count, month: month, day: day)
        case .month:
            let months = (month - 1) + interval.count
            return CalendarDate(year: year + months / 12, month: months % 12 + 1, day: day)
        case .week: return adding(days: 7 * interval.count)
        case .day: return adding(days: interval.count)
        }
    }

    /// The date `days` later, in constant time (through a day count).
    package func adding(days: Int) -> CalendarDate {
        Self(dayNumber: dayNumber + days)
    }

    /// Days since 1970-01-01 (proleptic Gregorian calendar; Howard Hinnant's
    /// `days_from_civil`).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    package init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
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

    /// The longest interval accepted: a review every 100 years is as good as
    /// never, and a bound keeps date arithmetic far from overflow.
    package static let longest = (days: 36_525, weeks: 5_218, months: 1_200, years: 100)

    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last), text.count <= 8,
            let count = Int(text.dropLast()), count > 0
        else { return nil }
        let limit = switch unit {
        case .day: Self.longest.days
        case .week: Self.longest.weeks
        case .month: Self.longest.months
        case .year: Self.longest.years
        }
        guard count <= limit else { return nil }
        self.count = count
        self.unit = unit
    }
}
