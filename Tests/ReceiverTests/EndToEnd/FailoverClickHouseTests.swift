import Foundation
import Glibc
import XCTest
import TestKit

/// Operating.md, "Scaling out", end to end: two callhook instances behind one HAProxy, PBX-like
/// senders that retry on `5xx` and connection errors, one instance killed with `-9` and started
/// again on its port under load, while a request is in progress on it. A retry may land on the other instance, so a delivery can be in
/// both logs; loaded into ClickHouse's engine (chdb) with the table Operating.md gives, `FINAL`
/// holds exactly one row per acknowledged delivery, and every acknowledged delivery is there.
final class FailoverClickHouseTests: XCTestCase {
    var scratches: [ScratchDirectory] = []
    var servers: [OpsServer] = []
    var haproxy: OpsHAProxy?

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let loader = packageRoot.appendingPathComponent("Tests/Scripts/clickhouse_load.py").path
    static let operating = packageRoot.appendingPathComponent("Sources/callhook/Documentation.docc/Operating.md").path

    /// The first python3 on PATH (then the usual places) that can import chdb.
    static let python: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { $0 + "/python3" } + ["/usr/local/bin/python3", "/usr/bin/python3"]
        return candidates.first {
            FileManager.default.isExecutableFile(atPath: $0) && run($0, ["-c", "import chdb"]).status == 0
        }
    }()

    override func setUpWithError() throws {
        guard OpsHAProxy.executable() != nil else {
            throw XCTSkip("haproxy is not installed (apt-get install haproxy); the failover test needs the real one")
        }
        guard Self.python != nil else {
            throw XCTSkip("python3 with chdb is not installed (pip install chdb); the ClickHouse check needs it")
        }
    }

    override func tearDown() {
        haproxy?.stop()
        for server in servers { server.child.stop(seconds: 5) }
        for scratch in scratches { scratch.remove() }
    }

    static func run(_ command: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return (-1, "cannot run \(command)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func start(in scratch: ScratchDirectory, port: Int) throws -> OpsServer {
        let server = try OpsServer.start(in: scratch, settings: [
            "listen": "127.0.0.1:\(port)",
            "trusted_proxies": [OpsHAProxy.proxyAddress + "/32"],
            "admin_token": OpsHAProxy.adminToken,
        ])
        servers.append(server)
        return server
    }

    func testKillDashNineUnderLoadLeavesOneRowPerAcknowledgedDelivery() throws {
        let (first, second) = (try ScratchDirectory(), try ScratchDirectory())
        scratches = [first, second]
        let ports = [try HTTPTestClient.freePort(), try HTTPTestClient.freePort()]
        let victim = try start(in: first, port: ports[0])
        _ = try start(in: second, port: ports[1])
        let haproxy = try OpsHAProxy.start(in: second, servers: ports)
        self.haproxy = haproxy

        let sender = OpsRetryingSender.start(port: haproxy.port, clients: 4)
        func waitForMore(_ count: Int) {
            let target = sender.acknowledgedCount + count
            let deadline = Date().addingTimeInterval(10)
            while sender.acknowledgedCount < target && Date() < deadline { usleep(2_000) }
        }
        waitForMore(150)
        // The kill lands while a delivery is in progress on the victim, not by luck of timing:
        // frozen, it holds the next request HAProxy gives it until the kill resets it.
        victim.child.signal(SIGSTOP)
        XCTAssertTrue(haproxy.waitForRequestInProgress(on: "s1"), "a request reached the stopped instance")
        victim.child.signal(SIGKILL)
        XCTAssertNotNil(victim.child.waitForExit(seconds: 5))
        waitForMore(100)
        XCTAssertTrue(haproxy.waitFor(server: "s1", state: "DOWN"), "\(haproxy.states())")
        _ = try start(in: first, port: ports[0])
        XCTAssertTrue(haproxy.waitFor(server: "s1", state: "UP"), "the restarted instance comes back:\n\(haproxy.log)")
        waitForMore(150)
        let (acknowledged, retries, failures) = sender.stop()
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(retries, 0, "the kill under load made senders retry")
        XCTAssertGreaterThanOrEqual(acknowledged.count, 400)
        XCTAssertEqual(Set(acknowledged).count, acknowledged.count)

        // The logs as written: every acknowledged delivery at least once, nothing unasked for.
        let lines = servers.suffix(2).flatMap { $0.events() }
        let stored = lines.compactMap { $0["call_id"] as? String }
        XCTAssertEqual(Set(stored).subtracting(acknowledged), [], "only deliveries that were sent")
        XCTAssertEqual(Set(acknowledged).subtracting(stored), [], "every acknowledged delivery survives kill -9")
        XCTAssertEqual(Set(lines.compactMap { $0["id"] as? String }).count, lines.count, "no line written twice")

        let result = Self.run(Self.python!, [Self.loader, Self.operating, first.file("events.jsonl"), second.file("events.jsonl")])
        XCTAssertEqual(result.status, 0, result.output)
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], result.output)
        XCTAssertEqual(summary["rows"] as? Int, lines.count)
        XCTAssertEqual(summary["rows_final"] as? Int, acknowledged.count, "one row per acknowledged delivery")
        XCTAssertEqual(summary["duplicate_keys_final"] as? [String], [])
        XCTAssertEqual(Set(summary["call_ids_final"] as? [String] ?? []), Set(acknowledged))
        print("failover: \(acknowledged.count) acknowledged, \(retries) retries, \(lines.count) lines, "
              + "\(lines.count - acknowledged.count) repeated across instances")
    }
}
