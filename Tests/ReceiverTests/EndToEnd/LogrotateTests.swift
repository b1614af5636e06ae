import Foundation
import XCTest
import TestKit

/// The real logrotate with `create` and a `postrotate` that sends SIGHUP, forced again and again
/// while clients deliver (Documentation.docc/Receiver.md, "Storage": rotation never loses or splits
/// a line).
final class LogrotateTests: XCTestCase {
    var scratch: ScratchDirectory!
    var server: OpsServer?

    static func logrotate() -> String? {
        ["/usr/sbin/logrotate", "/usr/bin/logrotate", "/sbin/logrotate", "/usr/local/sbin/logrotate"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    override func setUpWithError() throws {
        guard Self.logrotate() != nil else {
            throw XCTSkip("logrotate is not installed (apt-get install logrotate); the rotation test needs the real one")
        }
        scratch = try ScratchDirectory()
    }

    override func tearDown() {
        server?.stop()
        scratch?.remove()
    }

    func rotate(_ config: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.logrotate()!)
        process.arguments = ["-f", "-s", scratch.file("logrotate.state"), config]
        let output = scratch.file("logrotate.out")
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardError = FileHandle(forWritingAtPath: output)
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, scratch.text("logrotate.out"))
    }

    func testForcedRotationsUnderLoadLoseSplitAndRepeatNothing() throws {
        let server = try OpsServer.start(in: scratch)
        self.server = server
        let rotations = 5
        let config = scratch.file("logrotate.conf")
        try scratch.write("logrotate.conf", """
            \(server.eventLog) {
                create 0644
                rotate \(rotations + 5)
                missingok
                nocompress
                postrotate
                    kill -HUP \(server.pid)
                endscript
            }

            """)
        chmod(config, 0o644)

        let load = OpsLoad.start(port: server.port, clients: 4)
        for _ in 0..<rotations {
            usleep(150_000)
            let before = load.acknowledgedCount
            try rotate(config)
            // Let some deliveries land in the new file before the next rotation.
            let deadline = Date().addingTimeInterval(3)
            while load.acknowledgedCount < before + 20 && Date() < deadline { usleep(5_000) }
        }
        usleep(150_000)
        let (acknowledged, failures) = load.stop()
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(acknowledged.count, rotations * 20)

        let files = ["events.jsonl"] + (1...rotations).map { "events.jsonl.\($0)" }
        XCTAssertEqual(scratch.names().filter { $0.hasPrefix("events.jsonl") }, files.sorted(), "one file per rotation")
        var seen: [String: String] = [:]
        for file in files {
            let bytes = scratch.read(file)
            XCTAssertTrue(bytes.isEmpty || bytes.last == UInt8(ascii: "\n"), "\(file) ends inside a line")
            for (number, line) in scratch.lines(file).enumerated() {
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                      let id = object["id"] as? String else {
                    XCTFail("\(file):\(number + 1) is not a whole event line: \(line.prefix(200))")
                    continue
                }
                if let other = seen.updateValue(file, forKey: id) {
                    XCTFail("\(id) is in \(other) and \(file)")
                }
            }
        }
        XCTAssertEqual(seen.count, acknowledged.count, "as many lines as acknowledged deliveries")
        XCTAssertEqual(Set(seen.keys), Set(acknowledged), "every acknowledged id, and nothing else")
        XCTAssertEqual(Set(acknowledged).count, acknowledged.count)
        XCTAssertFalse(scratch.lines("events.jsonl").isEmpty, "the server writes to the file created last")
        XCTAssertEqual(server.stop(), 0)
        // Signals sent close together may be handled as one; every one of them reopens.
        let reopens = server.child.stderr.components(separatedBy: "SIGHUP: reopening").count - 1
        XCTAssertTrue((1...rotations).contains(reopens), server.child.stderr)
    }
}
