#if canImport(Glibc)
import System
import Glibc
#endif
import Dispatch
import XCTest
@testable import HTTPServer
import TestKit

/// The server over real sockets on 127.0.0.1, port 0 (Documentation.docc/HTTPConformance.md
/// "Connections").
private func get(_ path: String, _ extra: String = "") -> String {
    "GET \(path) HTTP/1.1\r\nHost: test\r\n\(extra)\r\n"
}

private func post(_ path: String, _ body: String, _ extra: String = "") -> String {
    "POST \(path) HTTP/1.1\r\nHost: test\r\nContent-Length: \(body.utf8.count)\r\n\(extra)\r\n\(body)"
}

final class ServerTests: XCTestCase {
    // MARK: - Keep-alive and pipelining

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        for i in 0..<5 {
            try client.send(post("/echo", "ping \(i)"))
            let response = try client.readResponse()
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.text, "ping \(i)")
            XCTAssertNil(response.header("Connection"))
        }
        XCTAssertEqual(server.openConnections, 1)
    }

    func testWhatScreenLearnedReachesHandleWithItsOwnRequest() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        // Pipelined, with bodies: each context must stay with its own request.
        try client.send(post("/echo?n=1", "a") + post("/echo?n=2", "bb") + post("/echo?n=3", "ccc"))
        for _ in 0..<3 { XCTAssertEqual(try client.readResponse().status, 200) }
        XCTAssertEqual(handler.handled.map { $0.context as? String },
                       ["screened /echo?n=1", "screened /echo?n=2", "screened /echo?n=3"])
    }

    func testPipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send(post("/echo", "one") + post("/echo", "two") + post("/echo", "three"))
        XCTAssertEqual(try client.readResponse().text, "one")
        XCTAssertEqual(try client.readResponse().text, "two")
        XCTAssertEqual(try client.readResponse().text, "three")
    }

    func testPipelinedResponsesStayInOrderWhenTheHandlerAnswersLaterFromAnotherThread() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        // Were they handled together, /delay/5 would be ready long before /delay/300.
        try client.send(get("/delay/300") + get("/delay/5") + post("/echo", "third"))
        XCTAssertEqual(try client.readResponse().text, "/delay/300")
        XCTAssertEqual(try client.readResponse().text, "/delay/5")
        XCTAssertEqual(try client.readResponse().text, "third")
    }

    func testTheNextPipelinedRequestIsNotHandledWhileAResponseIsOutstanding() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send(get("/hold") + post("/echo", "after"))
        XCTAssertTrue(eventually { handler.held.count == 1 })
        usleep(100_000)
        XCTAssertEqual(handler.handled.count, 1)
        handler.held[0](HTTPResponse(status: 202))
        XCTAssertEqual(try client.readResponse().status, 202)
        XCTAssertEqual(try client.readResponse().text, "after")
        XCTAssertEqual(handler.handled.count, 2)
    }

    func testEventLoopsShareThePortAndAllServe() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(eventLoops: 3, handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        // The kernel spreads connections over the loops' SO_REUSEPORT sockets by a hash of the
        // client's port: 48 connections all landing on one of 3 loops has odds of about 1e-22.
        let clients = try (0..<48).map { _ in try HTTPTestClient(address) }
        for (i, client) in clients.enumerated() {
            try client.send(post("/echo", "\(i)"))
            XCTAssertEqual(try client.readResponse().text, "\(i)")
        }
        XCTAssertEqual(server.openConnections, 48)
        XCTAssertGreaterThan(handler.threads.count, 1, "more than one loop served: \(handler.threads)")
        XCTAssertTrue(handler.threads.allSatisfy { $0.hasPrefix("http-loop-") }, "\(handler.threads)")
    }

    func testManyClientsPipeliningAsynchronousResponsesEachGetTheirOwnInOrder() throws {
        let (server, address) = try HTTPServer.make(eventLoops: 2)
        defer { server.stop(drainMilliseconds: 0) }
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { c in
            do {
                let client = try HTTPTestClient(address)
                for round in 0..<10 {
                    var batch = ""
                    for i in 0..<4 { batch += i % 2 == 0 ? get("/delay/\(i)") : post("/echo", "\(c)-\(round)-\(i)") }
                    try client.send(batch)
                    for i in 0..<4 {
                        let expected = i % 2 == 0 ? "/delay/\(i)" : "\(c)-\(round)-\(i)"
                        if try client.readResponse().text != expected { failures.withLock { $0 += 1 } }
                    }
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, 0)
    }

    func testIPv6LoopbackAndTheReturnedAddress() throws {
        let (server, address) = try HTTPServer.make(host: "::1")
        defer { server.stop(drainMilliseconds: 0) }
        XCTAssertTrue(address.hasPrefix("[::1]:"), address)
        let client = try HTTPTestClient(address)
        try client.send(get("/peer"))
        XCTAssertEqual(try client.readResponse().text, "::1")
    }

    func testWildcardHostsAcceptLoopbackClients() throws {
        let (v4, v4Address) = try HTTPServer.make(host: "0.0.0.0")
        defer { v4.stop(drainMilliseconds: 0) }
        XCTAssertTrue(v4Address.hasPrefix("0.0.0.0:"), v4Address)
        let (v6, v6Address) = try HTTPServer.make(host: "::")
        defer { v6.stop(drainMilliseconds: 0) }
        XCTAssertTrue(v6Address.hasPrefix("[::]:"), v6Address)
        for port in [HTTPTestClient.split(v4Address).1, HTTPTestClient.split(v6Address).1] {
            let client = try HTTPTestClient("127.0.0.1:\(port)")
            try client.send(get("/peer"))
            XCTAssertEqual(try client.readResponse().text, "127.0.0.1")   // IPv4-mapped shown as IPv4
        }
    }

    func testLocalhostBindsIPv4Loopback() throws {
        let (server, address) = try HTTPServer.make(host: "localhost")
        defer { server.stop(drainMilliseconds: 0) }
        XCTAssertTrue(address.hasPrefix("127.0.0.1:"), address)
        let client = try HTTPTestClient(address)
        try client.send(get("/peer"))
        XCTAssertEqual(try client.readResponse().text, "127.0.0.1")
    }

    func testStartTwiceIsRefused() throws {
        let (server, _) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        XCTAssertThrowsError(try server.start())
    }

    func testABusyPortIsReportedAtStart() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let port = HTTPTestClient.split(address).1
        // Without SO_REUSEPORT on our side, a second server on the port must fail.
        let holder = try Socket.listen(on: SocketAddress(host: "127.0.0.1", port: 0), reusePort: false)
        defer { holder.close() }
        let busy = try holder.localAddress().port
        let other = try HTTPServer(configuration: .init(host: "127.0.0.1", port: busy), handler: TestHandler())
        XCTAssertThrowsError(try other.start()) { error in
            XCTAssertEqual((error as? SystemCallError)?.errno, EADDRINUSE)
        }
        XCTAssertNotEqual(port, busy)
    }

    func testASecondServerOnTheSamePortFailsDespiteReusePort() throws {
        let (server, address) = try HTTPServer.make(eventLoops: 2)
        defer { server.stop(drainMilliseconds: 0) }
        let port = HTTPTestClient.split(address).1
        let second = try HTTPServer(configuration: .init(host: "127.0.0.1", port: port, eventLoops: 2), handler: TestHandler())
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertEqual((error as? SystemCallError)?.errno, EADDRINUSE)
        }
    }

    // MARK: - Expect: 100-continue and screening

    func testExpectContinueGets100ThenTheFinalResponse() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        XCTAssertEqual(try client.readResponse().status, 100)
        try client.send("hello")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.text, "hello")
    }

    func testExpectContinueWithTheBodySentAtOnceIsStillTheBody() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello" + get("/status/204"))
        var response = try client.readResponse()
        if response.status == 100 { response = try client.readResponse() }
        XCTAssertEqual(response.text, "hello")
        XCTAssertEqual(try client.readResponse().status, 204)
    }

    func testRefusedHeadWithExpectGetsTheFinalStatusWithoutContinueAndCloses() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /refuse HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 401)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertEqual(handler.handled.count, 0)
    }

    func testRefusedHeadWithoutABodyKeepsTheConnection() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send(get("/refuse") + post("/echo", "next"))
        XCTAssertEqual(try client.readResponse().status, 401)
        XCTAssertEqual(try client.readResponse().text, "next")
        XCTAssertEqual(handler.handled.count, 1)
    }

    // MARK: - Closing

    func testConnectionCloseIsAnsweredThenClosedIgnoringFurtherBytes() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send(post("/echo", "last", "Connection: close\r\n") + post("/echo", "ignored"))
        let response = try client.readResponse()
        XCTAssertEqual(response.text, "last")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertEqual(handler.handled.count, 1)
    }

    func testHandlerAskingToCloseClosesAfterTheResponse() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send(get("/close"))
        XCTAssertEqual(try client.readResponse().header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
    }

    func testHTTP10WithoutKeepAliveClosesAfterTheResponse() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("GET /status/200 HTTP/1.0\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertTrue(try client.readsEndOfStream())
    }

    func testHTTP10KeepAliveStaysOpenAndSaysSo() throws {
        let (server, address) = try HTTPServer.make()
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        for _ in 0..<2 {
            try client.send("GET /status/200 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            XCTAssertEqual(try client.readResponse().header("Connection"), "keep-alive")
        }
    }

    func testParserErrorIsAnsweredWithItsStatusAndClosed() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        // RFC 9112 §6.3: Content-Length with Transfer-Encoding is refused.
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertTrue(response.text.hasPrefix(#"{"ok":false,"error":"#), response.text)
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertEqual(handler.handled.count, 0)
    }

    func testPeerEOFMidBodyIsNotHandledNorAnswered() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let client = try HTTPTestClient(address)
        try client.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nhalf")
        client.shutdownWrite()
        XCTAssertTrue(try client.readsEndOfStream())
        XCTAssertTrue(eventually { server.openConnections == 0 })
        XCTAssertEqual(handler.handled.count, 0)
        XCTAssertEqual(handler.screenedCount, 1)
    }

    func testAResponseAfterTheConnectionClosedIsDropped() throws {
        let handler = TestHandler()
        let (server, address) = try HTTPServer.make(handler: handler)
        defer { server.stop(drainMilliseconds: 0) }
        let gone = try HTTPTestClient(address)
        try gone.send(get("/hold"))
        XCTAssertTrue(eventually { handler.held.count == 1 })
        gone.reset()
        XCTAssertTrue(eventually { server.openConnections == 0 })
        // A new connection likely reuses the descriptor number; the stale response must not reach it.
        let fresh = try HTTPTestClient(address)
        try fresh.send(get("/hold"))
        XCTAssertTrue(eventually { handler.held.count == 2 })
        handler.held[0](HTTPResponse(status: 500))
        handler.held[1](HTTPResponse(status: 201))
        XCTAssertEqual(try fresh.readResponse().status, 201)
        handler.held[1](HTTPResponse(status: 502))   // a second call of one responder is ignored
        try fresh.send(get("/status/200"))
        XCTAssertEqual(try fresh.readResponse().status, 200)
    }

    // MARK: - Limits

    func testMaxConnectionsClosesNewConnectionsAtOnce() throws {
        var limits = HTTPLimits()
        limits.maxConnections = 2
        let (server, address) = try HTTPServer.make(limits: limits)
        defer { server.stop(drainMilliseconds: 0) }
        let first = try HTTPTestClient(address), second = try HTTPTestClient(address)
        for client in [first, second] {
            try client.send(get("/status/200"))
            XCTAssertEqual(try client.readResponse().status, 200)
        }
        let third = try HTTPTestClient(address)
        try? third.send(get("/status/200"))
        XCTAssertTrue(try third.readsEndOfStream())
        XCTAssertEqual(server.openConnections, 2)
        // Once one closes there is room again.
        first.reset()
        XCTAssertTrue(eventually { server.openConnections == 1 })
        let fourth = try HTTPTestClient(address)
        try fourth.send(get("/status/200"))
        XCTAssertEqual(try fourth.readResponse().status, 200)
    }
}
