import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Storage": SIGHUP reopens the logs; rotation never loses or
/// splits a line.
final class RotationTests: ServerTestCase {
    /// Renames the event log to `suffix`, sends SIGHUP, and waits for the server to create the
    /// log again under its name.
    func rotate(_ server: CallhookProcess, to suffix: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(rename(eventLogPath, eventLogPath + suffix), 0, "rename: \(errno)", file: file, line: line)
        server.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(3)
        while !FileManager.default.fileExists(atPath: eventLogPath) && Date() < deadline { usleep(2_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: eventLogPath),
                      "SIGHUP creates the event log again", file: file, line: line)
    }

    func testSIGHUPAfterRenameWritesNewDeliveriesToANewFile() throws {
        let server = try startServer()
        var before: [String] = []
        for _ in 0..<5 { before.append(try XCTUnwrap(try deliver(server).id)) }
        rotate(server, to: ".1")
        var after: [String] = []
        for _ in 0..<5 { after.append(try XCTUnwrap(try deliver(server).id)) }

        XCTAssertEqual(try LogFile.ids(eventLogPath + ".1"), before, "the rotated file keeps what was written before")
        XCTAssertEqual(try LogFile.ids(eventLogPath), after, "the new file has what came after SIGHUP")
        XCTAssertEqual(server.isRunning, true)
    }

    func testRotatingTwiceUnderConcurrentLoadLosesAndSplitsNothing() throws {
        let server = try startServer()
        let load = LoadGenerator(port: server.port, threads: 4)
        // Each rotation happens while deliveries are being acknowledged, before and after it.
        func acknowledged(atLeast more: Int) {
            let target = load.acknowledged.count + more
            let deadline = Date().addingTimeInterval(15)
            while load.acknowledged.count < target, Date() < deadline { usleep(5_000) }
        }
        acknowledged(atLeast: 30)
        rotate(server, to: ".1")
        acknowledged(atLeast: 30)
        rotate(server, to: ".2")
        acknowledged(atLeast: 30)
        let acknowledged = load.stop()

        XCTAssertTrue(load.connectionErrors.isEmpty, "\(load.connectionErrors.prefix(3))")
        XCTAssertTrue(load.statuses.isEmpty, "only 200s expected: \(load.statuses)")
        XCTAssertGreaterThan(acknowledged.count, 20, "the load generator got little through")
        try assertEachIDOnce(acknowledged, in: [eventLogPath + ".1", eventLogPath + ".2", eventLogPath])
        XCTAssertGreaterThan(try LogFile.ids(eventLogPath).count, 0, "writing continued into the newest file")
        XCTAssertGreaterThan(try LogFile.ids(eventLogPath + ".2").count, 0, "the middle file got lines")
    }

    func testSIGHUPReopensTheRejectsLogToo() throws {
        let server = try startServer()
        let bad = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: "{")
        let first = try XCTUnwrap(try deliver(server, bad).id)
        XCTAssertEqual(rename(rejectsLogPath, rejectsLogPath + ".1"), 0)
        server.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(3)
        while !FileManager.default.fileExists(atPath: rejectsLogPath) && Date() < deadline { usleep(2_000) }
        let second = try XCTUnwrap(try deliver(server, bad).id)
        XCTAssertEqual(try LogFile.ids(rejectsLogPath + ".1"), [first])
        XCTAssertEqual(try LogFile.ids(rejectsLogPath), [second])
    }

    /// SIGUSR1: the server renames both logs itself, to one UTC suffix, between two batches.
    func testSIGUSR1RotatesBothLogsToOneTimestampedName() throws {
        let server = try startServer()
        let bad = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: "{")
        let events = [try XCTUnwrap(try deliver(server).id), try XCTUnwrap(try deliver(server).id)]
        let reject = try XCTUnwrap(try deliver(server, bad).id)
        let directory = (eventLogPath as NSString).deletingLastPathComponent
        func rotated(_ log: String) -> [String] {
            let base = (log as NSString).lastPathComponent + "-"
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { $0.hasPrefix(base) }.map { directory + "/" + $0 }
        }
        server.signal(SIGUSR1)
        let deadline = Date().addingTimeInterval(3)
        while (rotated(eventLogPath).isEmpty || rotated(rejectsLogPath).isEmpty) && Date() < deadline { usleep(2_000) }
        let after = try XCTUnwrap(try deliver(server).id)

        let eventFiles = rotated(eventLogPath), rejectFiles = rotated(rejectsLogPath)
        XCTAssertEqual(eventFiles.count, 1, "\(eventFiles)")
        XCTAssertEqual(rejectFiles.count, 1, "\(rejectFiles)")
        let suffix = String(try XCTUnwrap(eventFiles.first).dropFirst(eventLogPath.count))
        XCTAssertNotNil(suffix.range(of: #"^-[0-9]{8}T[0-9]{6}Z$"#, options: .regularExpression), suffix)
        XCTAssertEqual(rejectFiles.first, rejectsLogPath + suffix, "one suffix for both logs")
        XCTAssertEqual(try LogFile.ids(eventLogPath + suffix), events)
        XCTAssertEqual(try LogFile.ids(rejectsLogPath + suffix), [reject])
        XCTAssertEqual(try LogFile.ids(eventLogPath), [after])
        XCTAssertEqual(server.isRunning, true)
        // Each log says where it went (the writers report after the rename; wait for both lines).
        let said = Date().addingTimeInterval(3)
        while server.stderr.components(separatedBy: " rotated to ").count < 3 && Date() < said { usleep(2_000) }
        XCTAssertTrue(server.stderr.contains("SIGUSR1: \(eventLogPath) rotated to \(eventLogPath + suffix)"), server.stderr)
        XCTAssertTrue(server.stderr.contains("SIGUSR1: \(rejectsLogPath) rotated to \(rejectsLogPath + suffix)"), server.stderr)
    }
}
