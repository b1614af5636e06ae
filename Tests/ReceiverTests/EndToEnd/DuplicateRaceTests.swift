import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/EventSchema.md "Keys": copies of one delivery that arrive while the first is
/// still being written are one delivery. A PBX that double-fires, or retries after its own short
/// timeout while `fdatasync` is slow, sends exactly this.
final class DuplicateRaceTests: ServerTestCase {
    /// Opens `count` connections, then sends `request` on each back to back, so every copy is
    /// read while the first one's line is still being written and synced; returns the answers.
    private func race(_ request: [UInt8], copies count: Int, port: Int) throws -> [HTTPTestResponse] {
        let clients = try (0..<count).map { _ in try HTTPTestClient(port: port, timeout: 15) }
        for client in clients { try client.send(request) }
        return try clients.map { try $0.readResponse() }
    }

    func testIdenticalDeliveriesRacingOverManyConnectionsAreWrittenOnce() throws {
        let server = try startServer()
        for copies in [2, 8, 30, 64] {
            let ref = UUID().uuidString.lowercased()
            let answers = try race(Requests.delivery(ref: ref), copies: copies, port: server.port)
            XCTAssertEqual(answers.map(\.status), Array(repeating: 200, count: copies), "\(copies) copies")
            let ids = Set(answers.compactMap(\.id))
            XCTAssertEqual(ids.count, 1, "\(copies) copies are answered with one id: \(ids)")
            XCTAssertEqual(answers.filter { $0.json["duplicate"] as? Bool == true }.count, copies - 1, "\(copies) copies")
            let lines = try eventLines().filter { $0["call_id"] as? String == ref }
            XCTAssertEqual(lines.count, 1, "\(copies) copies give one line")
            XCTAssertEqual(lines.first?["id"] as? String, ids.first)
        }
    }

    /// The first copy's write fails: every copy that waited for it gets its `503`, nothing is
    /// stored, and the sender's later retry is.
    func testCopiesRacingAFailedWriteAllGet503AndARetryIsStored() throws {
        let server = try startServer()
        let log = resolved(eventLogPath)
        let tracer = try SyscallTracer.attach(to: server.pid, output: path("strace.txt"), options: [
            // The first write on the log is held for a second, then fails: every copy is read
            // while it is in flight, however slowly the server runs (sanitizers).
            "-y", "-e", "signal=none", "-P", log, "-e", "trace=write",
            "-e", "inject=write:error=ENOSPC:delay_enter=1000000:when=1",
        ])
        addTeardownBlock { tracer.detach() }

        let ref = UUID().uuidString.lowercased()
        let request = Requests.delivery(ref: ref)
        let copies = 30
        let answers = try race(request, copies: copies, port: server.port)
        tracer.detach()
        // The copies read while the first write was held share its 503. A server slowed down
        // (sanitizers) may read the last copies only after that write failed: those claim the
        // released key again and one of them is stored. Either way the key is written at most
        // once, and every 200 names that one line.
        let statuses = answers.map(\.status)
        XCTAssertTrue(statuses.allSatisfy { $0 == 503 || $0 == 200 }, "\(statuses)")
        XCTAssertGreaterThanOrEqual(statuses.filter { $0 == 503 }.count, 1, "the failed write's copy is answered 503: \(statuses)")
        let storedIDs = Set(answers.filter { $0.status == 200 }.compactMap(\.id))
        XCTAssertLessThanOrEqual(storedIDs.count, 1, "\(storedIDs)")
        var lines = try eventLines().filter { $0["call_id"] as? String == ref }
        XCTAssertEqual(lines.count, storedIDs.count, "a failed write stores nothing, a later copy at most one line")
        XCTAssertEqual(Set(lines.compactMap { $0["id"] as? String }), storedIDs)

        // The sender retries, as on any 503, until the disk takes it (the log fails fast for a
        // moment after an error).
        var retry = try deliver(server, request)
        let deadline = Date().addingTimeInterval(10)
        while retry.status == 503, Date() < deadline {
            usleep(50_000)
            retry = try deliver(server, request)
        }
        XCTAssertEqual(retry.status, 200, retry.description)
        if let stored = storedIDs.first {
            XCTAssertEqual(retry.id, stored, "a copy after the stored one is its duplicate")
        } else {
            XCTAssertNil(retry.json["duplicate"], "the released key is written by the retry")
        }
        lines = try eventLines().filter { $0["call_id"] as? String == ref }
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.first?["id"] as? String, retry.id)
        // And a copy after that is its duplicate.
        let again = try deliver(server, request)
        XCTAssertEqual(again.json["duplicate"] as? Bool, true)
        XCTAssertEqual(again.id, retry.id)
    }
}
