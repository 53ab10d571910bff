import Foundation
import Testing

@testable import HandbookContent

@Suite struct CalendarDateTests {
    /// Day arithmetic agrees with Foundation's Gregorian calendar.
    @Test func addingDaysMatchesFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let start = CalendarDate(year: Int.random(in: 1900...2400, using: &generator), month: Int.random(in: 1...12, using: &generator), day: Int.random(in: 1...28, using: &generator))
            let days = Int.random(in: 0...40_000, using: &generator)
            let date = try #require(calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day)))
            let later = try #require(calendar.date(byAdding: .day, value: days, to: date))
            let parts = calendar.dateComponents([.year, .month, .day], from: later)
            #expect(start.adding(days: days) == CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!), "\(start) + \(days)")
        }
        #expect(CalendarDate(year: 2024, month: 2, day: 28).adding(days: 1).description == "2024-02-29")
        #expect(CalendarDate(year: 2023, month: 12, day: 31).adding(days: 1).description == "2024-01-01")
    }

    @Test func intervalsAreBounded() {
        #expect(ReviewInterval("36525d") != nil)
        #expect(ReviewInterval("36526d") == nil)
        #expect(ReviewInterval("100y") != nil)
        #expect(ReviewInterval("101y") == nil)
        #expect(ReviewInterval("9223372036854775807d") == nil)
        #expect(ReviewInterval("0d") == nil)
        // The longest interval from the latest date stays a valid date.
        let last = CalendarDate(year: 9999, month: 12, day: 31)
        #expect(last.adding(ReviewInterval("36525d")!).year == 10099)
    }
}
