import XCTest
@testable import HTTPServer

/// The rows of "Chunked bodies" in Documentation.docc/HTTPConformance.md, one test each. Every
/// input is also checked byte by byte, split at every offset, and followed by a pipelined request.
final class ChunkedConformanceTests: XCTestCase {
    // RFC 9112 §7.1: chunk-size = 1*HEXDIG, nothing else; at most 16 digits.
    func testInvalidChunkSizeIsRejected() {
        for size in ["0x5", "+5", " 5", "5 ", "5_0", "g", "", "-5", "5\t", "00000000000000005"] {
            assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\(size)\r\nhello\r\n0\r\n\r\n",
                          status: 400, afterHead: true)
        }
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0000000000000005\r\nhello\r\n0\r\n\r\n")
        XCTAssertEqual(accepted?.body, Array("hello".utf8))
    }

    // RFC 9112 §7.1: a size over 16 hex digits (it would overflow) is rejected, not wrapped.
    func testOverflowingChunkSizeIsRejected() {
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000005\r\nhello\r\n0\r\n\r\n",
                      status: 400, afterHead: true)
    }

    // RFC 9110 §15.5.14: the chunks' total over max_body_bytes is 413 as soon as a size says so.
    func testChunkedTotalOverLimitIsRefused() {
        let limits = HTTPLimits.make(maxBodyBytes: 10)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\n",
                      status: 413, afterHead: true, limits: limits)
        assertRefused("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n",
                      status: 413, afterHead: true, limits: limits)
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n4\r\nghij\r\n0\r\n\r\n",
                                      limits: limits)
        XCTAssertEqual(accepted?.body, Array("abcdefghij".utf8))
    }

    // RFC 9112 §7.1: chunk-data is followed by CRLF.
    func testChunkDataNotFollowedByCRLFIsRejected() {
        let head = "POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        assertRefused(head + "3\r\nabcd\r\n0\r\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3\r\nabc\n0\r\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3\r\nabc\rX0\r\n\r\n", status: 400, afterHead: true)
    }

    // RFC 9112 §2.2, §7.1: chunk lines end in CRLF; bare LF or bare CR is rejected.
    func testBareLineEndsInChunkLinesAreRejected() {
        let head = "POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        assertRefused(head + "3\nabc\r\n0\r\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3\rabc\r\n0\r\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3;a=b\nabc\r\n0\r\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3\r\nabc\r\n0\n\r\n", status: 400, afterHead: true)
        assertRefused(head + "3\r\nabc\r\n0\r\n\n", status: 400, afterHead: true)
    }

    // RFC 9112 §7.1.1: extensions are accepted and ignored, up to a length.
    func testChunkExtensionsAreIgnored() {
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n7;a=b;c=\"d\"\r\nabcdefg\r\n0;last\r\n\r\n")
        XCTAssertEqual(accepted?.body, Array("abcdefg".utf8))
    }

    // RFC 9112 §7.1.1: a server ought to limit the length of chunk extensions.
    func testLongChunkExtensionsAreRejected() {
        let head = "POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        let line = ChunkedBodyDecoder.maxChunkLineBytes
        // "1;" then extension bytes: the whole line (without CRLF) at the cap, then one over.
        let atCap = "1;" + String(repeating: "a", count: line - 2)
        XCTAssertNotNil(assertAccepted(head + atCap + "\r\nx\r\n0\r\n\r\n"))
        assertRefused(head + atCap + "a\r\nx\r\n0\r\n\r\n", status: 400, afterHead: true)
    }

    // RFC 9112 §7.1.2: trailer fields are read and discarded.
    func testTrailersAreDiscarded() {
        let accepted = assertAccepted("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 1\r\nX-Other:\t2 \r\n\r\n")
        XCTAssertEqual(accepted?.body, Array("abc".utf8))
        XCTAssertNil(accepted?.head.headers["X-Sum"])
    }

    // RFC 9112 §7.1.2: a trailer line has the syntax of a header line.
    func testMalformedTrailerIsRejected() {
        let head = "POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n"
        for trailer in ["X-Sum 1\r\n\r\n", "X-Sum : 1\r\n\r\n", " folded\r\n\r\n", ": empty\r\n\r\n", "X\u{0}: 1\r\n\r\n",
                        "X: a\u{1}b\r\n\r\n", "X: 1\n\r\n", "X: 1\r\r\n"] {
            assertRefused(head + trailer, status: 400, afterHead: true)
        }
    }

    // EOF before the last chunk, or before Content-Length bytes: no body event.
    func testTruncatedBodyYieldsNoBody() {
        let chunked = ParserVerifier.events("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
        XCTAssertEqual(chunked.count, 1)
        let sized = ParserVerifier.events("POST /h HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabc")
        XCTAssertEqual(sized.count, 1)
    }
}
