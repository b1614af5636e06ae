#if canImport(Glibc)
import System
import Glibc
#endif
import XCTest
@testable import HTTPServer
import TestKit

/// The rows of "Connections" in Documentation.docc/HTTPConformance.md over a real socket, and the
/// splitting rule ("one request split at any byte: same result") over the socket for a
/// representative subset of the other tables: an accepted chunked request with extensions and
/// trailers followed by a pipelined one, a smuggling attempt (Content-Length with
/// Transfer-Encoding), a bare LF, an oversized head, and Expect: 100-continue. Each is sent cut at
/// every byte offset on a fresh connection (TCP_NODELAY, a pause between the pieces) and once one
/// byte per segment. The parser level suites (*ConformanceTests) split every input of every table
/// every way.
final class ServerConnectionConformanceTests: XCTestCase {
    private func limits(header: Int = 10_000, body: Int = 10_000, idle: Int = 10_000, connections: Int = 10_000) -> HTTPLimits {
        var limits = HTTPLimits.make(maxHeaderBytes: 1024, maxHeaders: 16, maxTargetBytes: 256, maxBodyBytes: 64)
        limits.headerTimeoutMilliseconds = header
        limits.bodyTimeoutMilliseconds = body
        limits.idleTimeoutMilliseconds = idle
        limits.maxConnections = connections
        return limits
    }

    // MARK: - Splitting

    private static let chunkedThenPipelined = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=\"v\"\r\nabc\r\n2\r\nde\r\n0\r\nX-T: v\r\n\r\n"
        + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nfg"
    private static let smuggling = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    private static let bareLF = "GET /status/200 HTTP/1.1\r\nHost: a\nX: b\r\n\r\n"
    private static let tooManyHeaders = "GET / HTTP/1.1\r\n" + (0..<17).map { "H\($0): v\r\n" }.joined() + "\r\n"
    private static let expectContinue = "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok"

    // RFC 9112 §9.3: one request split at any byte gives the same answers, and the same close or keep.
    func testRequestsSplitAtEveryByteOverTheSocketGetTheSameAnswers() throws {
        let (server, address) = try HTTPServer.make(limits: limits())
        defer { server.stop(drainMilliseconds: 0) }
        let accepted = Array(Self.chunkedThenPipelined.utf8)
        let expect = Array(Self.expectContinue.utf8)
        for cut in 1..<accepted.count {
            let answers = assertKept(accepted, statuses: [200, 200], on: address, cuts: [cut], "cut at \(cut)")
            if answers.map(\.text) != ["abcde", "fg"] { return XCTFail("cut at \(cut): \(answers.map(\.text))") }
        }
        for input in [Self.smuggling, Self.bareLF] {
            let bytes = Array(input.utf8)
            for cut in 1..<bytes.count where assertClosed(bytes, statuses: [400], on: address, cuts: [cut], "cut at \(cut)") == nil {
                return
            }
        }
        let oversized = Array(Self.tooManyHeaders.utf8)
        for cut in 1..<oversized.count where assertClosed(oversized, statuses: [431], on: address, cuts: [cut], "cut at \(cut)") == nil {
            return
        }
        for cut in 1..<expect.count {
            let answers = assertKept(expect, statuses: [100, 200], on: address, cuts: [cut], "cut at \(cut)")
            if answers.last?.text != "ok" { return XCTFail("cut at \(cut): \(answers.map(\.text))") }
        }
    }

    func testRequestsSentOneBytePerSegmentGetTheSameAnswers() throws {
        let (server, address) = try HTTPServer.make(limits: limits())
        defer { server.stop(drainMilliseconds: 0) }
        let accepted = Array(Self.chunkedThenPipelined.utf8)
        let answers = assertKept(accepted, statuses: [200, 200], on: address, cuts: Array(1..<accepted.count))
        XCTAssertEqual(answers.map(\.text), ["abcde", "fg"])
        let smuggling = Array(Self.smuggling.utf8)
        assertClosed(smuggling, statuses: [400], on: address, cuts: Array(1..<smuggling.count))
    }

    // MARK: - The rows

    // RFC 9112 §9.3: pipelined requests in one write are answered in order.
    func testPipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        let (server, address) = try HTTPServer.make(limits: limits())
        defer { server.stop(drainMilliseconds: 0) }
        let input = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\none"
            + "GET /delay/50 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\ntwo\r\n0\r\n\r\n"
        let answers = assertKept(input, statuses: [200, 200, 200], on: address)
        XCTAssertEqual(answers.map(\.text), ["one", "/delay/50", "two"])
    }

    // RFC 9112 §9.6: after "Connection: close", one answer, then close; later bytes are ignored.
    func testConnectionCloseGetsOneAnswerThenClosesIgnoringTheRest() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(limits: limits(), handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let input = "GET /status/200 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET /status/201 HTTP/1.1\r\nHost: a\r\n\r\n"
        assertClosed(input, status: 200, on: address)
        XCTAssertEqual(handler.handled.count, 1)
    }

    // RFC 9112 §9.3: HTTP/1.0 closes after the answer unless it asks for keep-alive.
    func testHTTP10ClosesUnlessItAsksForKeepAlive() throws {
        let (server, address) = try HTTPServer.make(limits: limits())
        defer { server.stop(drainMilliseconds: 0) }
        assertClosed("GET /status/200 HTTP/1.0\r\n\r\n", status: 200, on: address)
        let kept = assertKept("GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", on: address)
        XCTAssertEqual(kept.first?.header("Connection"), "keep-alive")
    }

    // RFC 9110 §10.1.1: an acceptable request with Expect: 100-continue gets 100, then the body is
    // read; a body sent without waiting is still the body.
    func testExpectContinueGets100ThenTheBodyIsRead() throws {
        let (server, address) = try HTTPServer.make(limits: limits())
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 100)
        try client.send("hello")
        XCTAssertEqual(try client.readResponse().text, "hello")
        let atOnce = assertKept(Self.expectContinue, statuses: [100, 200], on: address)
        XCTAssertEqual(atOnce.last?.text, "ok")
    }

    // RFC 9110 §10.1.1: a refused request with Expect: 100-continue gets its final status, no 100,
    // and the connection closes (the body may still come).
    func testExpectContinueRefusedGetsTheFinalStatusWithout100AndCloses() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(limits: limits(), handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        assertClosed("POST /refuse HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", status: 401, on: address)
        assertClosed("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 65\r\n\r\n", status: 413, on: address)
        XCTAssertEqual(handler.handled.count, 0)
    }

    // An idle keep-alive connection is closed after idle_timeout_ms, without an answer.
    func testIdleKeepAliveConnectionIsClosedQuietly() throws {
        let (server, address) = try HTTPServer.make(limits: limits(idle: 200))
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("GET /status/200 HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 200)
        let started = SystemClock.monotonicMilliseconds()
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertGreaterThanOrEqual(SystemClock.monotonicMilliseconds() - started, 150)
    }

    // A head not complete within header_timeout_ms is 408c; bytes trickling in do not reset it.
    func testHeadPastTheHeaderTimeoutIs408AndClosesEvenIfBytesKeepComing() throws {
        let (server, address) = try HTTPServer.make(limits: limits(header: 200))
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        for byte in "GET /status/200 HTTP/1.1\r\nHost: a".utf8.prefix(12) {
            guard (try? client.send([byte])) != nil else { break }
            usleep(40_000)
        }
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
    }

    // A body not complete within body_timeout_ms (a total, not per read) is 408c.
    func testBodyPastTheBodyTimeoutIs408AndClosesEvenIfBytesKeepComing() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(limits: limits(body: 200), handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n")
        for _ in 0..<12 {
            guard (try? client.send("x")) != nil else { break }
            usleep(40_000)
        }
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertEqual(handler.handled.count, 0)
    }

    // With max_connections open, a new connection is closed at once; one closing makes room.
    func testAtMaxConnectionsANewConnectionIsClosedAtOnce() throws {
        let (server, address) = try HTTPServer.make(limits: limits(connections: 2))
        defer { server.stop(drainMilliseconds: 0) }
        let first = try HTTPTestClient(address), second = try HTTPTestClient(address)
        XCTAssertTrue(eventually { server.openConnections == 2 })
        let third = try HTTPTestClient(address)
        try? third.send("GET /status/200 HTTP/1.1\r\nHost: a\r\n\r\n")
        XCTAssertTrue(try third.readsEndOfStream())
        first.reset()
        XCTAssertTrue(eventually { server.openConnections == 1 })
        assertKept("GET /status/200 HTTP/1.1\r\nHost: a\r\n\r\n", on: address)
        _ = second
    }
}
