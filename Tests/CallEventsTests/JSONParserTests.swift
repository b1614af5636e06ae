import Foundation
import XCTest
@testable import CallEvents
import TestKit

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) -> Result<JSONValue, DecodeFailure> {
        JSONParser.parse(Array(text.utf8))
    }

    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        switch parse(text) {
        case .success(let value): return value
        case .failure(let failure):
            XCTFail("\(text) failed: \(failure.message)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> DecodeFailure? {
        switch JSONParser.parse(bytes) {
        case .success(let value):
            XCTFail("expected a failure, got \(value)", file: file, line: line)
            return nil
        case .failure(let failure):
            XCTAssertEqual(failure.reason, .malformed, file: file, line: line)
            return failure
        }
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> DecodeFailure? {
        failure(Array(text.utf8), file: file, line: line)
    }

    // MARK: Values

    func testScalars() {
        XCTAssertEqual(value("null"), .null)
        XCTAssertEqual(value("true"), .bool(true))
        XCTAssertEqual(value(" false "), .bool(false))
        XCTAssertEqual(value("\"x\""), .string("x"))
        XCTAssertEqual(value("0"), .number("0"))
    }

    func testObjectKeepsMemberOrderAndDuplicates() {
        XCTAssertEqual(value(#"{"b":1,"a":2,"b":3}"#),
                       .object([JSONMember("b", .number("1")), JSONMember("a", .number("2")), JSONMember("b", .number("3"))]))
        XCTAssertEqual(value(#"{"b":1,"a":2,"b":3}"#)?["b"], .number("1"))
    }

    func testNestedContainersAndWhitespace() {
        XCTAssertEqual(value(" \t\r\n{ \"a\" : [ 1 , {} , [] , \"x\" ] }\n"),
                       .object([JSONMember("a", .array([.number("1"), .object([]), .array([]), .string("x")]))]))
    }

    func testByteOrderMarkIsIgnored() {
        // RFC 8259 §8.1: a parser MAY ignore a byte order mark.
        XCTAssertEqual(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).get(), .array([.number("1")]))
    }

    // MARK: Numbers

    func testNumbersKeepTheirLiteralText() {
        for literal in ["-0", "12", "1580283919489709", "1.50", "-2.5e-3", "1E+2", "0.0", "123456789012345678901234567890"] {
            XCTAssertEqual(value(literal), .number(literal))
        }
    }

    func testNumberGrammarIsStrict() {
        // RFC 8259 §6: no leading zeros, no leading '+', digits on both sides of '.', digits in the exponent.
        for bad in ["01", "+1", "1.", ".5", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1.e3", "--1"] {
            XCTAssertNotNil(failure(bad), bad)
        }
    }

    func testNonFiniteNumberIsRejected() {
        // RFC 8259 §9 leaves the range to the parser: a number that is infinite as a Double is refused.
        XCTAssertEqual(failure("1e999999")?.message, "invalid JSON at byte 0: number out of range")
        XCTAssertEqual(failure("[1, -1e400]")?.message, "invalid JSON at byte 4: number out of range")
        XCTAssertNotNil(failure(String(repeating: "9", count: 400)))
        XCTAssertNotNil(failure(String(repeating: "9", count: 309) + ".5"))
    }

    func testLargeFiniteNumbersAreKept() {
        XCTAssertEqual(value("1.7976931348623157e308"), .number("1.7976931348623157e308"))
        XCTAssertEqual(value("1e-999999"), .number("1e-999999"))   // underflows to 0: finite
        let digits = String(repeating: "9", count: 308)
        XCTAssertEqual(value(digits), .number(digits))
    }

    // MARK: Strings

    func testEscapes() {
        XCTAssertEqual(value(#""\" \\ \/ \b \f \n \r \t""#), .string("\" \\ / \u{8} \u{C} \n \r \t"))
        XCTAssertEqual(value(#""\u0000""#), .string("\u{0}"))
        XCTAssertEqual(value(#""caf\u00e9 \u00E9""#), .string("café é"))
        XCTAssertEqual(value(#""\u20AC""#), .string("€"))
    }

    func testSurrogatePairEscapeIsOneCharacter() {
        XCTAssertEqual(value(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(value(#""a\uD834\uDD1Eb""#), .string("a𝄞b"))
    }

    func testLoneSurrogateEscapeIsRejected() {
        // RFC 8259 §8.2: a lone surrogate is not a character and cannot be written as UTF-8.
        XCTAssertEqual(failure(#""\ud800""#)?.message, "invalid JSON at byte 1: lone surrogate escape")
        XCTAssertNotNil(failure(#""\udc00""#))
        XCTAssertNotNil(failure(#""\ud800\u0041""#))
        XCTAssertNotNil(failure(#""\ud800x""#))
        XCTAssertNotNil(failure(#""\ud800\ud800""#))
    }

    func testInvalidEscapesAreRejected() {
        for bad in [#""\x""#, #""\u12""#, #""\u12g4""#, #""\"#, #""\U0041""#, "\"\\\u{1}\""] {
            XCTAssertNotNil(failure(bad), bad)
        }
    }

    func testUnescapedControlCharacterIsRejected() {
        // RFC 8259 §7: U+0000 through U+001F must be escaped.
        XCTAssertEqual(failure("\"a\nb\"")?.message, "invalid JSON at byte 2: unescaped control character in string")
        XCTAssertNotNil(failure([0x22, 0x00, 0x22]))
    }

    func testUTF8IsKept() {
        XCTAssertEqual(value("\"Zoë 😀 €\""), .string("Zoë 😀 €"))
    }

    func testInvalidUTF8StringIsReadAsLatin1() {
        // Documentation.docc/EventSchema.md "Raw": bytes that are not UTF-8 are read as ISO-8859-1
        // so none is lost.
        XCTAssertEqual(try JSONParser.parse([0x22, 0x63, 0x61, 0x66, 0xE9, 0x22]).get(), .string("café"))
        XCTAssertEqual(try JSONParser.parse([0x22, 0xFF, 0x5C, 0x6E, 0xC3, 0x22]).get(), .string("ÿ\nÃ"))
        // Only the string with the bad bytes falls back; its neighbour stays UTF-8.
        let mixed: [UInt8] = [0x5B, 0x22, 0xC3, 0xA9, 0x22, 0x2C, 0x22, 0xE9, 0x22, 0x5D]
        XCTAssertEqual(try JSONParser.parse(mixed).get(), .array([.string("é"), .string("é")]))
    }

    func testOverlongAndSurrogateUTF8AreNotAcceptedAsUTF8() {
        XCTAssertEqual(try JSONParser.parse([0x22, 0xC0, 0xAF, 0x22]).get(), .string("À¯"))
        XCTAssertEqual(try JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]).get(), .string("í\u{A0}\u{80}"))
    }

    // MARK: Failures

    func testMissingCommaNamesTheByteOffset() {
        XCTAssertEqual(failure(#"{"a":1 "b":2}"#)?.message, "invalid JSON at byte 7: expected ',' or '}'")
        XCTAssertEqual(failure("[1 2]")?.message, "invalid JSON at byte 3: expected ',' or ']'")
        XCTAssertEqual(failure(#"{"a" 1}"#)?.message, "invalid JSON at byte 5: expected ':'")
        XCTAssertEqual(failure(#"{"a":1,}"#)?.message, "invalid JSON at byte 7: expected '\"'")
        XCTAssertEqual(failure("[1,]")?.message, "invalid JSON at byte 3: expected a value")
        XCTAssertEqual(failure("{a:1}")?.message, "invalid JSON at byte 1: expected '\"' or '}'")
    }

    func testTruncatedInputSaysEndOfInput() {
        XCTAssertEqual(failure(#"{"a":1"#)?.message, "invalid JSON at byte 6 (end of input): expected ',' or '}'")
        XCTAssertEqual(failure(#""abc"#)?.message, "invalid JSON at byte 4 (end of input): expected '\"' to end the string")
        XCTAssertEqual(failure("tru")?.message, "invalid JSON at byte 3 (end of input): expected 'true'")
    }

    func testEmptyBodyIsNotJSON() {
        XCTAssertEqual(failure("")?.message, "invalid JSON at byte 0 (end of input): expected a value")
        XCTAssertNotNil(failure("  \n"))
    }

    func testTrailingDataIsRejected() {
        XCTAssertEqual(failure("{} x")?.message, "invalid JSON at byte 3: unexpected data after the JSON value")
        XCTAssertNotNil(failure("[1][2]"))
        XCTAssertNotNil(failure("1 2"))
        XCTAssertNotNil(failure("{}\u{0}"))
    }

    func testFailureMessageNeverEchoesTheInput() {
        let secret = String(repeating: "s3cret", count: 1000)
        let message = failure("{\"token\":\"\(secret)\" x}")?.message ?? ""
        XCTAssertFalse(message.contains("s3cret"))
        XCTAssertLessThan(message.utf8.count, 100)
    }

    func testNestingDeeperThanTheLimitIsRejected() {
        let limit = JSONParser.maxDepth
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        XCTAssertNotNil(value(atLimit))
        let over = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        XCTAssertEqual(failure(over)?.message, "invalid JSON at byte \(limit): nested too deep (limit \(limit))")
    }

    func testNestedTenThousandDeepIsRejectedWithoutCrashing() {
        XCTAssertNotNil(failure(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)))
        XCTAssertNotNil(failure(String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)))
        XCTAssertNotNil(failure(String(repeating: "[{\"a\":", count: 100_000)))
    }

    // MARK: Vendor documentation

    func testVendorFixturesParse() {
        let originate = value(VendorFixtures.impactOriginate)
        XCTAssertEqual(originate?["call_start_uepoch"], .number("1580283919489709"))
        XCTAssertEqual(originate?["click_to_call"], .bool(false))
        XCTAssertEqual(value(VendorFixtures.voipstudioHangup)?["src_name"], .string(#""442035141598" <2035141598>"#))
        for example in VendorFixtures.validJSON {
            XCTAssertNotNil(value(example))
        }
    }

    func testImpactPBXFailedExampleIsMalformed() {
        // As published it lacks the ',' after "reason_failed":"NO_ROUTE"; the next member starts at byte 485.
        let text = VendorFixtures.impactFailedAsDocumented
        let message = failure(text)?.message
        XCTAssertEqual(message, "invalid JSON at byte 485: expected ',' or '}'")
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[485..<500], as: UTF8.self), #""click_to_call""#)
        XCTAssertEqual(String(decoding: bytes[474..<484], as: UTF8.self), #""NO_ROUTE""#)
        // With the comma it is valid.
        let fixed = text.replacingOccurrences(of: "\"NO_ROUTE\"\n", with: "\"NO_ROUTE\",\n")
        XCTAssertEqual(value(fixed)?["reason_failed"], .string("NO_ROUTE"))
    }
}
