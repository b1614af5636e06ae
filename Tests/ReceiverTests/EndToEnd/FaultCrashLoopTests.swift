import Foundation
import Glibc
import XCTest

/// Documentation.docc/Receiver.md "Responses" and "Storage" under repeated crashes: `kill -9` at a
/// random moment under concurrent load, five times on the same log, restarting in between (twice
/// with half a line at the end, as a power cut leaves). A `200` is never lost, no line is written
/// twice, every line parses, each start leaves whole lines untouched, and each torn tail ends in
/// the rejects log.
final class FaultCrashLoopTests: ServerTestCase {
    static let rounds = 5

    func testFiveKillsAtRandomMomentsUnderLoadLoseNoAcknowledgedEventAndWriteNoneTwice() throws {
        var acknowledged: [String] = []
        var tornTails: [[UInt8]] = []
        var wholeLines: [[UInt8]] = []
        for round in 1...Self.rounds {
            let server = try startServer()
            // The start repaired the previous round's log: whole lines untouched, no partial tail.
            let repaired = LogFile.split(eventLogPath)
            XCTAssertTrue(repaired.partial.isEmpty, "round \(round): the start leaves no partial line")
            XCTAssertTrue(repaired.lines == wholeLines,
                          "round \(round): the start changed whole lines (\(repaired.lines.count) lines, were \(wholeLines.count))")

            let load = LoadGenerator(port: server.port, threads: 6)
            // The random moment counts from the first acknowledgement, so a slow start (a busy
            // machine, a sanitizer build) still kills the server mid-load.
            let started = Date().addingTimeInterval(10)
            while load.acknowledged.isEmpty && Date() < started { usleep(1_000) }
            let delay = UInt32.random(in: 100_000...500_000)
            usleep(delay)
            server.kill()
            let got = load.stop()
            XCTAssertEqual(server.waitForExit(seconds: 5), 128 + SIGKILL)
            XCTAssertGreaterThan(got.count, 0, "round \(round): nothing acknowledged in \(delay / 1000) ms")
            XCTAssertTrue(load.statuses.isEmpty, "round \(round): only 200s before the kill: \(load.statuses)")
            acknowledged += got

            // A page-cache write is never cut by kill -9, so torn tails are rare; a power cut
            // in the middle of a write leaves one: in even rounds, half a line is added.
            var crashed = LogFile.split(eventLogPath)
            if round % 2 == 0, crashed.partial.isEmpty, let last = crashed.lines.last {
                let handle = try XCTUnwrap(FileHandle(forWritingAtPath: eventLogPath))
                handle.seekToEndOfFile()
                handle.write(Data(last.prefix(last.count / 2)))
                handle.closeFile()
                crashed.partial = Array(last.prefix(last.count / 2))
            }
            if !crashed.partial.isEmpty { tornTails.append(crashed.partial) }
            wholeLines = crashed.lines
            print("FaultCrashLoopTests: round \(round): kill -9 after \(delay / 1000) ms, \(got.count) acknowledged, "
                  + "\(crashed.lines.count) lines in the log, torn tail \(crashed.partial.count) bytes")
        }

        // The last start repairs the last crash; then a clean stop.
        let last = try startServer()
        let repaired = LogFile.split(eventLogPath)
        XCTAssertTrue(repaired.partial.isEmpty, "the last start leaves no partial line")
        XCTAssertTrue(repaired.lines == wholeLines,
                      "the last start changed whole lines (\(repaired.lines.count) lines, were \(wholeLines.count))")
        let after = try deliver(last)
        XCTAssertEqual(after.status, 200, after.description)
        acknowledged.append(try XCTUnwrap(after.id))
        last.signal(SIGTERM)
        XCTAssertEqual(last.waitForExit(seconds: 10), 0)

        let seen = try assertEachIDOnce(acknowledged, in: [eventLogPath], allowUnacknowledged: true)
        XCTAssertEqual(seen.values.reduce(0, +), wholeLines.count + 1, "every line has an id")
        let keptTails = try rejectLines().compactMap { $0["body"] as? String }
        for tail in tornTails {
            XCTAssertTrue(keptTails.contains(String(decoding: tail, as: UTF8.self)),
                          "a torn tail of \(tail.count) bytes is not in the rejects log")
        }
        let lost = acknowledged.filter { seen[$0] == nil }.count
        print("FaultCrashLoopTests: \(Self.rounds) kills, \(acknowledged.count) acknowledged, "
              + "\(seen.count) lines, \(tornTails.count) torn tails, \(lost) acknowledged events lost")
    }
}
