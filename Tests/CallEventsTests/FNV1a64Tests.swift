@testable import CallEvents
import XCTest

final class FNV1a64Tests: XCTestCase {
    func testKnownVectors() {
        // From the FNV reference test suite.
        var hash = FNV1a64()
        XCTAssertEqual(hash.hex, "cbf29ce484222325")
        hash.add(UInt8(ascii: "a"))
        XCTAssertEqual(hash.hex, "af63dc4c8601ec8c")
        var foobar = FNV1a64()
        for b in "foobar".utf8 { foobar.add(b) }
        XCTAssertEqual(foobar.value, 0x85944171f73967e8)
    }

    func testStringsAreLengthPrefixed() {
        var ab = FNV1a64(), a_b = FNV1a64()
        ab.add("ab"); ab.add("")
        a_b.add("a"); a_b.add("b")
        XCTAssertNotEqual(ab.value, a_b.value)
    }

    func testJSONStructureCounts() {
        func hash(_ v: JSONValue) -> UInt64 { var h = FNV1a64(); h.add(v); return h.value }
        XCTAssertNotEqual(hash(.array([.string("a"), .string("b")])), hash(.array([.array([.string("a"), .string("b")])])))
        XCTAssertNotEqual(hash(.null), hash(.bool(false)))
        XCTAssertNotEqual(hash(.bool(true)), hash(.bool(false)))
        XCTAssertEqual(hash(.object([JSONMember("a", .number("1"))])), hash(.object([JSONMember("a", .number("1"))])))
    }
}
