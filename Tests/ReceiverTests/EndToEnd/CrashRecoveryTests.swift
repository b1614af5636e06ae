import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Responses" and "Storage": a `200` is never lost, whatever
/// happens to the process after; at start a torn tail is moved to the rejects log and the dedupe
/// window is read back from the log.
final class CrashRecoveryTests: ServerTestCase {
    func testKillDuringLoadLosesNoAcknowledgedEventAndRestartKeepsTheDedupeWindow() throws {
        var config = TestConfiguration()
        config.fsync = "always"
        let server = try startServer(config)
        let load = LoadGenerator(port: server.port, threads: 8)
        usleep(1_200_000)
        server.kill()
        let acknowledged = load.stop()
        XCTAssertEqual(server.waitForExit(seconds: 5), 128 + SIGKILL)
        XCTAssertGreaterThan(acknowledged.count, 50, "the load got little through before the kill")

        // Whole lines all parse; a torn tail (never acknowledged) is allowed until the restart.
        let beforeRestart = LogFile.split(eventLogPath)
        let objects = try LogFile.objects(eventLogPath, allowPartialTail: true)
        XCTAssertEqual(objects.count, beforeRestart.lines.count)
        var count: [String: Int] = [:]
        for object in objects { count[object["id"] as? String ?? "", default: 0] += 1 }
        let missing = acknowledged.filter { count[$0] == nil }
        XCTAssertTrue(missing.isEmpty, "\(missing.count) of \(acknowledged.count) acknowledged events are not in the log")
        XCTAssertTrue(count.values.allSatisfy { $0 == 1 }, "an event written twice")

        // The restart repairs the log and remembers the keys written before the kill.
        let restarted = try startServer(config)
        let afterRestart = LogFile.split(eventLogPath)
        XCTAssertTrue(afterRestart.partial.isEmpty, "a torn tail is cut at start")
        XCTAssertEqual(afterRestart.lines, beforeRestart.lines, "whole lines are untouched")
        if !beforeRestart.partial.isEmpty {
            let kept = try rejectLines().compactMap { $0["body"] as? String }
            XCTAssertTrue(kept.contains(String(decoding: beforeRestart.partial, as: UTF8.self)), "the torn tail is kept in the rejects log")
        }
        for object in [objects.first, objects.last].compactMap({ $0 }) {
            let ref = try XCTUnwrap(object["call_id"] as? String)
            let response = try deliver(restarted, Requests.delivery(ref: ref))
            XCTAssertEqual(response.status, 200, response.description)
            XCTAssertEqual(response.json["duplicate"] as? Bool, true, "a key written before the kill is still a duplicate: \(response)")
            XCTAssertEqual(response.id, object["id"] as? String)
        }
        XCTAssertEqual(LogFile.split(eventLogPath).lines.count, beforeRestart.lines.count)
        XCTAssertEqual(try deliver(restarted).status, 200, "new deliveries are stored after the restart")
    }

    func testTornTailAtStartIsCutFromTheLogAndKeptInTheRejectsLog() throws {
        let first = try startServer()
        let refs = ["torn-1", "torn-2"]
        let ids = try refs.map { try XCTUnwrap(try deliver(first, Requests.delivery(ref: $0)).id) }
        first.signal(SIGTERM)
        XCTAssertEqual(first.waitForExit(seconds: 10), 0)
        let whole = LogFile.bytes(eventLogPath)
        XCTAssertEqual(whole.last, UInt8(ascii: "\n"))

        // A crash in the middle of writing a third line.
        let partial = Array(#"{"id":"019a8c3e-7c1a-7b2e-9f4d-1c2b3a4d5e6f","received_at":"2026-11-21T08:09:10.123Z","route":"impac"#.utf8)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: eventLogPath))
        handle.seekToEndOfFile()
        handle.write(Data(partial))
        handle.closeFile()

        let second = try startServer()
        XCTAssertEqual(LogFile.bytes(eventLogPath), whole, "the partial line is gone and the whole lines untouched")
        let rejects = try rejectLines()
        XCTAssertEqual(rejects.count, 1)
        XCTAssertEqual(rejects.first?["body"] as? String, String(decoding: partial, as: UTF8.self))
        XCTAssertTrue(second.stderr.contains("warning"), "the repair is reported: \(second.stderr)")

        // The log goes on after the repair, and the window was rebuilt from it.
        let again = try deliver(second, Requests.delivery(ref: "torn-1"))
        XCTAssertEqual(again.json["duplicate"] as? Bool, true, again.description)
        XCTAssertEqual(again.id, ids[0])
        let next = try XCTUnwrap(try deliver(second, Requests.delivery(ref: "torn-3")).id)
        XCTAssertEqual(try LogFile.ids(eventLogPath), ids + [next])
    }

    func testRestartRefillsAFullDedupeWindowWithTheNewestKeysInLogOrder() throws {
        var config = TestConfiguration()
        config.dedupeWindow = 3
        let first = try startServer(config)
        var ids: [String] = []
        for index in 1...5 { ids.append(try XCTUnwrap(try deliver(first, Requests.delivery(ref: "w-\(index)")).id)) }
        first.signal(SIGTERM)
        XCTAssertEqual(first.waitForExit(seconds: 10), 0)

        // The window holds w-3, w-4, w-5 (oldest first); one new key forgets w-3, not w-5.
        let second = try startServer(config)
        XCTAssertEqual(try deliver(second, Requests.delivery(ref: "w-6")).json["duplicate"] as? Bool, nil)
        let newest = try deliver(second, Requests.delivery(ref: "w-5"))
        XCTAssertEqual(newest.json["duplicate"] as? Bool, true, "the newest key before the restart is remembered: \(newest)")
        XCTAssertEqual(newest.id, ids[4])
        let forgotten = try deliver(second, Requests.delivery(ref: "w-2"))
        XCTAssertNil(forgotten.json["duplicate"], "a key older than the window is written again: \(forgotten)")
    }

    func testTornTailWithoutAnyWholeLineIsCutToAnEmptyLog() throws {
        let partial = Array(#"{"id":"0190","ke"#.utf8)
        _ = FileManager.default.createFile(atPath: eventLogPath, contents: Data(partial))
        let server = try startServer()
        XCTAssertEqual(LogFile.bytes(eventLogPath), [])
        XCTAssertEqual(try rejectLines().first?["body"] as? String, String(decoding: partial, as: UTF8.self))
        XCTAssertEqual(try deliver(server).status, 200)
        XCTAssertEqual(try eventLines().count, 1)
    }
}
