import XCTest
@testable import HTTPServer

/// The rows of "The head" in Documentation.docc/HTTPConformance.md over a real socket, checking the
/// status and whether the connection was closed or kept. Inputs are sent whole here; see
/// ServerConnectionConformanceTests for splits at every byte over the socket, and
/// HeadConformanceTests for every input split every way at the parser level.
final class ServerHeadConformanceTests: XCTestCase {
    private var server: HTTPServer!
    private var address = ""

    override func setUpWithError() throws {
        (server, address) = try HTTPServer.make(limits: .make(maxHeaderBytes: 1024, maxHeaders: 16, maxTargetBytes: 256))
    }

    override func tearDown() {
        server.stop(drainMilliseconds: 0)
    }

    private func closed(_ bytes: [UInt8], status: Int = 400, file: StaticString = #filePath, line: UInt = #line) {
        assertClosed(bytes, statuses: [status], on: address, file: file, line: line)
    }

    private func closed(_ text: String, status: Int = 400, file: StaticString = #filePath, line: UInt = #line) {
        closed(Array(text.utf8), status: status, file: file, line: line)
    }

    // RFC 9112 §5.1: no white space between a field name and the colon.
    func testWhiteSpaceBeforeTheColonIs400AndCloses() {
        closed("GET / HTTP/1.1\r\nHost : a\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n")
    }

    // RFC 9112 §2.2: white space before the first header line; §5.2: obs-fold is refused.
    func testWhiteSpaceBeforeTheFirstHeaderAndObsFoldAre400AndClose() {
        closed("GET / HTTP/1.1\r\n Host: a\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n c\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\r\nX: b\r\n\tc\r\n\r\n")
    }

    // RFC 9112 §2.2: a bare LF or CR anywhere in the head, or `\r\n\rZ` as terminator, is 400c.
    func testBareLineEndsInTheHeadAre400AndClose() {
        closed("GET / HTTP/1.1\nHost: a\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\r\n\n")
        closed("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\r\n\rZ")
    }

    // RFC 9110 §5.5: no NUL or other control byte in a value (tab allowed); never truncated.
    func testControlBytesInAValueAre400AndCloseButTabIsAllowed() {
        for control: UInt8 in [0x00, 0x01, 0x0B, 0x1F, 0x7F] {
            closed(Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8) + [control] + Array("b\r\n\r\n".utf8))
        }
        assertKept("GET /status/200 HTTP/1.1\r\nHost: a\r\nX: a\tb\r\n\r\n", on: address)
    }

    // RFC 9110 §5.5: obs-text (0x80-0xFF) in a value is accepted as is.
    func testObsTextInAValueIsAccepted() {
        let input = Array("GET /status/200 HTTP/1.1\r\nHost: a\r\nX: caf".utf8) + [0xE9, 0x80, 0xFF] + Array("\r\n\r\n".utf8)
        assertKept(input, on: address)
    }

    // RFC 9110 §5.1: a field name is a token; a line with a non-token byte, no name or no colon is
    // refused, never skipped.
    func testMalformedFieldNamesAre400AndClose() {
        for name: [UInt8] in [Array("X@Y".utf8), Array("X(Y".utf8), [0x58, 0x85], [0x58, 0xEF], []] {
            closed(Array("GET / HTTP/1.1\r\nHost: a\r\n".utf8) + name + Array(": v\r\n\r\n".utf8))
        }
        closed("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n")
    }

    // RFC 6585 §5: a header line over the limit, a head over max_header_bytes, more than
    // max_headers lines: 431c.
    func testOversizedHeadsAre431AndClose() {
        closed("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "v", count: 1100))\r\n\r\n", status: 431)
        let many = (0..<8).map { "X-\($0): \(String(repeating: "v", count: 120))\r\n" }.joined()
        closed("GET / HTTP/1.1\r\nHost: a\r\n\(many)\r\n", status: 431)
        let count = (0..<17).map { "X-\($0): v\r\n" }.joined()
        closed("GET / HTTP/1.1\r\nHost: a\r\n\(count)\r\n", status: 431)
    }

    // RFC 9112 §3: one space between the parts of the request line; HTTP/0.9 is not served.
    func testMalformedRequestLinesAre400AndClose() {
        closed("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")
        closed("GET / HTTP/1.1 \r\nHost: a\r\n\r\n")
        closed("GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n")
        closed("GET /x\r\n\r\n")
    }

    // RFC 9112 §2.3: only HTTP/1.0 and HTTP/1.1; HTTP/2.0 and the PRI preface are 505c or 400c.
    func testOtherVersionsAreRefusedAndClose() {
        closed("GET / HTTP/1.32\r\nHost: a\r\n\r\n")
        closed("GET / http/1.1\r\nHost: a\r\n\r\n")
        assertClosed(Array("GET / HTTP/2.0\r\nHost: a\r\n\r\n".utf8), statuses: [400, 505], on: address)
        assertClosed(Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8), statuses: [400, 505], on: address)
    }

    // RFC 9110 §9.1: the method is a token.
    func testMethodNotATokenIs400AndCloses() {
        closed("G@T / HTTP/1.1\r\nHost: a\r\n\r\n")
        closed(Array("G".utf8) + [0xC3, 0xA9] + Array("T / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
    }

    // RFC 9110 §9.1: a method token the server does not know is the application's to answer
    // (the receiver's 405 with Allow); the server passes it on.
    func testAnUnknownMethodTokenIsPassedToTheHandler() {
        assertKept("PURGE /status/200 HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
    }

    // RFC 9112 §3.2: no control byte or byte >= 0x80 in the target; over max_target_bytes is 414c.
    func testMalformedOrLongTargetsAreRefusedAndClose() {
        closed(Array("GET /a".utf8) + [0x01] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        closed(Array("GET /a".utf8) + [0x7F] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        closed(Array("GET /caf".utf8) + [0xE9] + Array(" HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        closed("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n")
        closed("GET /\(String(repeating: "a", count: 256)) HTTP/1.1\r\nHost: a\r\n\r\n", status: 414)
        assertKept("GET /status/200?\(String(repeating: "a", count: 240)) HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
    }

    // RFC 9112 §3.2.2: an absolute-form target is accepted.
    func testAbsoluteFormTargetIsAccepted() {
        assertKept("GET http://host/status/200?token=s HTTP/1.1\r\nHost: host\r\n\r\n", on: address)
    }

    // RFC 9112 §3.2: HTTP/1.1 needs exactly one Host.
    func testMissingOrRepeatedHostIs400AndCloses() {
        closed("GET / HTTP/1.1\r\n\r\n")
        closed("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")
        assertKept("GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", on: address)
    }

    // RFC 9112 §2.2: empty lines before the request line are skipped (up to a few).
    func testEmptyLinesBeforeTheRequestLineAreSkipped() {
        assertKept("\r\n\r\nGET /status/200 HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
        let tooMany = String(repeating: "\r\n", count: HeadParser.maxEmptyLinesBeforeRequest + 1)
        closed("\(tooMany)GET / HTTP/1.1\r\nHost: a\r\n\r\n")
    }
}
