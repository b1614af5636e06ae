import XCTest
@testable import HTTPServer

/// The rows of "Framing (Content-Length, Transfer-Encoding)" in
/// Documentation.docc/HTTPConformance.md, one test each. Every input is also checked byte by byte,
/// split at every offset, and followed by a pipelined request.
final class FramingConformanceTests: XCTestCase {
    // RFC 9112 §6.3: reject Content-Length together with Transfer-Encoding, in either order.
    func testContentLengthWithTransferEncodingIsRejected() {
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", status: 400)
    }

    // RFC 9112 §6.3: two Content-Length lines, or a list, even of equal values.
    func testRepeatedContentLengthIsRejected() {
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\nabcdefg", status: 400)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 8\r\n\r\nabcdefg", status: 400)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 7, 7\r\n\r\nabcdefg", status: 400)
    }

    // RFC 9110 §8.6: Content-Length = 1*DIGIT; no sign, prefix, suffix, inner space, or overflow.
    func testContentLengthNotAllDigitsIsRejected() {
        for value in ["+7", "-1", "0x7", "7Z", "7 7", "", "7.0", "99999999999999999999999"] {
            assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: \(value)\r\n\r\nabcdefg", status: 400)
        }
    }

    // RFC 9110 §15.5.14: over max_body_bytes is 413 from the head alone, before any body byte.
    func testContentLengthOverLimitIsRefusedBeforeTheBody() {
        let limits = HTTPLimits.make(maxBodyBytes: 10)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n", status: 413, limits: limits)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 9999999999\r\nExpect: 100-continue\r\n\r\n", status: 413, limits: limits)
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits)
        XCTAssertEqual(accepted?.body, Array("0123456789".utf8))
    }

    // RFC 9110 §8.6: leading zeros are digits.
    func testContentLengthWithLeadingZerosIsAccepted() {
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 007\r\n\r\nabcdefg")
        XCTAssertEqual(accepted?.head.framing, .contentLength(7))
        XCTAssertEqual(accepted?.body, Array("abcdefg".utf8))
    }

    // RFC 9112 §6.1: only exactly "chunked" is served; never fall back to Content-Length.
    func testTransferEncodingOtherThanChunkedIsRefused() {
        for value in ["gzip, chunked", "identity", "xchunked", "\"chunked\"", ",chunked", "chunked;q=1", "gzip"] {
            assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \(value)\r\n\r\n0\r\n\r\n", status: 501)
        }
        // 0xA0 is obs-text, so the value is well-formed but not "chunked".
        assertRefused(Array("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ".utf8) + [0xA0] + Array("chunked\r\n\r\n0\r\n\r\n".utf8), status: 501)
        // A vertical tab is a control byte: the line itself is malformed.
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \u{0B}chunked\r\n\r\n0\r\n\r\n", status: 400)
    }

    // RFC 9112 §6.1: "chunked" is matched case-insensitively.
    func testTransferEncodingChunkedIgnoresCase() {
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: ChUnKeD\r\n\r\n1\r\nx\r\n0\r\n\r\n")
        XCTAssertEqual(accepted?.head.framing, .chunked)
        XCTAssertEqual(accepted?.body, [0x78])
    }

    // RFC 9112 §6.3: chunked must be the final coding, else the length cannot be determined.
    func testChunkedNotLastIsRejected() {
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", status: 400)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", status: 400)
    }

    // RFC 9112 §6.1: Transfer-Encoding on two lines (a proxy may join or drop one).
    func testTransferEncodingOnTwoLinesIsRejected() {
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400)
    }

    // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request is faulty framing.
    func testTransferEncodingInHTTP10IsRejected() {
        assertRefused("POST /h HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400)
    }

    // RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no body.
    func testRequestWithoutFramingHasEmptyBody() {
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(accepted?.head.framing, HTTPBodyFraming.none)
        XCTAssertEqual(accepted?.body, [])
    }
}
