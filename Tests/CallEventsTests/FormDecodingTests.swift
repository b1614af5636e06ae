import XCTest
@testable import CallEvents
import TestKit

final class FormDecodingTests: XCTestCase {
    private func decode(_ text: String, dropping: Set<String> = []) -> JSONValue {
        FormDecoding.decode(ArraySlice(text.utf8), dropping: dropping)
    }

    private func object(_ pairs: (String, JSONValue)...) -> JSONValue {
        .object(pairs.map { JSONMember($0.0, $0.1) })
    }

    func testPairsInOrder() {
        XCTAssertEqual(decode("b=2&a=1"), object(("b", .string("2")), ("a", .string("1"))))
    }

    func testPlusIsSpace() {
        XCTAssertEqual(decode("a+b=c+d++"), object(("a b", .string("c d  "))))
    }

    func testPercentDecoding() {
        XCTAssertEqual(decode("a=All%20Hours&%41=%c3%a9%2B"), object(("a", .string("All Hours")), ("A", .string("é+"))))
    }

    func testInvalidPercentSequenceIsKeptLiterally() {
        // WHATWG URL §1.3 percent-decode: a '%' not followed by two hex digits is kept with what follows.
        XCTAssertEqual(decode("a=%zz&b=%4&c=%&d=100%&e=%%41"),
                       object(("a", .string("%zz")), ("b", .string("%4")), ("c", .string("%")), ("d", .string("100%")),
                              ("e", .string("%A"))))
    }

    func testPercentZeroZeroIsUPlusZero() {
        XCTAssertEqual(decode("a=x%00y"), object(("a", .string("x\u{0}y"))))
    }

    func testRepeatedNamesBecomeArraysAtTheFirstPosition() {
        XCTAssertEqual(decode("a=1&b=2&a=3&a=4"),
                       object(("a", .array([.string("1"), .string("3"), .string("4")])), ("b", .string("2"))))
    }

    func testManyRepeatedNamesPastTheLinearSearchLimit() {
        let text = (0..<100).map { "n\($0 % 40)=\($0)" }.joined(separator: "&")
        guard case .object(let members) = decode(text) else { return XCTFail() }
        XCTAssertEqual(members.count, 40)
        XCTAssertEqual(members[0].key, "n0")
        XCTAssertEqual(members[0].value, .array([.string("0"), .string("40"), .string("80")]))
        XCTAssertEqual(members[39].value, .array([.string("39"), .string("79")]))
    }

    func testNameWithoutEqualsMapsToEmptyString() {
        XCTAssertEqual(decode("call_completed&a="), object(("call_completed", .string("")), ("a", .string(""))))
    }

    func testSplitsAtTheFirstEquals() {
        XCTAssertEqual(decode("url=http://x/?a=b&=v"), object(("url", .string("http://x/?a=b")), ("", .string("v"))))
    }

    func testEmptySequencesAreSkipped() {
        XCTAssertEqual(decode("&&a=1&&&b=2&"), object(("a", .string("1")), ("b", .string("2"))))
        XCTAssertEqual(decode(""), .object([]))
        XCTAssertEqual(decode("&"), .object([]))
    }

    func testNonUTF8IsReadAsLatin1() {
        // Documentation.docc/EventSchema.md "Raw": bytes that are not valid UTF-8 are read as
        // ISO-8859-1.
        XCTAssertEqual(decode("name=Ren%E9&ok=%C3%A9"), object(("name", .string("René")), ("ok", .string("é"))))
        XCTAssertEqual(decode("%FF=1"), object(("ÿ", .string("1"))))
        XCTAssertEqual(FormDecoding.decode([0x61, 0x3D, 0xE9]), object(("a", .string("é"))))
    }

    func testDroppedNamesAreLeftOut() {
        XCTAssertEqual(decode("token=s3cret&a=1&token=again&to%6Ben=x", dropping: ["token"]), object(("a", .string("1"))))
    }

    func testSliceWithOffsetIndices() {
        let bytes = Array("GET /?a=1&b=2".utf8)
        XCTAssertEqual(FormDecoding.decode(bytes[6...]), object(("a", .string("1")), ("b", .string("2"))))
    }

    func testURLNetworksDocExamples() throws {
        let forms = VendorFixtures.urlnetworksForms.map { decode($0) }
        XCTAssertEqual(forms.count, 5)
        XCTAssertEqual(forms[0]["condition_name"], .string("All Hours"))
        XCTAssertEqual(forms[0]["http_ringing_url"], .string("http://192.168.1.10/test-post"))
        XCTAssertEqual(forms[0]["method"], .string("incoming_ringing"))
        XCTAssertEqual(forms[1]["call_completed"], .string(""))
        XCTAssertEqual(forms[1]["recording_url"], .string("https://127.0.0.1/call-recording-test"))
        // `+` in a form is a space: the documented `display_from=+0312341234` arrives as " 0312341234".
        XCTAssertEqual(forms[2]["display_from"], .string(" 0312341234"))
        XCTAssertEqual(forms[3]["agent_uuid"], .string("b05bf123-e592-5b8b-acfe-d496af1822ab"))
        guard case .object(let members) = forms[2] else { return XCTFail() }
        XCTAssertEqual(members.map(\.key), ["service_id", "direction", "start_time", "from", "external_did", "dialplan_id",
                                            "condition_id", "dialplan_name", "condition_name", "caller_name",
                                            "call_event_uuid", "method", "display_from", "extension_name",
                                            "extension_user_id"])
    }

    func testRepeatedNameWithManyValuesKeepsTheirOrder() {
        let text = (0..<10).map { "x=\($0)" }.joined(separator: "&") + "&y=1"
        XCTAssertEqual(decode(text), object(("x", .array((0..<10).map { .string(String($0)) })), ("y", .string("1"))))
    }

    func testCanonicallyEquivalentNamesAreOneName() {
        // `é` precomposed and decomposed are equal strings, so the same field; the first spelling is kept.
        XCTAssertEqual(decode("caf%C3%A9=1&cafe%CC%81=2&Cafe=3"),
                       object(("caf\u{e9}", .array([.string("1"), .string("2")])), ("Cafe", .string("3"))))
    }

    func testNamesThatDifferOnlyInCaseAreDifferentFields() {
        XCTAssertEqual(decode("CallID=1&callid=2"), object(("CallID", .string("1")), ("callid", .string("2"))))
    }
}
