import XCTest
@testable import HTTPServer

/// The rows of "Framing (Content-Length, Transfer-Encoding)" in
/// Documentation.docc/HTTPConformance.md, over a real socket: each input goes to a server on
/// 127.0.0.1, port 0, running `TestHandler`, and the test checks the status and whether the
/// connection was then closed ("400c") or kept. Every input is sent whole; splitting at every byte
/// is checked at this level for a representative subset in ServerConnectionConformanceTests, and
/// for every input at the parser level in FramingConformanceTests (whole, byte by byte, split at
/// every offset, pipelined).
final class ServerFramingConformanceTests: XCTestCase {
    private var address = ""

    override func setUpWithError() throws {
        address = try startConformanceServer()
    }

    // RFC 9112 §6.3: Content-Length together with Transfer-Encoding, in either order, is 400c.
    func testContentLengthWithTransferEncodingIs400AndCloses() {
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, on: address)
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", status: 400, on: address)
    }

    // RFC 9112 §6.3: two Content-Length lines, or a list, even of equal values, is 400c.
    func testRepeatedContentLengthIs400AndCloses() {
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\nabcdefg", status: 400, on: address)
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 8\r\n\r\nabcdefg", status: 400, on: address)
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 7\r\n\r\nabcdefg", status: 400, on: address)
    }

    // RFC 9110 §8.6: Content-Length = 1*DIGIT; a sign, prefix, suffix, inner space, empty or
    // overflowing value is 400c.
    func testContentLengthNotAllDigitsIs400AndCloses() {
        for value in ["+7", "-1", "0x7", "7Z", "7 7", "", "99999999999999999999999"] {
            assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\nabcdefg", status: 400, on: address)
        }
    }

    // RFC 9110 §15.5.14: a Content-Length over max_body_bytes is 413 from the head alone: no
    // 100 Continue first, no wait for the body, and the connection closes (the body would follow).
    func testContentLengthOverTheLimitIs413BeforeTheBodyWithoutContinue() {
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 65\r\n\r\n", status: 413, on: address)
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 9999999\r\nExpect: 100-continue\r\n\r\n", status: 413, on: address)
        let kept = assertKept("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 64\r\n\r\n" + String(repeating: "x", count: 64), on: address)
        XCTAssertEqual(kept.first?.body.count, 64)
    }

    // RFC 9110 §8.6: leading zeros are digits; 007 is 7.
    func testContentLengthWithLeadingZerosIsReadAsSeven() {
        let kept = assertKept("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\nabcdefg", on: address)
        XCTAssertEqual(kept.first?.text, "abcdefg")
    }

    // RFC 9112 §6.1: any Transfer-Encoding but exactly "chunked" is 501c or 400c, never read
    // by Content-Length instead.
    func testTransferEncodingOtherThanChunkedIsRefusedAndCloses() {
        for value in ["gzip, chunked", "identity", "xchunked", "\"chunked\"", ",chunked", "\u{0B}chunked"] {
            let input = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n"
            assertClosed(Array(input.utf8), statuses: [400, 501], on: address)
        }
        let obsText = Array("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ".utf8) + [0xA0] + Array("chunked\r\n\r\n0\r\n\r\n".utf8)
        assertClosed(obsText, statuses: [400, 501], on: address)
    }

    // RFC 9112 §6.3: chunked must be the final coding.
    func testChunkedNotLastIs400AndCloses() {
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", status: 400, on: address)
    }

    // RFC 9112 §6.1: Transfer-Encoding on two lines (a proxy may join or drop one) is 400c.
    func testTransferEncodingOnTwoLinesIs400AndCloses() {
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, on: address)
    }

    // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request is faulty framing.
    func testTransferEncodingInHTTP10Is400AndCloses() {
        assertClosed("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400, on: address)
    }

    // RFC 9112 §6.3: a POST with neither header has an empty body, and the next request follows.
    func testPostWithNeitherHeaderHasAnEmptyBody() {
        let kept = assertKept("POST /echo HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
        XCTAssertEqual(kept.first?.body, [])
    }
}
