import CallEvents
import XCTest
@testable import Receiver

final class ConfigurationReaderTests: XCTestCase {
    func testObjectReportsEachUnknownOrDuplicateKeyOnce() {
        var reader = ConfigurationReader()
        let value = JSONValue.object([
            JSONMember("a", .number("1")), JSONMember("a", .number("2")), JSONMember("a", .number("3")),
            JSONMember("zzz", .null), JSONMember("zzz", .null),
        ])
        let fields = reader.object(value, at: .root, known: ["a", "b"])
        XCTAssertEqual(fields?["a"], .number("1"), "the first of duplicates is read")
        XCTAssertEqual(reader.errors, ["$.a: duplicate key", "$.zzz: unknown key"])
    }

    func testSuggestsAKnownKeyOnlyWhenClose() {
        var reader = ConfigurationReader()
        _ = reader.object(.object([JSONMember("listn", .null), JSONMember("lisen_port", .null), JSONMember("", .null)]),
                          at: .root, known: ["listen"])
        XCTAssertEqual(reader.errors, [#"$.listn: unknown key (did you mean "listen"?)"#, #"$.lisen_port: unknown key"#, #"$[""]: unknown key"#])
    }

    func testIntegerRangeMessages() {
        var reader = ConfigurationReader()
        XCTAssertEqual(reader.integer(.number("5"), at: .root, in: 5...5), 5)
        XCTAssertNil(reader.integer(.number("4"), at: .root, in: 5...9))
        XCTAssertNil(reader.integer(.number("-"), at: .root, in: 1...9))
        XCTAssertNil(reader.integer(.number("0"), at: .root, in: 1...Int.max))
        XCTAssertEqual(reader.integer(.number("12"), at: .root, in: 1...Int.max), 12)
        XCTAssertEqual(reader.errors, [
            "$: expected an integer of at least 5 up to 9, got 4",
            "$: expected a positive integer, got -",
            "$: expected a positive integer, got 0",
        ])
    }

    func testStringsAreNeverEchoedWhenTheTypeIsWrong() {
        var reader = ConfigurationReader()
        XCTAssertNil(reader.integer(.string("hunter2"), at: .root, in: 0...1))
        XCTAssertFalse(reader.errors[0].contains("hunter2"))
    }

    func testCIDRListNeedsEveryElementValid() {
        var reader = ConfigurationReader()
        XCTAssertNil(reader.cidrs(.array([.string("10.0.0.0/8"), .string("x")]), at: .root, nonEmpty: true))
        XCTAssertEqual(reader.cidrs(.array([]), at: .root, nonEmpty: false), [])
        XCTAssertEqual(reader.errors, [#"$[1]: "x" is not a CIDR: not an IPv4 or IPv6 address"#])
    }
}
