#if canImport(Glibc)
import System
import Glibc
#endif
import Dispatch
import XCTest
@testable import HTTPServer
import TestKit

/// Header, body and idle deadlines, slow clients, and stopping, over real sockets.
final class ServerTimeoutTests: XCTestCase {
    private func limits(header: Int = 10_000, body: Int = 10_000, idle: Int = 10_000) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.headerTimeoutMilliseconds = header
        limits.bodyTimeoutMilliseconds = body
        limits.idleTimeoutMilliseconds = idle
        return limits
    }

    func testHeadNotCompleteInTimeIs408EvenIfBytesKeepComing() throws {
        let (server, address) = try HTTPServer.make(limits: limits(header: 300))
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        let started = SystemClock.monotonicMilliseconds()
        // One byte every 50 ms: each would reset a per-read timer, never a total one.
        for byte in "GET /status/200 HTTP/1.1\r\nHost: x".utf8 {
            if (try? client.send([byte])) == nil { break }
            usleep(50_000)
            if SystemClock.monotonicMilliseconds() - started > 800 { break }
        }
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertLessThan(SystemClock.monotonicMilliseconds() - started, 1_500)
        XCTAssertTrue(try client.readsEndOfStream())
    }

    func testBodyNotCompleteInTimeIs408() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(limits: limits(body: 300), handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nab")
        let started = SystemClock.monotonicMilliseconds()
        usleep(100_000)
        try client.send("cd")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 408)
        XCTAssertGreaterThanOrEqual(SystemClock.monotonicMilliseconds() - started, 150)
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertEqual(handler.handled.count, 0)
    }

    func testIdleKeepAliveConnectionIsClosedQuietly() throws {
        let (server, address) = try HTTPServer.make(limits: limits(idle: 300))
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("GET /status/200 HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 200)
        let started = SystemClock.monotonicMilliseconds()
        XCTAssertTrue(try client.readsEndOfStream())
        let waited = SystemClock.monotonicMilliseconds() - started
        XCTAssertGreaterThanOrEqual(waited, 200)
        XCTAssertLessThan(waited, 1_500)
        XCTAssertTrue(eventually { server.openConnections == 0 })
    }

    func testNoTimeoutAppliesWhileTheHandlerHoldsTheRequest() throws {
        let (server, address) = try HTTPServer.make(limits: limits(header: 200, body: 200, idle: 200))
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("GET /delay/600 HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 200)
    }

    func testStalledHeadsDoNotDelayOthersAndAreCutAtTheDeadline() throws {
        let (server, address) = try HTTPServer.make(limits: limits(header: 500))
        defer { server.stop(drainMilliseconds: 0) }
        let stalled = try (0..<300).map { _ -> HTTPTestClient in
            let client = try HTTPTestClient(address)
            try client.send("POST /echo HTTP/1.1\r\nHost: te")
            return client
        }
        let normal = try HTTPTestClient(address)
        try normal.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\nok")
        XCTAssertEqual(try normal.readResponse().text, "ok")
        XCTAssertGreaterThanOrEqual(server.openConnections, 301)
        for client in [stalled[0], stalled[150], stalled[299]] {
            XCTAssertEqual(try client.readResponse().status, 408)
        }
        XCTAssertTrue(eventually { server.openConnections == 1 })
    }

    func testStopDrainsInFlightRequestsAndReturns() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        let busy = try HTTPTestClient(address)
        try busy.send("GET /delay/300 HTTP/1.1\r\nHost: test\r\n\r\n")
        let idle = try HTTPTestClient(address)
        try idle.send("GET /status/200 HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertEqual(try idle.readResponse().status, 200)
        let late = try HTTPTestClient(address)
        try late.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\n\r\nab")
        XCTAssertTrue(eventually { handler.handled.count == 2 && server.openConnections == 3 })

        let stopped = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            server.stop(drainMilliseconds: 3_000)
            stopped.signal()
        }
        XCTAssertTrue(try idle.readsEndOfStream())
        try late.send("cd")                  // completes during the drain
        let refused = try late.readResponse()
        XCTAssertEqual(refused.status, 503)
        XCTAssertEqual(refused.header("Connection"), "close")
        late.shutdownWrite()                 // ends the server's linger after the 503
        let finished = try busy.readResponse()
        XCTAssertEqual(finished.text, "/delay/300")
        XCTAssertEqual(finished.header("Connection"), "close")
        busy.shutdownWrite()
        XCTAssertEqual(stopped.wait(timeout: .now() + 3), .success)
        XCTAssertEqual(server.openConnections, 0)
        XCTAssertThrowsError(try HTTPTestClient(address))
        XCTAssertEqual(handler.handled.count, 2)
    }

    func testStopClosesWhatIsLeftAtTheDrainDeadline() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        let client = try HTTPTestClient(address)
        try client.send("GET /hold HTTP/1.1\r\nHost: test\r\n\r\n")
        XCTAssertTrue(eventually { handler.held.count == 1 })
        let started = SystemClock.monotonicMilliseconds()
        server.stop(drainMilliseconds: 200)
        XCTAssertLessThan(SystemClock.monotonicMilliseconds() - started, 1_500)
        XCTAssertTrue(try client.readsEndOfStream())
        handler.held[0](HTTPResponse(status: 200))   // after the loop ended: dropped, no crash
        server.stop(drainMilliseconds: 0)           // a second stop does nothing
        XCTAssertEqual(server.openConnections, 0)
    }
}
