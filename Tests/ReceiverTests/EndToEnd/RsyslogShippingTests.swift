import Foundation
import Glibc
import XCTest
import TestKit

/// Operating.md, "Shipping the log", the tested configuration: rsyslog's `imfile` follows
/// `events.jsonl` by name while the log is rotated under load, and forwards each line over TCP
/// to a second rsyslogd that writes one file. That file holds acknowledged lines only, none
/// twice, byte for byte, 60 KiB lines whole.
///
/// imfile finishes a renamed file when it sees the rename. With callhook rotating the log itself
/// (`SIGUSR1`: the writer renames between two batches), every line is shipped exactly once. With
/// the real logrotate renaming it (`create`, `SIGHUP` in `postrotate`), lines are shipped only
/// because the writer checks before each batch that the path still names its file
/// (`LogFile.isStillNamed`); a batch checked just before logrotate's rename can still land in
/// the renamed file after imfile finished it (measured: 2 lines in 6 runs of 8 rotations).
final class RsyslogShippingTests: XCTestCase {
    var scratch: ScratchDirectory!
    var server: OpsServer?
    var shipper: OpsRsyslog?
    var collector: OpsRsyslog?

    override func setUpWithError() throws {
        guard OpsRsyslog.executable() != nil else {
            throw XCTSkip("rsyslogd is not installed (apt-get install rsyslog); the shipping test needs the real one")
        }
        guard LogrotateTests.logrotate() != nil else {
            throw XCTSkip("logrotate is not installed (apt-get install logrotate); the shipping test rotates with it")
        }
        scratch = try ScratchDirectory()
    }

    override func tearDown() {
        shipper?.stop()
        collector?.stop()
        server?.stop()
        scratch?.remove()
    }

    /// An ImpactPBX hangup carrying a note of `bytes` bytes, so its line is longer than that.
    func long(_ id: String, bytes: Int) -> HTTPTestClient.Request {
        var payload = OpsPayloads.unique(id)
        payload.body = String(payload.body.dropLast()) + #","note":""# + String(repeating: "x", count: bytes) + #""}"#
        return payload.request()
    }

    func rotate(_ config: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LogrotateTests.logrotate()!)
        process.arguments = ["-f", "-s", scratch.file("logrotate.state"), config]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "logrotate failed")
    }

    /// callhook's own rotation: every acknowledged line collected exactly once.
    func testImfileThroughSIGUSR1RotationsShipsEveryLineExactlyOnce() throws {
        let server = try startPipeline()
        let rotated = { self.scratch.names().filter { $0.hasPrefix("events.jsonl-") }.count }
        try ship(through: server, rotatedPrefix: "events.jsonl-", strict: true) {
            let before = rotated()
            XCTAssertEqual(kill(server.pid, SIGUSR1), 0)
            // The rotation is done when its renamed file is there.
            let deadline = Date().addingTimeInterval(5)
            while rotated() == before && Date() < deadline { usleep(2_000) }
            XCTAssertEqual(rotated(), before + 1, "SIGUSR1 did not rotate the log")
        }
    }

    /// logrotate renaming the log (`create`, `SIGHUP` in `postrotate`): the one window left is
    /// a batch checked just before the rename.
    func testImfileThroughLogrotateShipsLinesWholeAndNeverTwice() throws {
        let server = try startPipeline()
        let config = scratch.file("logrotate.conf")
        try scratch.write("logrotate.conf", """
            \(server.eventLog) {
                create 0644
                rotate \(Self.rotations + 2)
                missingok
                nocompress
                postrotate
                    kill -HUP \(server.pid)
                endscript
            }

            """)
        chmod(config, 0o644)
        try ship(through: server, rotatedPrefix: "events.jsonl.", strict: false) { try self.rotate(config) }
    }

    static let rotations = 8

    func startPipeline() throws -> OpsServer {
        let server = try OpsServer.start(in: scratch)
        self.server = server
        let collected = scratch.file("collected.jsonl")
        collector = try OpsRsyslog.collector(in: scratch, output: collected)
        shipper = try OpsRsyslog.shipper(in: scratch, following: server.eventLog, to: collector!.port)
        return server
    }

    /// Posts under load while `rotateOnce` rotates the log eight times, then checks what the
    /// collector wrote against what callhook wrote. Unless `strict`, a line missing from the
    /// last three of a rotated file is the race at logrotate's rename, allowed up to six times.
    func ship(through server: OpsServer, rotatedPrefix: String, strict: Bool, rotateOnce: () throws -> Void) throws {
        let rotations = Self.rotations
        let load = OpsLoad.start(port: server.port, clients: 3)
        var longIDs: [String] = []
        for rotation in 0..<rotations {
            for index in 0..<5 {
                let response = try HTTPTestClient.exchange(port: server.port, long("long-\(rotation)-\(index)", bytes: 60 << 10))
                XCTAssertEqual(response.status, 200, "\(response)")
                if let id = response.id { longIDs.append(id) }
            }
            let before = load.acknowledgedCount
            try rotateOnce()
            let deadline = Date().addingTimeInterval(3)
            while load.acknowledgedCount < before + 50 && Date() < deadline { usleep(5_000) }
        }
        let (ids, failures) = load.stop()
        XCTAssertEqual(failures, [])
        let acknowledged = ids + longIDs

        // What callhook wrote, across the rotated files, by id.
        var written: [String: String] = [:]
        var place: [String: String] = [:]
        for name in scratch.names() where name.hasPrefix("events.jsonl") {
            let fileLines = scratch.lines(name)
            for (number, line) in fileLines.enumerated() {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let id = object?["id"] as? String ?? ""
                written[id] = line
                place[id] = "\(name):\(number + 1)/\(fileLines.count)"
            }
        }
        XCTAssertEqual(Set(written.keys), Set(acknowledged))

        // rsyslog has caught up once the current file's last line is collected; wait for that, or 20 s.
        let last = scratch.lines("events.jsonl").last ?? ""
        let deadline = Date().addingTimeInterval(20)
        while !scratch.lines("collected.jsonl").suffix(50).contains(last) && Date() < deadline { usleep(20_000) }
        let lines = scratch.lines("collected.jsonl")
        var seen: Set<String> = []
        for (number, line) in lines.enumerated() {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let id = object["id"] as? String else {
                XCTFail("collected line \(number + 1) is not a whole event (\(line.utf8.count) bytes): \(line.prefix(120))")
                continue
            }
            XCTAssertTrue(seen.insert(id).inserted, "\(id) collected twice")
            XCTAssertEqual(line, written[id], "\(id) differs from the line callhook wrote")
        }
        XCTAssertEqual(seen.subtracting(acknowledged), [], "only acknowledged lines")
        XCTAssertEqual(scratch.names().filter { $0.hasPrefix(rotatedPrefix) }.count, rotations)
        // Under logrotate, a batch the writer checked just before the rename still lands in the
        // renamed file, and imfile may have finished that file by then: the one window left, a
        // few microseconds wide, so a rare line at the very end of a rotated file. Anything
        // else missing is a failure.
        var endOfRotated: Set<String> = []
        for name in scratch.names() where name.hasPrefix(rotatedPrefix) && !strict {
            let ids = scratch.lines(name).compactMap {
                ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["id"] as? String
            }
            endOfRotated.formUnion(ids.suffix(3))
        }
        let missing = Set(acknowledged).subtracting(seen)
        XCTAssertEqual(missing.subtracting(endOfRotated).compactMap { place[$0] }.sorted(), [],
                       "acknowledged, never shipped:\nshipper:\n\(shipper!.log)\ncollector:\n\(collector!.log)")
        XCTAssertLessThanOrEqual(missing.count, 6, "more than a rare race at a rename: \(missing.compactMap { place[$0] }.sorted())")
        XCTAssertEqual(lines.count + missing.count, acknowledged.count)
        XCTAssertTrue(longIDs.allSatisfy { (written[$0]?.utf8.count ?? 0) > 60 << 10 && (seen.contains($0) || missing.contains($0)) }, "every long line shipped whole")
        print("rsyslog (\(strict ? "SIGUSR1" : "logrotate")): \(acknowledged.count) lines through \(rotations) rotations, \(longIDs.count) of them over 60 KiB; "
              + "\(lines.count) collected, \(missing.count) missing")
    }
}
