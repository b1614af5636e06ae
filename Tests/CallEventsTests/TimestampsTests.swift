@testable import CallEvents
import XCTest

final class TimestampsTests: XCTestCase {
    func ms(_ text: String) -> Int64? {
        Timestamps.parse(text)?.milliseconds
    }

    /// Documentation.docc/EventSchema.md "Times as senders write them": every spelling and unit,
    /// and what it reads as. This table is the one the documentation shows.
    static let senderSpellings: [(input: String, reads: String?)] = [
        // Epochs, by size.
        ("1573865518", "2019-11-16T00:51:58.000Z"),             // seconds (URL Networks)
        ("1573865518.25", "2019-11-16T00:51:58.250Z"),          // seconds with a fraction
        ("1580283919.489709", "2020-01-29T07:45:19.489Z"),      // ImpactPBX uepoch written in seconds
        ("1573865518250", "2019-11-16T00:51:58.250Z"),          // milliseconds (URL Networks, Dialpad, Zoom)
        ("1580283919489709", "2020-01-29T07:45:19.489Z"),       // microseconds (ImpactPBX *_uepoch)
        ("1580283919489709123", "2020-01-29T07:45:19.489Z"),    // nanoseconds
        ("158028391948970912", "1975-01-04T00:46:31.948Z"),     // 18 digits: nanoseconds too
        ("9223372036854775808", nil),                           // past Int64: past year 9999
        ("99999999999", "5138-11-16T09:46:39.000Z"),            // the largest seconds
        ("100000000000", "1973-03-03T09:46:40.000Z"),           // the smallest milliseconds
        ("  1573865518 ", "2019-11-16T00:51:58.000Z"),
        // Date and time text.
        ("2021-04-28 08:46:13", "2021-04-28T08:46:13.000Z"),    // Y-m-d H:i:s, UTC (VoIPstudio)
        ("2020-01-29T07:45:19.000+00:00", "2020-01-29T07:45:19.000Z"),   // ISO 8601 (ImpactPBX)
        ("2020-01-29T07:45:19Z", "2020-01-29T07:45:19.000Z"),
        ("2020-01-29t07:45:19.489z", "2020-01-29T07:45:19.489Z"),
        ("2020-01-29T07:45:19.4897091Z", "2020-01-29T07:45:19.489Z"),    // fraction truncated
        ("2020-01-29T07:45:19.4+00:00", "2020-01-29T07:45:19.400Z"),
        ("2020-01-29T09:45:19.000+02:00", "2020-01-29T07:45:19.000Z"),
        ("2020-01-29T02:15:19-05:30", "2020-01-29T07:45:19.000Z"),
        ("2020-01-29T09:45:19+0200", "2020-01-29T07:45:19.000Z"),
        ("2020-01-29T07:45", "2020-01-29T07:45:00.000Z"),
        ("2020-01-29", "2020-01-29T00:00:00.000Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z"),   // a written date is a date
        ("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"),
        ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00.000Z"),   // leap second: next minute
        ("2000-02-29 00:00:00", "2000-02-29T00:00:00.000Z"),
        // RFC 2822 (Twilio).
        ("Sun, 25 Mar 2018 09:53:19 +0000", "2018-03-25T09:53:19.000Z"),
        ("Wed, 2 Dec 2026 14:05:00 -0500", "2026-12-02T19:05:00.000Z"),
        ("25 Mar 2018 09:53 GMT", "2018-03-25T09:53:00.000Z"),
        ("Sun, 30 Feb 2018 09:53:19 +0000", nil),
        ("Sun 25 Mar 2018 09:53:19 +0000", nil),
        // No time.
        ("0", nil), ("0.000", nil), ("", nil), ("   ", nil),
        ("0000-00-00", nil), ("0000-00-00 00:00:00", nil),      // PHP's zero date
        ("0000-01-01T00:00:00Z", nil),
        // Not a time.
        ("soon", nil), ("2020-13-01 00:00:00", nil), ("2019-02-29", nil), ("2020-01-32", nil),
        ("2020-01-29T24:00:00Z", nil), ("2020-01-29T07:60:00Z", nil), ("2020-01-29T07:45:19+24:00", nil),
        ("2020-01-29T07:45:19.Z", nil), ("2020-01-29T07:45:19 junk", nil), ("2020-01-29X07:45:19", nil),
        ("-1573865518", nil), ("1.5e9", nil), ("1573865518.", nil), ("99999999999999999999", nil), ("1e3", nil),
    ]

    func testEverySenderSpelling() {
        for (input, reads) in Self.senderSpellings {
            XCTAssertEqual(Timestamps.parse(input).map(Timestamps.format), reads, input)
        }
    }

    func testJSONValues() {
        XCTAssertEqual(Timestamps.parse(JSONValue.number("1580283919489709")).map(Timestamps.format), "2020-01-29T07:45:19.489Z")
        XCTAssertEqual(Timestamps.parse(JSONValue.number("1580283919.489709")).map(Timestamps.format), "2020-01-29T07:45:19.489Z")
        XCTAssertEqual(Timestamps.parse(JSONValue.number("1573865518250")).map(Timestamps.format), "2019-11-16T00:51:58.250Z")
        XCTAssertEqual(Timestamps.parse(JSONValue.string("1573865518"))?.milliseconds, 1_573_865_518_000)
        // "No time": null, false, true, zero, empty.
        for value in [JSONValue.null, .bool(false), .bool(true), .number("0"), .string(""), .string("0000-00-00 00:00:00")] {
            XCTAssertNil(Timestamps.parse(value), "\(value)")
        }
    }

    func testFormatWritesThreeFractionalDigitsAndZ() {
        let table: [(Int64, String)] = [
            (1_580_283_919_489, "2020-01-29T07:45:19.489Z"),
            (0, "1970-01-01T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (Timestamps.maxMilliseconds, "9999-12-31T23:59:59.999Z"),
            (Timestamps.minMilliseconds, "0000-01-01T00:00:00.000Z"),
            (1_795_248_550_123, "2026-11-21T08:09:10.123Z"),
        ]
        for (milliseconds, text) in table {
            XCTAssertEqual(Timestamps.format(Timestamp(milliseconds: milliseconds)), text)
            // Year 0000 can be written (clamped) but reads as no time.
            XCTAssertEqual(Timestamps.parse(text)?.milliseconds, text.hasPrefix("0000") ? nil : milliseconds, text)
        }
    }

    func testCivilConversionRoundTripsEveryDayOfFourCenturies() {
        // 1600-03-01 ... 2400-03-01 covers every leap-year rule.
        let start = Timestamps.daysFromCivil(year: 1600, month: 3, day: 1)
        var expected = (year: 1600, month: 3, day: 1)
        for days in start..<(start + 146_097 * 2) {
            let date = Timestamps.civilFromDays(days)
            XCTAssertTrue(date == expected, "\(days): \(date) != \(expected)")
            if date != expected { return }
            XCTAssertEqual(Timestamps.daysFromCivil(year: date.year, month: date.month, day: date.day), days)
            expected.day += 1
            if expected.day > Timestamps.daysInMonth(year: expected.year, month: expected.month) {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 { expected.month = 1; expected.year += 1 }
            }
        }
    }

    func testSecondsRoundDown() {
        let a = Timestamp(milliseconds: 1_000), b = Timestamp(milliseconds: 21_999)
        XCTAssertEqual(Timestamps.seconds(from: a, to: b), 20)
        XCTAssertEqual(Timestamps.seconds(from: b, to: a), -21)
    }
}
