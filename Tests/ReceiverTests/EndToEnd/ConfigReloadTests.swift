import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Storage": SIGHUP re-reads the config; routes and secrets take
/// effect for requests that start after it, a config with any error is not applied, keys that
/// need a restart are named, and `callhook_config_reloads_total{result}` counts each reload.
final class ConfigReloadTests: ServerTestCase {
    private let rotated = "R0t8-new-Key-77"

    private func configURL() -> URL { directory.appendingPathComponent("config.json") }

    /// Rewrites the config file, sends SIGHUP and waits until the reload's outcome is counted.
    private func reload(_ server: CallhookProcess, writing text: Data, result: String,
                        file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try reloads(server, result)
        try text.write(to: configURL())
        server.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(5)
        while try reloads(server, result) == before, Date() < deadline { usleep(5_000) }
        XCTAssertEqual(try reloads(server, result), before + 1, "reload counted as \(result)", file: file, line: line)
    }

    /// stderr once it holds every one of `needles` (the server writes it to a file as it goes).
    private func stderr(_ server: CallhookProcess, containing needles: [String]) -> String {
        let deadline = Date().addingTimeInterval(3)
        var text = server.stderr
        while !needles.allSatisfy(text.contains), Date() < deadline {
            usleep(5_000)
            text = server.stderr
        }
        return text
    }

    private func reloads(_ server: CallhookProcess, _ result: String) throws -> Int {
        let text = try deliver(server, Requests.get("/metrics")).text
        let prefix = "callhook_config_reloads_total{result=\"\(result)\"} "
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            return Int(line.dropFirst(prefix.count)) ?? -1
        }
        return -1
    }

    private func config(secret: String, listen: String = "127.0.0.1:0", dropping route: String? = nil) throws -> Data {
        var config = TestConfiguration()
        config.listen = listen
        config.routes = TestConfiguration.defaultRoutes.compactMap { entry in
            if let route, entry["name"] as? String == route { return nil }
            var entry = entry
            entry["secret"] = secret
            return entry
        }
        return try JSONSerialization.data(withJSONObject: config.jsonObject, options: [.sortedKeys])
    }

    private func delivery(token: String) -> [UInt8] {
        RotatingSender.delivery(token: token)
    }

    func testSecretRotatedBySIGHUPWhileDeliveriesKeepArriving() throws {
        let server = try startServer()
        let old = TestConfiguration.secret, new = rotated
        // The sender switches keys once it has seen the reload take effect, as an operator
        // rotating a PBX's key would; it never stops sending meanwhile.
        let sender = RotatingSender(port: server.port, old: old, new: new)
        sender.start()
        sender.waitForMore(20)
        sender.set { $0.sighupSent = true }
        try reload(server, writing: try config(secret: new), result: "ok")
        sender.set { $0.useNew = true }
        sender.waitForMore(20)
        // The old key must now be refused: the rotation really happened.
        XCTAssertEqual(try HTTPTestClient.exchange(port: server.port, delivery(token: old)).status, 401)
        let outcomes = sender.stop()

        XCTAssertTrue(outcomes.allSatisfy { $0.status != -1 }, "no connection errors")
        let refused = outcomes.filter { $0.status != 200 }
        // Only the old key, sent after the SIGHUP and before the sender saw it applied, may be refused.
        XCTAssertTrue(refused.allSatisfy { $0.token == old && $0.sentAfterSIGHUP && $0.status == 401 },
                      "\(refused.prefix(3).map { ($0.token == old ? "old" : "new", $0.status, $0.sentAfterSIGHUP) })")
        XCTAssertGreaterThanOrEqual(outcomes.filter { $0.token == new && $0.status == 200 }.count, 20)
        XCTAssertGreaterThanOrEqual(outcomes.filter { $0.token == old && $0.status == 200 && !$0.sentAfterSIGHUP }.count, 20)
        try assertEachIDOnce(outcomes.compactMap { $0.status == 200 ? $0.id : nil }, in: [eventLogPath])
        XCTAssertFalse(server.stderr.contains(new) || server.stderr.contains(old), "no secret in the log")
    }

    func testABadFileLeavesTheRunningConfigServingAndIsReportedPathByPath() throws {
        let server = try startServer()
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: config(secret: rotated)) as? [String: Any])
        var routes = try XCTUnwrap(object["routes"] as? [[String: Any]])
        routes[0]["vendor"] = "nosuchvendor"
        routes[1]["secrett"] = "typo"
        object["routes"] = routes
        try reload(server, writing: try JSONSerialization.data(withJSONObject: object), result: "failed")

        let stderr = stderr(server, containing: ["$.routes[0].vendor", "$.routes[1].secrett"])
        XCTAssertTrue(stderr.contains("$.routes[0].vendor"), stderr)
        XCTAssertTrue(stderr.contains("$.routes[1].secrett"), stderr)
        XCTAssertEqual(try deliver(server).status, 200, "the old secret still serves")
        XCTAssertEqual(try HTTPTestClient.exchange(port: server.port, delivery(token: rotated)).status, 401,
                       "nothing of the bad file was applied")
        XCTAssertEqual(try reloads(server, "ok"), 0)

        // Fixed, the next SIGHUP applies it.
        try reload(server, writing: try config(secret: rotated), result: "ok")
        XCTAssertEqual(try HTTPTestClient.exchange(port: server.port, delivery(token: rotated)).status, 200)
        XCTAssertEqual(try reloads(server, "failed"), 1)
    }

    func testKeysThatNeedARestartAreNamedAndKeptAsTheyWere() throws {
        let server = try startServer()
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: config(secret: rotated, listen: "127.0.0.1:1")) as? [String: Any])
        object["event_log"] = "elsewhere.jsonl"
        try reload(server, writing: try JSONSerialization.data(withJSONObject: object), result: "ok")

        let stderr = stderr(server, containing: ["listen changed", "event_log changed"])
        XCTAssertTrue(stderr.contains("listen changed"), stderr)
        XCTAssertTrue(stderr.contains("event_log changed"), stderr)
        let response = try HTTPTestClient.exchange(port: server.port, delivery(token: rotated))
        XCTAssertEqual(response.status, 200, "same port, new secret")
        XCTAssertEqual(try LogFile.ids(eventLogPath), [try XCTUnwrap(response.id)], "still the old event log")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("elsewhere.jsonl")))
    }

    func testARequestInFlightFinishesUnderTheConfigItStartedWith() throws {
        let server = try startServer()
        let request = delivery(token: TestConfiguration.secret)
        let client = try HTTPTestClient(port: server.port)
        // The head and part of the body, then the reload that removes the route.
        try client.send(Array(request.dropLast(5)))
        try reload(server, writing: try config(secret: rotated, dropping: "impactpbx"), result: "ok")
        try client.send(Array(request.suffix(5)))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.text)
        XCTAssertEqual(try LogFile.ids(eventLogPath), [try XCTUnwrap(response.id)])
        // A request that starts now sees the route gone.
        XCTAssertEqual(try HTTPTestClient.exchange(port: server.port, delivery(token: rotated)).status, 404)
    }
}

/// Sends deliveries one after another on fresh connections with the key its state says, and
/// records each outcome.
private final class RotatingSender: @unchecked Sendable {
    struct Outcome { var token: String; var status: Int; var sentAfterSIGHUP: Bool; var id: String? }
    struct State { var useNew = false; var sighupSent = false; var stop = false; var outcomes: [Outcome] = [] }

    private let lock = NSLock()
    private var state = State()
    private let port: Int, old: String, new: String
    private var thread: Thread?

    init(port: Int, old: String, new: String) {
        (self.port, self.old, self.new) = (port, old, new)
    }

    static func delivery(token: String) -> [UInt8] {
        Requests.post("/hooks/impactpbx?token=\(token)", body: OpsPayloads.impactpbxHangup(ref: UUID().uuidString.lowercased()))
    }

    func set(_ change: (inout State) -> Void) { lock.lock(); change(&state); lock.unlock() }
    private func read<T>(_ get: (State) -> T) -> T { lock.lock(); defer { lock.unlock() }; return get(state) }

    func start() {
        let thread = Thread { [self] in
            while true {
                let (token, afterSIGHUP, done) = read { ($0.useNew ? self.new : self.old, $0.sighupSent, $0.stop) }
                if done { return }
                var outcome = Outcome(token: token, status: -1, sentAfterSIGHUP: afterSIGHUP, id: nil)
                if let response = try? HTTPTestClient.exchange(port: port, Self.delivery(token: token)) {
                    (outcome.status, outcome.id) = (response.status, response.id)
                }
                set { $0.outcomes.append(outcome) }
            }
        }
        self.thread = thread
        thread.start()
    }

    func waitForMore(_ more: Int) {
        let target = read { $0.outcomes.count } + more
        let deadline = Date().addingTimeInterval(10)
        while read({ $0.outcomes.count }) < target, Date() < deadline { usleep(2_000) }
    }

    func stop() -> [Outcome] {
        set { $0.stop = true }
        while let thread, !thread.isFinished { usleep(1_000) }
        return read { $0.outcomes }
    }
}
