import XCTest
@testable import HTTPServer

final class HTTPRequestParserTests: XCTestCase {
    private func parser(_ limits: HTTPLimits = HTTPLimits()) -> HTTPRequestParser {
        HTTPRequestParser(limits: limits)
    }

    func testPhaseMovesFromIdleToHeadToBodyAndBack() {
        var parser = parser()
        XCTAssertEqual(parser.phase, .idle)
        XCTAssertEqual(parser.next(), .needMoreData)
        parser.feed(Array("POST /h HTTP/1.1\r\nHost: a\r\n".utf8))
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertEqual(parser.phase, .head)
        parser.feed(Array("Content-Length: 4\r\n\r\nab".utf8))
        guard case .head(let head) = parser.next() else { return XCTFail("expected the head") }
        XCTAssertEqual(head.framing, .contentLength(4))
        XCTAssertEqual(parser.phase, .body)
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertEqual(parser.phase, .body)
        parser.feed(Array("cd".utf8))
        XCTAssertEqual(parser.next(), .body(Array("abcd".utf8)))
        XCTAssertEqual(parser.phase, .idle)
        XCTAssertEqual(parser.next(), .needMoreData)
    }

    func testPhaseIsHeadWhenTheNextRequestIsAlreadyBuffered() {
        var parser = parser()
        parser.feed(Array("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nG".utf8))
        guard case .head = parser.next() else { return XCTFail("expected the head") }
        XCTAssertEqual(parser.phase, .body)
        XCTAssertEqual(parser.next(), .body([]))
        XCTAssertEqual(parser.phase, .head)
    }

    func testEmptyLinesBeforeARequestCountAsItsHead() {
        var parser = parser()
        parser.feed(Array("\r\n".utf8))
        XCTAssertEqual(parser.next(), .needMoreData)
        XCTAssertEqual(parser.phase, .head)
    }

    func testHeadIsReturnedBeforeTheBodyArrives() {
        var parser = parser()
        parser.feed(Array("POST /h HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n".utf8))
        guard case .head(let head) = parser.next() else { return XCTFail("expected the head") }
        XCTAssertTrue(head.expectsContinue)
        XCTAssertEqual(parser.next(), .needMoreData)
        parser.feed(Array("2\r\nhi\r\n".utf8))
        XCTAssertEqual(parser.next(), .needMoreData)
        parser.feed(Array("0\r\n\r\n".utf8))
        XCTAssertEqual(parser.next(), .body(Array("hi".utf8)))
    }

    func testErrorSticks() {
        var parser = parser()
        parser.feed(Array("GET / HTTP/1.1\r\nHost : a\r\n\r\n".utf8))
        let error = parser.next()
        guard case .error(let failure) = error else { return XCTFail("expected an error") }
        XCTAssertEqual(failure.status, 400)
        XCTAssertEqual(parser.next(), error)
        parser.feed(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        XCTAssertEqual(parser.next(), error)
        XCTAssertEqual(parser.bufferCapacity, 0, "a failed parser keeps nothing it is fed")
    }

    func testErrorMessageNeverHoldsRequestBytes() {
        var parser = parser()
        parser.feed(Array("GET / HTTP/1.1\r\nHost: a\r\nX-Secret\u{1}: token123\r\n\r\n".utf8))
        guard case .error(let error) = parser.next() else { return XCTFail("expected an error") }
        XCTAssertFalse(error.message.contains("Secret"))
        XCTAssertFalse(error.message.contains("token123"))
    }

    // RFC 6585 §5: the head is refused as soon as the buffered part reaches the limit unfinished.
    func testIncompleteHeadAtLimitIsRefusedWithoutWaiting() {
        let limits = HTTPLimits.make(maxHeaderBytes: 64)
        let start = Array("GET / HTTP/1.1\r\nHost: a\r\nX: ".utf8)
        var parser = parser(limits)
        parser.feed(start + Array(repeating: UInt8(ascii: "v"), count: 63 - start.count))
        XCTAssertEqual(parser.next(), .needMoreData)
        parser.feed([UInt8(ascii: "v")])
        XCTAssertEqual(parser.next(), .error(.headerTooLarge))
    }

    func testHeadEndingExactlyAtLimitIsAccepted() {
        let head = Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        var parser = parser(.make(maxHeaderBytes: head.count))
        parser.feed(head)
        guard case .head = parser.next() else { return XCTFail("expected the head") }
    }

    // RFC 9112 §3: a long target is refused before its line ends.
    func testLongTargetIsRefusedBeforeTheLineEnds() {
        var parser = parser(.make(maxTargetBytes: 10))
        parser.feed(Array("GET /123456789".utf8))
        XCTAssertEqual(parser.next(), .needMoreData)
        parser.feed(Array("0".utf8))
        XCTAssertEqual(parser.next(), .error(.targetTooLong))
    }

    func testBodyAtLimitIsAcceptedAndOneMoreIsRefused() {
        let limits = HTTPLimits.make(maxBodyBytes: 5)
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n12345", limits: limits)?.body,
                       Array("12345".utf8))
        assertRefused("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\n123456", status: 413, limits: limits)
        XCTAssertEqual(assertAccepted("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n0\r\n\r\n",
                                      limits: limits)?.body, Array("12345".utf8))
        assertRefused("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n12345\r\n1\r\n6\r\n0\r\n\r\n",
                      status: 413, afterHead: true, limits: limits)
    }

    // RFC 9112 §9.3: 1.1 is persistent unless "close"; 1.0 only with "keep-alive".
    func testKeepAliveFollowsVersionAndConnectionOptions() {
        let cases: [(version: String, connection: [String], keepAlive: Bool)] = [
            ("1.1", [], true),
            ("1.1", ["close"], false),
            ("1.1", ["Close"], false),
            ("1.1", ["keep-alive, close"], false),
            ("1.1", ["Upgrade,CLOSE"], false),
            ("1.1", ["keep-alive", "close"], false),
            ("1.1", ["closed"], true),
            ("1.1", ["keep-alive"], true),
            ("1.0", [], false),
            ("1.0", ["keep-alive"], true),
            ("1.0", ["Keep-Alive"], true),
            ("1.0", ["foo ,\tkeep-alive"], true),
            ("1.0", ["keep-alive, close"], false),
            ("1.0", ["keep-alives"], false),
        ]
        for c in cases {
            let lines = c.connection.map { "Connection: \($0)\r\n" }.joined()
            let head = assertAccepted("GET / HTTP/\(c.version)\r\nHost: a\r\n\(lines)\r\n")?.head
            XCTAssertEqual(head?.keepAlive, c.keepAlive, "HTTP/\(c.version) \(c.connection)")
        }
    }

    // RFC 9110 §10.1.1: "100-continue" is case-insensitive, and ignored in an HTTP/1.0 request.
    func testExpectsContinueFlag() {
        let cases: [(request: String, expects: Bool)] = [
            ("HTTP/1.1\r\nExpect: 100-continue", true),
            ("HTTP/1.1\r\nexpect: 100-Continue", true),
            ("HTTP/1.1\r\nExpect:   100-continue\t", true),
            ("HTTP/1.1\r\nExpect: 100-continues", false),
            ("HTTP/1.1\r\nX-Expect: 100-continue", false),
            ("HTTP/1.1", false),
            ("HTTP/1.0\r\nExpect: 100-continue", false),
        ]
        for c in cases {
            let head = assertAccepted("POST / \(c.request)\r\nHost: a\r\nContent-Length: 1\r\n\r\nx")?.head
            XCTAssertEqual(head?.expectsContinue, c.expects, c.request)
        }
    }

    func testContentLengthBodyIsReadAcrossManyFeeds() {
        var parser = parser()
        let body = (0..<1000).map { UInt8(truncatingIfNeeded: $0) }
        parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n".utf8))
        guard case .head = parser.next() else { return XCTFail("expected the head") }
        for start in stride(from: 0, to: 1000, by: 7) {
            XCTAssertEqual(parser.next(), .needMoreData)
            parser.feed(Array(body[start..<min(start + 7, 1000)]))
        }
        XCTAssertEqual(parser.next(), .body(body))
    }

    func testBufferedByteCountIsWhatIsNotYetConsumed() {
        var parser = parser()
        let first = Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nab".utf8)
        let second = Array("GET /2 HTTP/1.1\r\n".utf8)
        parser.feed(first + second)
        XCTAssertEqual(parser.bufferedByteCount, first.count + second.count)
        guard case .head = parser.next() else { return XCTFail("expected the head") }
        XCTAssertEqual(parser.bufferedByteCount, 2 + second.count)
        XCTAssertEqual(parser.next(), .body(Array("ab".utf8)))
        XCTAssertEqual(parser.bufferedByteCount, second.count)
    }

    // Many idle connections each own a parser: between requests it holds no storage.
    func testIdleParserHoldsNoStorage() {
        var parser = parser()
        parser.feed(Array("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3000\r\n\r\n".utf8) + Array(repeating: 0x61, count: 3000))
        guard case .head = parser.next() else { return XCTFail("expected the head") }
        guard case .body(let body) = parser.next() else { return XCTFail("expected the body") }
        XCTAssertEqual(body.count, 3000)
        XCTAssertEqual(parser.phase, .idle)
        XCTAssertEqual(parser.bufferCapacity, 0)
    }

    // Consumed bytes are dropped as more arrive, so a long pipelined stream needs little storage.
    func testConsumedBytesAreDroppedBetweenPipelinedRequests() {
        var parser = parser()
        let request = Array("GET /x HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
        let stream = Array(Array(repeating: request, count: 200).joined())
        var heads = 0
        for start in stride(from: 0, to: stream.count, by: 50) {
            parser.feed(Array(stream[start..<min(start + 50, stream.count)]))
            XCTAssertLessThan(parser.bufferCapacity, 1024)
            while true {
                let event = parser.next()
                if event == .needMoreData { break }
                if case .head = event { heads += 1 }
            }
        }
        XCTAssertEqual(heads, 200)
        XCTAssertEqual(parser.bufferCapacity, 0)
    }
}
