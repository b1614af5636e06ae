import XCTest
@testable import HTTPServer

/// The parser's side of the "Connections" rows in Documentation.docc/HTTPConformance.md, one test
/// each. Every input is also checked byte by byte, split at every offset, and followed by a
/// pipelined request.
final class ConnectionConformanceTests: XCTestCase {
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
