import XCTest
@testable import HTTPServer

/// One test per row of http-conformance.md that concerns the parser: "Framing", "Chunked
/// bodies", "The head", and the parser's side of "Connections". Every input is also checked
/// byte by byte, split at every offset, and followed by a pipelined request.
final class ConformanceTests: XCTestCase {
    // MARK: Framing

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

    // MARK: Chunked bodies

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

    // MARK: The head

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

    // MARK: Connections (the parser's part)

    // RFC 9112 §9.3: pipelined requests come out in order, whatever the split.
    func testPipelinedRequestsAreReadInOrder() {
        let input = "POST /1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
            + "GET /3 HTTP/1.1\r\nHost: a\r\n\r\n"
        let events = ParserVerifier.events(input)
        XCTAssertEqual(events.count, 6)
        let targets = events.compactMap { event -> String? in
            if case .head(let head) = event { return head.target }
            return nil
        }
        XCTAssertEqual(targets, ["/1", "/2", "/3"])
        XCTAssertEqual(events[1], .body(Array("abc".utf8)))
        XCTAssertEqual(events[3], .body(Array("de".utf8)))
        XCTAssertEqual(events[5], .body([]))
    }

    // RFC 9112 §9.6: "Connection: close" ends the connection after this request.
    func testConnectionCloseIsReported() {
        XCTAssertEqual(assertAccepted("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")?.head.keepAlive, false)
    }

    // RFC 9112 §9.3: HTTP/1.0 stays open only with "Connection: keep-alive".
    func testHTTP10ClosesWithoutKeepAlive() {
        XCTAssertEqual(assertAccepted("GET / HTTP/1.0\r\n\r\n")?.head.keepAlive, false)
        XCTAssertEqual(assertAccepted("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")?.head.keepAlive, true)
    }

    // RFC 9110 §10.1.1: with Expect: 100-continue, a body sent without waiting is still the body.
    func testExpectContinueBodySentAtOnceIsTheBody() {
        let accepted = assertAccepted("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        XCTAssertEqual(accepted?.head.expectsContinue, true)
        XCTAssertEqual(accepted?.body, Array("ok".utf8))
    }
}
