@testable import CallEvents
import XCTest

final class TimestampsTests: XCTestCase {
    func ms(_ text: String, epoch: Timestamps.EpochUnit = .seconds) -> Int64? {
        Timestamps.parse(text, epoch: epoch)?.milliseconds
    }

    func testEachFormat() {
        let table: [(String, Timestamps.EpochUnit, Int64)] = [
            ("1573865518", .seconds, 1_573_865_518_000),                     // URL Networks epoch seconds
            ("1573865518.25", .seconds, 1_573_865_518_250),
            ("2021-04-28 08:46:13", .seconds, 1_619_599_573_000),            // VoIPstudio, UTC
            ("2020-01-29T07:45:19.000+00:00", .seconds, 1_580_283_919_000),  // ImpactPBX
            ("2020-01-29T07:45:19Z", .seconds, 1_580_283_919_000),
            ("2020-01-29t07:45:19.489z", .seconds, 1_580_283_919_489),
            ("2020-01-29T07:45:19.4897091Z", .seconds, 1_580_283_919_489),   // fraction truncated
            ("2020-01-29T07:45:19.4+00:00", .seconds, 1_580_283_919_400),
            ("2020-01-29T09:45:19.000+02:00", .seconds, 1_580_283_919_000),
            ("2020-01-29T02:15:19-05:30", .seconds, 1_580_283_919_000),
            ("2020-01-29T09:45:19+0200", .seconds, 1_580_283_919_000),
            ("2020-01-29T07:45", .seconds, 1_580_283_900_000),
            ("2020-01-29", .seconds, 1_580_256_000_000),
            ("1580283919489709", .microseconds, 1_580_283_919_489),          // ImpactPBX *_uepoch
            ("  1573865518 ", .seconds, 1_573_865_518_000),
            ("1970-01-01T00:00:00Z", .seconds, 0),
            ("1969-12-31T23:59:59.999Z", .seconds, -1),
            ("2016-12-31T23:59:60Z", .seconds, 1_483_228_800_000),          // leap second: next minute
            ("2000-02-29 00:00:00", .seconds, 951_782_400_000),
        ]
        for (text, unit, expected) in table {
            XCTAssertEqual(ms(text, epoch: unit), expected, text)
        }
    }

    func testJSONNumbersAndStrings() {
        XCTAssertEqual(Timestamps.parse(JSONValue.number("1580283919489709"), epoch: .microseconds)?.milliseconds,
                       1_580_283_919_489)
        XCTAssertEqual(Timestamps.parse(JSONValue.number("1573865518"))?.milliseconds, 1_573_865_518_000)
        XCTAssertEqual(Timestamps.parse(JSONValue.string("1573865518"))?.milliseconds, 1_573_865_518_000)
        XCTAssertNil(Timestamps.parse(JSONValue.null))
        XCTAssertNil(Timestamps.parse(JSONValue.bool(true)))
    }

    func testInvalidTimesAreNil() {
        for text in ["", "soon", "2020-13-01 00:00:00", "2019-02-29", "2020-01-32", "2020-01-29T24:00:00Z",
                     "2020-01-29T07:60:00Z", "2020-01-29T07:45:19+24:00", "2020-01-29T07:45:19.Z",
                     "2020-01-29T07:45:19 junk", "2020-01-29X07:45:19", "-1573865518", "1.5e9", "1573865518.",
                     "99999999999999999999", "1e3", "0", "0.000"] {
            XCTAssertNil(Timestamps.parse(text), text)
        }
    }

    func testZeroEpochMeansNotSet() {
        XCTAssertNil(Timestamps.parse(JSONValue.number("0"), epoch: .microseconds))
        XCTAssertNil(Timestamps.parse(JSONValue.string("0")))
        XCTAssertEqual(Timestamps.parse("1970-01-01T00:00:00Z")?.milliseconds, 0, "a written date is a date")
    }

    func testYearsBeyondFourDigitsAreNil() {
        XCTAssertNil(Timestamps.parse("253402300800"))        // 10000-01-01
        XCTAssertNotNil(Timestamps.parse("253402300799"))     // 9999-12-31T23:59:59
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
            XCTAssertEqual(Timestamps.parse(text)?.milliseconds, milliseconds, text)
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
