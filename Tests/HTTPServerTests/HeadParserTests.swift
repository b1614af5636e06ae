import XCTest
@testable import HTTPServer

/// The fields of a head as returned: what is kept as sent, what is trimmed, what is looked up.
final class HeadParserTests: XCTestCase {
    func testRequestLineIsKeptAsSent() {
        let head = assertAccepted("DELETE /a/b%20c?x=1&y=%2F HTTP/1.0\r\n\r\n")?.head
        XCTAssertEqual(head?.method, "DELETE")
        XCTAssertEqual(head?.target, "/a/b%20c?x=1&y=%2F")
        XCTAssertEqual(head?.version, .http1_0)
        XCTAssertEqual(head?.path, "/a/b%20c")
        XCTAssertEqual(head?.query, "x=1&y=%2F")
    }

    func testAsteriskFormTargetIsAccepted() {
        XCTAssertEqual(assertAccepted("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n")?.head.target, "*")
    }

    func testHeadersKeepOrderNamesAndDuplicates() {
        let head = assertAccepted("GET / HTTP/1.1\r\nX-B: 1\r\nHost: h\r\nx-b: 2\r\nX-A: 3\r\n\r\n")?.head
        XCTAssertEqual(head?.headers.fields.map(\.name), ["X-B", "Host", "x-b", "X-A"])
        XCTAssertEqual(head?.headers.fields.map(\.value), ["1", "h", "2", "3"])
        XCTAssertEqual(head?.headers.values("X-B"), ["1", "2"])
        XCTAssertEqual(head?.headers["HOST"], "h")
    }

    // RFC 9110 §5.5: leading and trailing OWS are not part of the value; inner white space is.
    func testValuesAreTrimmedOfOptionalWhitespace() {
        let head = assertAccepted("GET / HTTP/1.1\r\nHost: h\r\nA:x\r\nB: \t x y \t \r\nC:\r\nD:   \r\nE:\t\"q\"\r\n\r\n")?.head
        XCTAssertEqual(head?.headers["A"], "x")
        XCTAssertEqual(head?.headers["B"], "x y")
        XCTAssertEqual(head?.headers["C"], "")
        XCTAssertEqual(head?.headers["D"], "")
        XCTAssertEqual(head?.headers["E"], "\"q\"")
    }

    // RFC 9110 §5.6.2: every tchar is allowed in a name and a method.
    func testEveryTokenByteIsAcceptedInNamesAndMethods() {
        let token = "!#$%&'*+-.^_`|~09azAZ"
        let head = assertAccepted("\(token) / HTTP/1.1\r\nHost: h\r\n\(token): v\r\n\r\n")?.head
        XCTAssertEqual(head?.method, token)
        XCTAssertEqual(head?.headers[token], "v")
    }

    func testFramingIsReported() {
        XCTAssertEqual(assertAccepted("GET / HTTP/1.1\r\nHost: h\r\n\r\n")?.head.framing, HTTPBodyFraming.none)
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: h\r\ncontent-length: 0\r\n\r\n")?.head.framing, .contentLength(0))
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: h\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n")?.head.framing, .chunked)
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding:  chunked \r\n\r\n0\r\n\r\n")?.head.framing, .chunked)
    }

    // RFC 9112 §5: header lines after the request line; the error is found however the bytes came.
    func testErrorsAreFoundInStreamOrder() {
        // The bare CR comes first: 400, not the 431 the later bytes would give.
        assertRefused("GET / HTTP/1.1\r\nX: a\rb" + String(repeating: "c", count: 100), status: 400, limits: .make(maxHeaderBytes: 64))
        // The limit comes first: 431, not the 400 of a bad byte past it.
        assertRefused("GET / HTTP/1.1\r\nX: " + String(repeating: "c", count: 100) + "\rb", status: 431, limits: .make(maxHeaderBytes: 64))
        // The target limit comes first: 414, not the 431 of the whole line.
        assertRefused("GET /" + String(repeating: "t", count: 100), status: 414, limits: .make(maxHeaderBytes: 64, maxTargetBytes: 32))
        // The head limit comes first: 431, before the target reaches its limit.
        assertRefused("GET /" + String(repeating: "t", count: 100), status: 431, limits: .make(maxHeaderBytes: 32, maxTargetBytes: 64))
    }
}
