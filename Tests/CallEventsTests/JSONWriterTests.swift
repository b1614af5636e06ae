import XCTest
@testable import CallEvents
import TestKit

final class JSONWriterTests: XCTestCase {
    private func written(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(capacity: 16)
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func testRawAppendsAsIs() {
        XCTAssertEqual(written { $0.raw("{\"a\":"); $0.raw("1}") }, #"{"a":1}"#)
    }

    func testStringEscapesQuoteAndBackslash() {
        XCTAssertEqual(written { $0.string(#"say "hi" \o/"#) }, #""say \"hi\" \\o/""#)
    }

    func testStringEscapesEveryControlByte() {
        // RFC 8259 §7: U+0000 through U+001F must be escaped.
        let short: [UInt8: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
        let hex = Array("0123456789abcdef")
        for byte in UInt8(0)..<0x20 {
            let expected = short[byte] ?? "\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 15)])"
            XCTAssertEqual(written { $0.string("a" + String(UnicodeScalar(byte)) + "b") }, "\"a\(expected)b\"", "byte \(byte)")
        }
        XCTAssertEqual(written { $0.string("\u{0}") }, #""\u0000""#)
        XCTAssertEqual(written { $0.string("\u{1F}") }, #""\u001f""#)
    }

    func testDeleteAndNonASCIIAreWrittenAsUTF8() {
        XCTAssertEqual(written { $0.string("\u{7F}é😀€") }, "\"\u{7F}é😀€\"")
    }

    func testOptionalStringAndInteger() {
        XCTAssertEqual(written { $0.string(nil as String?) }, "null")
        XCTAssertEqual(written { $0.string("x" as String?) }, #""x""#)
        XCTAssertEqual(written { $0.integer(nil as Int?) }, "null")
        for number in [0, 7, -7, 10, 1_580_283_919, Int.max, Int.min] {
            XCTAssertEqual(written { $0.integer(number) }, String(number))
        }
    }

    func testValueIsCompactAndKeepsNumberLiterals() {
        let value: JSONValue = .object([
            JSONMember("a", .array([.number("1.50"), .number("-0"), .number("1E+2")])),
            JSONMember("a", .null),
            JSONMember("b\n", .object([JSONMember("t", .bool(true)), JSONMember("f", .bool(false))])),
            JSONMember("s", .string("x\"y")),
            JSONMember("e", .array([])),
        ])
        XCTAssertEqual(written { $0.value(value) }, #"{"a":[1.50,-0,1E+2],"a":null,"b\n":{"t":true,"f":false},"s":"x\"y","e":[]}"#)
    }

    func testRoundTripOfVendorFixtures() throws {
        for example in VendorFixtures.validJSON {
            let parsed = try JSONParser.parse(Array(example.utf8)).get()
            var writer = JSONWriter()
            writer.value(parsed)
            XCTAssertFalse(writer.bytes.contains(UInt8(ascii: "\n")))
            XCTAssertEqual(try JSONParser.parse(writer.bytes).get(), parsed)
        }
    }

    func testRoundTripOfEscapesAndFallbackText() throws {
        let text: [UInt8] = Array(#"{"k\u0000":"\ud83d\ude00\u001f\"\\ x","#.utf8) + [0x22, 0xE9, 0x22] + Array(":1}".utf8)
        let parsed = try JSONParser.parse(text).get()
        var writer = JSONWriter()
        writer.value(parsed)
        XCTAssertEqual(String(decoding: writer.bytes, as: UTF8.self), #"{"k\u0000":"😀\u001f\"\\ x","é":1}"#)
        XCTAssertEqual(try JSONParser.parse(writer.bytes).get(), parsed)
    }
}
