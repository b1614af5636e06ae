import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Live.md, "The stream": every durable event in log order, filters, the
/// rejects log, resume with no gap and no repeat (after a killed client, across a restart),
/// `gap`, `lag`, `max_streams`.
final class StreamEndToEndTests: ServerTestCase {
    private func ringing(ref: String) -> [UInt8] {
        let body = OpsPayloads.impactpbxHangup(ref: ref).replacingOccurrences(of: #""action":"hangup""#, with: #""action":"ring""#)
            .replacingOccurrences(of: #""timestamp":"2020-01-29T07:45:40.000+00:00""#, with: #""timestamp":"2020-01-29T07:45:19.000+00:00""#)
        return Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)
    }

    /// Delivers `count` hangups, asserting each `200`; returns their ids as the log has them.
    @discardableResult
    private func deliverHangups(_ server: CallhookProcess, _ count: Int) throws -> [String] {
        for _ in 0..<count { XCTAssertEqual(try deliver(server).status, 200) }
        return try eventLines().compactMap { $0["id"] as? String }
    }

    private func logIDs() throws -> [String] { try eventLines().compactMap { $0["id"] as? String } }

    func testEveryStoredEventArrivesOnceInLogOrderAndFiltersSelect() throws {
        let server = try startServer()
        let all = try SSEClient(port: server.port, target: "/stream")
        let rings = try SSEClient(port: server.port, target: "/stream?type=call.ringing&vendor=impactpbx,aircall")
        let none = try SSEClient(port: server.port, target: "/stream?vendor=twilio", timeout: 1)
        XCTAssertTrue(all.head.contains("Content-Type: text/event-stream"), all.head)
        XCTAssertTrue(all.head.contains("X-Accel-Buffering: no"), all.head)
        for i in 0..<6 {
            let request = i % 2 == 0 ? ringing(ref: "order-\(i)") : Requests.delivery(ref: "order-\(i)")
            XCTAssertEqual(try deliver(server, request).status, 200)
        }
        let lines = try eventLines()
        let received = try all.next(6)
        XCTAssertEqual(received.map(\.id), lines.map { $0["id"] as? String })
        XCTAssertEqual(received.map(\.event), lines.map { $0["type"] as! String })
        // `data` is the line exactly as written.
        let file = try String(contentsOfFile: eventLogPath, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(received.map(\.data), file)
        let ringIDs = lines.filter { $0["type"] as? String == "call.ringing" }.compactMap { $0["id"] as? String }
        XCTAssertEqual(ringIDs.count, 3)
        XCTAssertEqual(try rings.next(3).map(\.id), ringIDs)
        XCTAssertThrowsError(try none.next(), "a filter that matches nothing sends nothing")
    }

    func testTheRejectsLogStreamsItsLinesAsRejects() throws {
        let server = try startServer()
        let rejects = try SSEClient(port: server.port, target: "/stream?log=rejects")
        let events = try SSEClient(port: server.port, target: "/stream", timeout: 1)
        let bad = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: #"{"caller":"<img src=x onerror=alert(1)>","action":"#)
        XCTAssertEqual(try deliver(server, bad).status / 100, 4)
        let message = try rejects.next()
        XCTAssertEqual(message.event, "reject")
        XCTAssertEqual(message.id, try rejectLines().first?["id"] as? String)
        XCTAssertThrowsError(try events.next(), "a reject is not an event")
    }

    func testAKilledClientResumesWithLastEventIDAndGetsEachEventExactlyOnce() throws {
        let server = try startServer()
        let first = try SSEClient(port: server.port, target: "/stream")
        try deliverHangups(server, 3)
        let seen = try first.next(2)
        first.kill()   // mid-stream: the third was sent or queued, never read
        try deliverHangups(server, 3)
        let again = try SSEClient(port: server.port, target: "/stream", headers: ["Last-Event-ID: \(seen[1].id!)"])
        let resumed = try again.next(4)
        try deliverHangups(server, 1)
        let live = try again.next()
        XCTAssertEqual((seen + resumed + [live]).map(\.id), try logIDs().map(Optional.init))
    }

    func testAfterResumesAcrossARestart() throws {
        let first = try startServer()
        let before = try deliverHangups(first, 3)
        first.signal(SIGTERM)
        XCTAssertEqual(first.waitForExit(seconds: 10), 0)
        let second = try startServer()
        let client = try SSEClient(port: second.port, target: "/stream?after=\(before[0])")
        XCTAssertEqual(try client.next(2).map(\.id), before[1...].map(Optional.init))
        let all = try deliverHangups(second, 2)
        XCTAssertEqual(try client.next(2).map(\.id), all[3...].map(Optional.init))
    }

    func testAnIDNotInTheFileGetsAGapAndTheWholeFile() throws {
        let server = try startServer()
        let ids = try deliverHangups(server, 2)
        let client = try SSEClient(port: server.port, target: "/stream?after=rotated-away-id")
        let gap = try client.next()
        XCTAssertEqual(gap.event, "gap")
        XCTAssertNil(gap.id, "a gap must not move Last-Event-ID")
        let fields = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(gap.data.utf8)) as? [String: Any])
        XCTAssertEqual(fields["after"] as? String, "rotated-away-id")
        XCTAssertEqual(fields["resumed_from"] as? String, ids[0])
        XCTAssertEqual(try client.next(2).map(\.id), ids.map(Optional.init))
    }

    /// Rotated the way logrotate's `create` does: an id left in the rotated file gets a `gap`
    /// and the new file from its start, then live lines, none repeated.
    func testResumingRightAfterARotationGetsAGapThenTheNewFileOnce() throws {
        let server = try startServer()
        let old = try deliverHangups(server, 3)
        XCTAssertEqual(rename(eventLogPath, eventLogPath + ".1"), 0)
        XCTAssertTrue(FileManager.default.createFile(atPath: eventLogPath, contents: nil))
        let new = try deliverHangups(server, 2)
        XCTAssertEqual(new.count, 2, "the writer followed the path to the new file")
        let client = try SSEClient(port: server.port, target: "/stream", headers: ["Last-Event-ID: \(old[1])"])
        let gap = try client.next()
        XCTAssertEqual(gap.event, "gap")
        let fields = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(gap.data.utf8)) as? [String: Any])
        XCTAssertEqual(fields["after"] as? String, old[1])
        XCTAssertEqual(fields["resumed_from"] as? String, new[0])
        XCTAssertEqual(try client.next(2).map(\.id), new.map(Optional.init))
        let live = try deliverHangups(server, 1)
        XCTAssertEqual(try client.next().id, live.last, "live after the history, nothing repeated")
    }

    /// Lines in the current file past the last durable line the subscriber registered with
    /// (here written in by hand after a rotation the server has not seen) are not history: the
    /// server's own such lines reach the subscriber live, and sending them too would repeat them.
    func testLinesPastTheBoundaryAreNotSentAsHistory() throws {
        let server = try startServer()
        let old = try deliverHangups(server, 2)
        XCTAssertEqual(rename(eventLogPath, eventLogPath + ".1"), 0)
        let foreign = try XCTUnwrap(eventLinesText(fromRotated: eventLogPath + ".1").last)
            .replacingOccurrences(of: old[1], with: "01aaaaaa-0000-7000-8000-000000000000")
        XCTAssertTrue(FileManager.default.createFile(atPath: eventLogPath, contents: Data((foreign + "\n").utf8)))
        let client = try SSEClient(port: server.port, target: "/stream?after=\(old[0])")
        let gap = try client.next()
        XCTAssertEqual(gap.event, "gap")
        let live = try deliverHangups(server, 1)
        XCTAssertEqual(try client.next().id, live.last, "the hand-written line was not sent")
    }

    private func eventLinesText(fromRotated path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testSinceStartsAtTheFirstLineAtOrAfterTheTime() throws {
        let server = try startServer()
        let ids = try deliverHangups(server, 3)
        let times = try eventLines().compactMap { $0["received_at"] as? String }
        let client = try SSEClient(port: server.port, target: "/stream?since=\(times[1])")
        XCTAssertEqual(try client.next().id, ids[times.firstIndex(of: times[1])!])
    }

    func testAReaderThatStopsReadingIsClosedWithLagAndOthersGetEverything() throws {
        let server = try startServer()   // stream_buffer_bytes: 1 MiB
        let stalled = try SSEClient(port: server.port, target: "/stream", receiveBuffer: 2_048)
        let reader = try SSEClient(port: server.port, target: "/stream")
        var ids: [String] = []
        var lagged = false
        // Large events, so the kernel's socket buffers (megabytes on loopback) fill quickly;
        // then the stalled stream's own bound is passed.
        let padding = String(repeating: "p", count: 200_000)
        for round in 0..<100 where !lagged {
            let body = OpsPayloads.impactpbxHangup(ref: "lag-\(round)").replacingOccurrences(of: "{", with: #"{"note":"\#(padding)","#, options: [], range: nil)
            XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)).status, 200)
            ids = try logIDs()
            let got = try reader.next()
            XCTAssertEqual(got.id, ids[round], "a reader that keeps up is not slowed or dropped")
            if got.id != ids[round] { break }
            lagged = try metricOpenStreams(server) == 1
        }
        XCTAssertTrue(lagged, "the stalled reader was never closed")
        var last = try stalled.next()
        while last.event != "lag" { last = try stalled.next() }
        XCTAssertTrue(stalled.closes())
    }

    private func metricOpenStreams(_ server: CallhookProcess) throws -> Int {
        Int(try metric(server, "callhook_streams_open") ?? -1)
    }

    func testStreamsPastMaxStreamsGet503() throws {
        var config = TestConfiguration()
        config.limits["max_streams"] = 1
        let server = try startServer(config)
        let first = try SSEClient(port: server.port, target: "/stream")
        let second = try SSEClient(port: server.port, target: "/stream", readHead: false)
        XCTAssertTrue(try second.text(through: "\r\n\r\n").hasPrefix("HTTP/1.1 503"))
        try deliverHangups(server, 1)
        XCTAssertEqual(try first.next().event, "call.hangup")
    }

    func testTheStreamNeedsLoopbackOrTheAdminToken() throws {
        var config = TestConfiguration()
        config.extra["admin_token"] = "adm-stream-1"
        let server = try startServer(config)
        let outside = "X-Forwarded-For: 198.51.100.1"
        XCTAssertEqual(try deliver(server, Requests.get("/stream", headers: [outside])).status, 403)
        let client = try SSEClient(port: server.port, target: "/stream?token=adm-stream-1", headers: [outside])
        try deliverHangups(server, 1)
        XCTAssertEqual(try client.next().event, "call.hangup")
    }
}
