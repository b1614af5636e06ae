import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "HTTP/1.1": slow clients are cut off by total deadlines without
/// holding up anyone else (Documentation.docc/HTTPConformance.md "Connections").
final class SlowClientTests: ServerTestCase {
    static let headerTimeout = 0.8
    static let bodyTimeout = 1.0

    var config: TestConfiguration {
        var config = TestConfiguration()
        config.limits = ["header_timeout_ms": Int(Self.headerTimeout * 1000), "body_timeout_ms": Int(Self.bodyTimeout * 1000)]
        return config
    }

    /// The status of a response among `bytes`, if one is there.
    func status(in bytes: [UInt8]) -> Int? {
        (try? HTTPTestResponse.parse(bytes, complete: true))??.0.status
    }

    func testStalledHeadsDoNotHoldUpOthersAndAreCutAtTheHeaderDeadline() throws {
        let server = try startServer(config)
        var stalled: [HTTPTestClient] = []
        let firstSent = Date()
        for index in 0..<300 {
            let client = try HTTPTestClient(port: server.port)
            try client.send("POST /hooks/impactpbx HTTP/1.1\r\nHost: x\r\nX-Stall-\(index): ")
            stalled.append(client)
        }
        let lastSent = Date()

        let started = Date()
        let response = try deliver(server)
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertLessThan(elapsed, 1.0, "a normal request waited behind stalled connections")
        // Only meaningful while the first stall is still inside its deadline.
        if Date().timeIntervalSince(firstSent) < Self.headerTimeout * 0.8 {
            XCTAssertFalse(stalled[0].waitForClose(seconds: 0.01), "stalled heads are not cut before the deadline")
        }

        // All must be answered 408 or closed by twice the deadline.
        let deadline = lastSent.addingTimeInterval(2 * Self.headerTimeout)
        var survivors = 0
        var statuses: [Int?: Int] = [:]
        for client in stalled {
            if client.waitForClose(seconds: max(0, deadline.timeIntervalSinceNow)) {
                statuses[status(in: client.unparsed), default: 0] += 1
            } else {
                survivors += 1
            }
        }
        XCTAssertEqual(survivors, 0, "stalled connections still open at twice the header deadline")
        XCTAssertTrue(Set(statuses.keys).isSubset(of: [408, nil]), "\(statuses)")
        XCTAssertEqual(try eventLines().count, 1)
    }

    func testHeadTrickledByteByByteIsCutAtTheTotalDeadline() throws {
        let server = try startServer(config)
        let client = try HTTPTestClient(port: server.port)
        let head = Array("POST /hooks/impactpbx HTTP/1.1\r\nHost: x\r\nX-Long: \(String(repeating: "a", count: 200))".utf8)
        let started = Date()
        var answered = false
        // One byte every 50 ms: each read resets nothing.
        for byte in head {
            try? client.send([byte])
            if try client.receivesSomething(within: 0.05) { answered = true; break }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(answered, "no answer while the head trickled in for \(elapsed) s")
        XCTAssertGreaterThanOrEqual(elapsed, Self.headerTimeout * 0.9, "cut before the deadline")
        XCTAssertLessThan(elapsed, Self.headerTimeout * 2, "the deadline was reset by the trickle")
        XCTAssertTrue(client.waitForClose(seconds: 2))
        let status = status(in: client.unparsed)
        XCTAssertTrue(status == 408 || status == nil, "408 or a plain close, got \(String(describing: status))")
    }

    func testBodyTrickledByteByByteIs408AtTheBodyDeadline() throws {
        let server = try startServer(config)
        let client = try HTTPTestClient(port: server.port)
        let body = Array(OpsPayloads.impactpbxHangup(ref: "slow").utf8)
        let request = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)
        try client.send(Array(request.dropLast(body.count)))
        let started = Date()
        var answered = false
        for byte in body {
            try? client.send([byte])
            if try client.receivesSomething(within: 0.05) { answered = true; break }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(answered, "no answer while the body trickled in for \(elapsed) s")
        XCTAssertGreaterThanOrEqual(elapsed, Self.bodyTimeout * 0.9, "cut before the deadline")
        XCTAssertLessThan(elapsed, Self.bodyTimeout * 2, "the body deadline is a total, not per read")
        XCTAssertTrue(client.waitForClose(seconds: 2))
        XCTAssertEqual(status(in: client.unparsed), 408, String(decoding: client.unparsed, as: UTF8.self))
        XCTAssertEqual(try eventLines().count, 0)
    }

    /// Slow-body senders (the slowloris of bodies): many connections each trickling a body one
    /// byte at a time, which resets no deadline; a normal client is served within a second
    /// meanwhile, and every slow one is cut by twice the body deadline, none stored.
    func testManyTrickledBodiesAreCutWhileANormalClientIsServed() throws {
        let server = try startServer(config)
        let body = Array(OpsPayloads.impactpbxHangup(ref: "slow-swarm").utf8)
        let request = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)
        var slow: [HTTPTestClient] = []
        for _ in 0..<100 {
            let client = try HTTPTestClient(port: server.port)
            try client.send(Array(request.dropLast(body.count)))
            slow.append(client)
        }
        let bodiesStarted = Date()
        var served: TimeInterval?
        var round = 0
        // Trickle at one byte per connection every 50 ms (the slow senders' pace) until the deadline.
        while Date().timeIntervalSince(bodiesStarted) < Self.bodyTimeout * 1.5 && round < body.count - 1 {
            for client in slow { try? client.send([body[round]]) }
            round += 1
            if served == nil && round == 5 {
                let started = Date()
                let response = try deliver(server)
                XCTAssertEqual(response.status, 200, response.description)
                served = Date().timeIntervalSince(started)
            }
            usleep(50_000)
        }
        XCTAssertLessThan(try XCTUnwrap(served), 1.0, "a normal delivery waited behind trickling bodies")
        let deadline = bodiesStarted.addingTimeInterval(2 * Self.bodyTimeout)
        var statuses: [Int?: Int] = [:]
        for client in slow {
            XCTAssertTrue(client.waitForClose(seconds: max(0.01, deadline.timeIntervalSinceNow)), "a slow body outlived twice the deadline")
            statuses[status(in: client.unparsed), default: 0] += 1
        }
        XCTAssertEqual(statuses, [408: slow.count], "\(statuses)")
        XCTAssertEqual(try eventLines().count, 1, "only the normal delivery is stored")
    }

    func testIdleConnectionBeforeTheFirstByteIsClosedAtTheHeaderDeadline() throws {
        let server = try startServer(config)
        let client = try HTTPTestClient(port: server.port)
        let started = Date()
        XCTAssertTrue(client.waitForClose(seconds: Self.headerTimeout * 3), "a connection that never sends stays open")
        XCTAssertLessThan(Date().timeIntervalSince(started), Self.headerTimeout * 2)
    }
}
