import XCTest
@testable import CallEvents

final class MultipartTests: XCTestCase {
    private func decode(_ text: String, boundary: String = "XyZ") -> Result<JSONValue, DecodeFailure> {
        decode(Array(text.utf8), boundary: boundary)
    }

    private func decode(_ bytes: [UInt8], boundary: String = "XyZ") -> Result<JSONValue, DecodeFailure> {
        bytes.withUnsafeBufferPointer { Multipart.decode($0, boundary: boundary) }
    }

    private func failure(_ text: String, boundary: String = "XyZ", file: StaticString = #filePath, line: UInt = #line) -> String? {
        switch decode(text, boundary: boundary) {
        case .success(let value):
            XCTFail("expected a failure, got \(value)", file: file, line: line)
            return nil
        case .failure(let failure):
            XCTAssertEqual(failure.reason, .malformed, file: file, line: line)
            return failure.message
        }
    }

    private func object(_ pairs: (String, JSONValue)...) -> JSONValue {
        .object(pairs.map { JSONMember($0.0, $0.1) })
    }

    /// What `curl -F CallID=42 -F 'CallStatus=ANSWER'` sends.
    private let curlBody = "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"CallID\"\r\n\r\n42\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"CallStatus\"\r\n\r\nANSWER\r\n"
        + "--XyZ--\r\n"

    func testTextFields() throws {
        XCTAssertEqual(try decode(curlBody).get(), object(("CallID", .string("42")), ("CallStatus", .string("ANSWER"))))
    }

    func testPreambleEpilogueAndTransportPaddingAreIgnored() throws {
        // RFC 2046 §5.1.1: text before the first and after the last delimiter is not part of the body.
        let body = "This is a preamble\r\n--XyZ  \r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--\r\nepilogue"
        XCTAssertEqual(try decode(body).get(), object(("a", .string("1"))))
    }

    func testContentKeepsInnerLineBreaksAndLookalikeDelimiters() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nline 1\r\n--XyZW not a delimiter\r\n\r\n--XyZ--"
        XCTAssertEqual(try decode(body).get(), object(("note", .string("line 1\r\n--XyZW not a delimiter\r\n"))))
    }

    func testEmptyContent() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--XyZ--\r\n"
        XCTAssertEqual(try decode(body).get(), object(("a", .string(""))))
    }

    func testBareLineFeedsAreAccepted() throws {
        let body = "--XyZ\nContent-Disposition: form-data; name=a\n\nx\n--XyZ--\n"
        XCTAssertEqual(try decode(body).get(), object(("a", .string("x"))))
    }

    func testRepeatedNamesBecomeArrays() throws {
        let part = { (name: String, value: String) in "--XyZ\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n" }
        let body = part("a", "1") + part("b", "2") + part("a", "3") + "--XyZ--"
        XCTAssertEqual(try decode(body).get(), object(("a", .array([.string("1"), .string("3")])), ("b", .string("2"))))
    }

    func testHeaderNamesAreCaseInsensitiveAndOtherHeadersIgnored() throws {
        let body = "--XyZ\r\nContent-Type: text/plain; charset=utf-8\r\ncontent-DISPOSITION: form-data; NAME=\"a\"\r\n\r\né\r\n--XyZ--"
        XCTAssertEqual(try decode(body).get(), object(("a", .string("é"))))
    }

    func testQuotedNameWithSemicolonAndEscapedQuote() throws {
        let body = #"--XyZ"# + "\r\n" + #"Content-Disposition: form-data; name="a;b \"c\"""# + "\r\n\r\nv\r\n--XyZ--"
        XCTAssertEqual(try decode(body).get(), object((#"a;b "c""#, .string("v"))))
    }

    func testFilePartIsKeptAsText() throws {
        // Decision: a file part's content is kept as text too, so nothing is lost.
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"cdr\"; filename=\"cdr.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ--"
        XCTAssertEqual(try decode(body).get(), object(("cdr", .string("a,b\r\n1,2"))))
    }

    func testPartWithoutNameIsKeptUnderEmptyName() throws {
        let body = "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"
        XCTAssertEqual(try decode(body).get(), object(("", .string("x"))))
    }

    func testNonUTF8ContentIsReadAsLatin1() throws {
        let bytes = Array("--XyZ\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nRen".utf8) + [0xE9] + Array("\r\n--XyZ--".utf8)
        XCTAssertEqual(try decode(bytes).get(), object(("n", .string("René"))))
    }

    func testOnlyTheCloseDelimiterIsAnEmptyObject() throws {
        XCTAssertEqual(try decode("--XyZ--\r\n").get(), .object([]))
    }

    func testNoBoundaryLineIsRejected() {
        XCTAssertEqual(failure("a=1&b=2"), "invalid multipart/form-data: no boundary line")
        XCTAssertEqual(failure(curlBody, boundary: "other"), "invalid multipart/form-data: no boundary line")
    }

    func testMissingCloseDelimiterIsRejected() {
        // RFC 2046 §5.1.1: the body ends with the close delimiter.
        XCTAssertEqual(failure("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"),
                       "invalid multipart/form-data: no closing boundary")
        XCTAssertEqual(failure("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ\r\n"),
                       "invalid multipart/form-data: part 2 has no end of headers")
    }

    func testUnterminatedHeadersAreRejected() {
        XCTAssertEqual(failure("--XyZ\r\nContent-Disposition: form-data; name=a"),
                       "invalid multipart/form-data: part 1 has no end of headers")
    }

    func testMorePartsThanTheLimitAreRejected() {
        let part = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
        let atLimit = String(repeating: part, count: Multipart.maxParts) + "--XyZ--"
        guard case .success(let value) = decode(atLimit) else { return XCTFail() }
        XCTAssertEqual(value["a"]?.arrayValue?.count, Multipart.maxParts)
        let over = String(repeating: part, count: Multipart.maxParts + 1) + "--XyZ--"
        XCTAssertEqual(failure(over), "invalid multipart/form-data: more than \(Multipart.maxParts) parts")
    }
}
