import XCTest
@testable import HTTPServer

/// The rows of "The head" in Documentation.docc/HTTPConformance.md, one test each. Every input is
/// also checked byte by byte, split at every offset, and followed by a pipelined request.
final class HeadConformanceTests: XCTestCase {
    // RFC 9112 §5.1: no white space between the field name and the colon.
    func testWhitespaceBeforeColonIsRejected() {
        assertRefused("GET / HTTP/1.1\r\nHost : a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nContent-Length : 5\r\n\r\nhello", status: 400)
    }

    // RFC 9112 §2.2: white space before the first header line is rejected.
    func testWhitespaceBeforeFirstHeaderIsRejected() {
        assertRefused("GET / HTTP/1.1\r\n Host: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\n\tHost: a\r\n\r\n", status: 400)
    }

    // RFC 9112 §5.2: obs-fold (a line starting with space or tab) is rejected.
    func testObsoleteLineFoldingIsRejected() {
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n", status: 400)
    }

    // RFC 9112 §2.2: bare LF as a line end is rejected anywhere in the head.
    func testBareLFInHeadIsRejected() {
        assertRefused("GET / HTTP/1.1\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\n\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nX: b\nc\r\n\r\n", status: 400)
        assertRefused("\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
    }

    // RFC 9112 §2.2: a bare CR is rejected, including "\r\n\rZ" in place of the empty line.
    func testBareCRInHeadIsRejected() {
        assertRefused("GET / HTTP/1.1\rHost: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\n\rZ", status: 400)
        assertRefused("GET / HTTP/1.1\r\nX: a\rb\r\nHost: a\r\n\r\n", status: 400)
    }

    // RFC 9110 §5.5: NUL and other control bytes in a value are rejected, never truncated; tab is allowed.
    func testControlByteInValueIsRejected() {
        for byte: UInt8 in [0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F] {
            let input = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8) + [byte] + Array("b\r\n\r\n".utf8)
            assertRefused(input, status: 400)
        }
        let accepted = assertAccepted("GET / HTTP/1.1\r\nHost: a\r\nX: a\tb\r\n\r\n")
        XCTAssertEqual(accepted?.head.headers["X"], "a\tb")
    }

    // RFC 9110 §5.5: obs-text (0x80–0xFF) in a value is kept byte for byte.
    func testHighBytesInValueAreAccepted() {
        let latin1 = assertAccepted(Array("GET / HTTP/1.1\r\nHost: a\r\nX: caf".utf8) + [0xE9, 0xFF, 0x80] + Array("\r\n\r\n".utf8))
        XCTAssertEqual(latin1?.head.headers["X"], "caf\u{E9}\u{FF}\u{80}")
        let utf8 = assertAccepted("GET / HTTP/1.1\r\nHost: a\r\nX: café ✓\r\n\r\n")
        XCTAssertEqual(utf8?.head.headers["X"], "café ✓")
    }

    // RFC 9110 §5.1: a field name is a token; a line with a bad name is rejected, never skipped.
    func testInvalidHeaderNameIsRejected() {
        for name: [UInt8] in [Array("X@Y".utf8), Array("X(Y".utf8), [0x58, 0x85], [0xEF, 0x58], Array("X/Y".utf8), Array("X\"".utf8)] {
            assertRefused(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8) + name + Array(": 1\r\n\r\n".utf8), status: 400)
        }
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nNo Colon\r\n\r\n", status: 400)
    }

    // RFC 6585 §5: a head over max_header_bytes is 431; the limit itself is accepted.
    func testHeadOverLimitIsRefused() {
        let head = "GET / HTTP/1.1\r\nHost: a\r\nX: abc\r\n\r\n"
        let size = head.utf8.count
        XCTAssertNotNil(assertAccepted(head, limits: .make(maxHeaderBytes: size)))
        assertRefused(head, status: 431, limits: .make(maxHeaderBytes: size - 1))
    }

    // RFC 6585 §5: one header line longer than the head limit is 431, found before its end.
    func testHeaderLineOverLimitIsRefused() {
        let limits = HTTPLimits.make(maxHeaderBytes: 64)
        let events = ParserVerifier.events("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "v", count: 100), limits: limits)
        XCTAssertEqual(events, [.error(.headerTooLarge)])
    }

    // RFC 6585 §5: more than max_headers lines is 431; the limit itself is accepted.
    func testTooManyHeadersAreRefused() {
        let head = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n"
        XCTAssertNotNil(assertAccepted(head, limits: .make(maxHeaders: 3)))
        assertRefused(head, status: 431, limits: .make(maxHeaders: 2))
    }

    // RFC 9112 §3: single spaces separate the parts of the request line; HTTP/0.9 is not served.
    func testMalformedRequestLineIsRejected() {
        assertRefused("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET /  HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET /\tHTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused(" GET / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET /x\r\n\r\n", status: 400)
        assertRefused("GET\r\n\r\n", status: 400)
    }

    // RFC 9112 §2.3: the version is exactly HTTP/1.0 or HTTP/1.1, case-sensitive.
    func testInvalidVersionIsRejected() {
        for version in ["HTTP/1.32", "http/1.1", "HTTP/1", "HTTP/1.2", "HTTP/1.1.1", "HTTP/01.1", "HTTP/1,1", "HTTP/x.y", "HTTP/"] {
            assertRefused("GET / \(version)\r\nHost: a\r\n\r\n", status: 400)
        }
    }

    // RFC 9110 §15.6.6: HTTP/2 (or its connection preface) is a version we do not speak: 505.
    func testHTTP2IsRefusedWith505() {
        assertRefused("GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505)
        assertRefused("GET / HTTP/3\r\nHost: a\r\n\r\n", status: 505)
        assertRefused("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505)
    }

    // RFC 9110 §9.1: the method is a case-sensitive token; any token is returned (the app answers 405).
    func testMethodMustBeAToken() {
        assertRefused("G@T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
        assertRefused(Array("G".utf8) + [0xC3, 0x89] + Array("T / HTTP/1.1\r\nHost: a\r\n\r\n".utf8), status: 400)
        XCTAssertEqual(assertAccepted("BREW / HTTP/1.1\r\nHost: a\r\n\r\n")?.head.method, "BREW")
        XCTAssertEqual(assertAccepted("get / HTTP/1.1\r\nHost: a\r\n\r\n")?.head.method, "get")
    }

    // RFC 9112 §3.2: the target holds no control byte, space or byte >= 0x80.
    func testInvalidByteInTargetIsRejected() {
        for byte: UInt8 in [0x00, 0x01, 0x09, 0x7F, 0x80, 0xC3, 0xFF] {
            assertRefused(Array("GET /a".utf8) + [byte] + Array("b HTTP/1.1\r\nHost: a\r\n\r\n".utf8), status: 400)
        }
        assertRefused("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
    }

    // RFC 9112 §3 / RFC 9110 §15.5.15: a target over max_target_bytes is 414; the limit is accepted.
    func testTargetOverLimitIsRefused() {
        let limits = HTTPLimits.make(maxTargetBytes: 10)
        XCTAssertEqual(assertAccepted("GET /123456789 HTTP/1.1\r\nHost: a\r\n\r\n", limits: limits)?.head.target, "/123456789")
        assertRefused("GET /1234567890 HTTP/1.1\r\nHost: a\r\n\r\n", status: 414, limits: limits)
    }

    // RFC 9112 §3.2.2: an absolute-form target is accepted.
    func testAbsoluteFormTargetIsAccepted() {
        let accepted = assertAccepted("POST http://host:8080/hooks/x?token=abc HTTP/1.1\r\nHost: host:8080\r\nContent-Length: 2\r\n\r\n{}")
        XCTAssertEqual(accepted?.head.target, "http://host:8080/hooks/x?token=abc")
        XCTAssertEqual(accepted?.head.path, "/hooks/x")
        XCTAssertEqual(accepted?.head.query, "token=abc")
    }

    // RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host.
    func testMissingOrRepeatedHostIsRejected() {
        assertRefused("GET / HTTP/1.1\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", status: 400)
        assertRefused("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", status: 400)
        XCTAssertNotNil(assertAccepted("GET / HTTP/1.0\r\n\r\n"))
        XCTAssertNotNil(assertAccepted("GET / HTTP/1.1\r\nHOST: a\r\n\r\n"))
    }

    // RFC 9112 §2.2: a few empty lines before the request line are skipped.
    func testEmptyLinesBeforeRequestLineAreSkipped() {
        let empty = String(repeating: "\r\n", count: HeadParser.maxEmptyLinesBeforeRequest)
        XCTAssertEqual(assertAccepted(empty + "GET /x HTTP/1.1\r\nHost: a\r\n\r\n")?.head.target, "/x")
        assertRefused(empty + "\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n", status: 400)
    }
}
