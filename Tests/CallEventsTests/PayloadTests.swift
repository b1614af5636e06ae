import XCTest
@testable import CallEvents
import TestKit

final class PayloadTests: XCTestCase {
    private func decode(_ body: String, _ contentType: String?) -> Result<JSONValue, DecodeFailure> {
        Payload.decodeBody(Array(body.utf8), contentType: contentType)
    }

    private func value(_ body: String, _ contentType: String?, file: StaticString = #filePath, line: UInt = #line) -> JSONValue? {
        switch decode(body, contentType) {
        case .success(let value): return value
        case .failure(let failure):
            XCTFail("failed: \(failure.message)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ body: String, _ contentType: String?, file: StaticString = #filePath, line: UInt = #line) -> DecodeFailure? {
        switch decode(body, contentType) {
        case .success(let value):
            XCTFail("expected a failure, got \(value)", file: file, line: line)
            return nil
        case .failure(let failure): return failure
        }
    }

    private let json: JSONValue = .object([JSONMember("a", .number("1"))])
    private let form: JSONValue = .object([JSONMember("a", .string("1"))])

    // MARK: Routing by media type

    func testJSONTypes() {
        XCTAssertEqual(value(#"{"a":1}"#, "application/json"), json)
        XCTAssertEqual(value(#"{"a":1}"#, "Application/JSON; charset=UTF-8"), json)
        XCTAssertEqual(value(#"{"a":1}"#, "application/vnd.pbx.event+json"), json)
        XCTAssertEqual(value(" [1]", "application/json"), .array([.number("1")]))
    }

    func testFormType() {
        XCTAssertEqual(value("a=1", "application/x-www-form-urlencoded"), form)
        XCTAssertEqual(value("a=1", "application/x-www-form-urlencoded; charset=ISO-8859-1"), form)
    }

    func testMultipartType() {
        let body = "--b1\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b1--\r\n"
        XCTAssertEqual(value(body, "multipart/form-data; boundary=b1"), form)
        XCTAssertEqual(value(body, #"multipart/form-data; boundary="b1""#), form)
        XCTAssertEqual(value(body, #"Multipart/Form-Data;charset=utf-8;BOUNDARY="b1""#), form)
    }

    func testMultipartWithoutBoundaryIsRejected() {
        let failure = failure("--b1\r\n", "multipart/form-data")
        XCTAssertEqual(failure?.reason, .malformed)
        XCTAssertEqual(failure?.message, "invalid multipart/form-data: no boundary parameter")
    }

    func testTextPlainIsSniffed() {
        XCTAssertEqual(value(#"{"a":1}"#, "text/plain"), json)
        XCTAssertEqual(value("a=1", "text/plain;charset=utf-8"), form)
    }

    func testMissingOrEmptyContentTypeIsSniffed() {
        XCTAssertEqual(value("\r\n {\"a\":1}", nil), json)
        XCTAssertEqual(value("[]", ""), .array([]))
        XCTAssertEqual(value("a=1", nil), form)
        XCTAssertEqual(value("a=1", "  "), form)
    }

    // MARK: Wrong Content-Type (Documentation.docc/Receiver.md, "Routes")

    func testDeclaredJSONThatIsAFormIsReadAsAForm() {
        XCTAssertEqual(value("a=1", "application/json"), form)
    }

    func testDeclaredFormThatIsJSONIsReadAsJSON() {
        XCTAssertEqual(value(#" {"a":1}"#, "application/x-www-form-urlencoded"), json)
    }

    /// Documentation.docc/Receiver.md "Bodies": a JSON top level that is not an object or an array
    /// is valid JSON no vendor can decode, a `422`; it never becomes a form key.
    func testJSONScalarsDeclaredAsJSONAre422() {
        for (body, kind) in [("42", "a number"), (#""x""#, "a string"), ("null", "null"), ("true", "a boolean"), (" -1.5e3 ", "a number")] {
            for type in ["application/json", "text/json", "application/vnd.api+json", "Application/JSON; charset=utf-8"] {
                let failure = failure(body, type)
                XCTAssertEqual(failure?.reason, .notAnObject, "\(body) as \(type)")
                XCTAssertEqual(failure?.message, "JSON top level is \(kind), not an object or an array", "\(body) as \(type)")
            }
        }
    }

    func testTextJSONIsJSON() {
        XCTAssertEqual(value(#"{"a":1}"#, "text/json"), json)
        XCTAssertEqual(value(#"{"a":1}"#, "text/json; charset=utf-8"), json)
    }

    /// curl's `--data` declares a form whatever it sends: a body starting with `{` or `[` is JSON.
    func testDeclaredFormStartingWithABracketIsJSON() {
        XCTAssertEqual(value(#"[{"a":1}]"#, "application/x-www-form-urlencoded"),
                       .array([.object([JSONMember("a", .number("1"))])]))
        XCTAssertEqual(failure("[a]=1", "application/x-www-form-urlencoded")?.reason, .malformed)
        // Without a type, and as text, the same.
        XCTAssertEqual(value(#"[1]"#, nil), .array([.number("1")]))
        XCTAssertEqual(value(#"[1]"#, "text/plain"), .array([.number("1")]))
    }

    func testByteOrderMarkBeforeJSONIsSkipped() {
        XCTAssertEqual(try Payload.decodeBody([0xEF, 0xBB, 0xBF] + Array(#"{"a":1}"#.utf8), contentType: nil).get(), json)
    }

    func testMalformedJSONIsA422() {
        let failure = failure(#"{"a":1 "b":2}"#, "application/json")
        XCTAssertEqual(failure?.reason, .malformed)
        XCTAssertEqual(failure?.message, "invalid JSON at byte 7: expected ',' or '}'")
        XCTAssertEqual(self.failure(VendorFixtures.impactFailedAsDocumented, "application/json")?.message,
                       "invalid JSON at byte 485: expected ',' or '}'")
        XCTAssertEqual(self.failure("[1,", nil)?.reason, .malformed)
    }

    // MARK: Unsupported types

    func testOtherMediaTypesAre415() {
        for type in ["application/xml", "image/png", "application/octet-stream", "text/html; charset=utf-8", "text/csv"] {
            let failure = failure("<a/>", type)
            XCTAssertEqual(failure?.reason, .unsupportedContentType, type)
            XCTAssertEqual(failure?.message, "unsupported content type: \(type.split(separator: ";")[0])")
        }
        XCTAssertEqual(failure("x", "Application/XML")?.message, "unsupported content type: application/xml")
    }

    func testUnparseableContentTypeIs415() {
        XCTAssertEqual(failure("a=1", "json")?.message, "unsupported content type: json")
        XCTAssertEqual(failure("a=1", "text/")?.reason, .unsupportedContentType)
    }

    func testUnsupportedTypeMessageIsSanitized() {
        let header = "x\u{1}\r\n\u{7F}é" + String(repeating: "y", count: 500)
        let message = failure("a=1", header)?.message ?? ""
        XCTAssertFalse(message.utf8.contains { $0 < 0x20 || $0 >= 0x7F })
        XCTAssertLessThan(message.utf8.count, 140)
        XCTAssertTrue(message.hasPrefix("unsupported content type: x???"))
        let long = "application/" + String(repeating: "z", count: 500)
        XCTAssertLessThan((failure("a=1", long)?.message ?? "").utf8.count, 140)
    }

    // MARK: Empty bodies

    func testEmptyBodyIsAnEmptyObject() {
        for type in [nil, "application/json", "application/x-www-form-urlencoded", "text/plain", "application/xml",
                     "multipart/form-data"] {
            XCTAssertEqual(value("", type), .object([]), type ?? "nil")
        }
        XCTAssertEqual(value(" \r\n", "application/json"), .object([]))
    }

    // MARK: Query

    func testDecodeQuery() {
        XCTAssertEqual(Payload.decodeQuery(ArraySlice("a=1&token=s".utf8), dropping: ["token"]), form)
        XCTAssertNil(Payload.decodeQuery(ArraySlice("token=s".utf8), dropping: ["token"]))
        XCTAssertNil(Payload.decodeQuery(ArraySlice("&&".utf8)))
        XCTAssertEqual(Payload.decodeQuery(ArraySlice("CallerIDNum=%2B4420&x=%zz".utf8)),
                       .object([JSONMember("CallerIDNum", .string("+4420")), JSONMember("x", .string("%zz"))]))
    }

    // MARK: What the decoder gets besides the value

    private func nameHashes(_ value: JSONValue) -> [UInt64]? {
        guard case .object(let members) = value else { return nil }
        return members.map(\.nameHash)
    }

    func testDecodedBodyCarriesNameHashesAndTheJSONText() throws {
        let body = #"{"CallID":"1", "Caller ID Num":2}"#
        let decoded = try Payload.decodedBody(Array(body.utf8), contentType: "application/json").get()
        XCTAssertEqual(decoded.value, try Payload.decodeBody(Array(body.utf8), contentType: "application/json").get())
        XCTAssertEqual(nameHashes(decoded.value), [FieldName.hash("callid" as StaticString), FieldName.hash("calleridnum" as StaticString)])
        XCTAssertEqual(decoded.text.map { Array($0) }, Array(#"{"CallID":"1","Caller ID Num":2}"#.utf8))
    }

    func testDecodedFormBodyCarriesNameHashes() throws {
        let decoded = try Payload.decodedBody(Array("a=1&B+b=2&a=3".utf8), contentType: nil).get()
        XCTAssertEqual(decoded.value, value("a=1&B+b=2&a=3", nil))
        XCTAssertEqual(nameHashes(decoded.value), [FieldName.hash("a" as StaticString), FieldName.hash("bb" as StaticString)])
        XCTAssertNil(decoded.text)
    }

    func testDecodedBodyRoutesLikeDecodeBody() {
        let bodies = ["", " ", "{\"a\":1}", "[1]", "a=1", "{bad", "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b--"]
        let types: [String?] = [nil, "", "application/json", "text/plain", "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=b", "multipart/form-data", "image/png", "bad"]
        for body in bodies {
            for type in types {
                let plain = Payload.decodeBody(Array(body.utf8), contentType: type)
                let detailed = Payload.decodedBody(Array(body.utf8), contentType: type).map(\.value)
                XCTAssertEqual(plain, detailed, "\(body) as \(type ?? "nil")")
            }
        }
    }
}
