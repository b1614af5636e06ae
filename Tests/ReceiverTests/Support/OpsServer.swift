import Foundation
import Glibc
import TestKit

/// `callhook serve` as a child process, with a config written into a scratch directory:
/// listens on a free loopback port, logs `events.jsonl` and `rejects.jsonl` in that directory,
/// and has one route per vendor plus `any`, each with the secret `s3cret`.
///
/// ```swift
/// let server = try OpsServer.start(in: scratch, settings: ["dedupe_window": 3])
/// let response = try server.deliver(OpsPayloads.impact(.hangup, call: "c1"))
/// XCTAssertEqual(server.stop(), 0)
/// ```
final class OpsServer {
    static let secret = "s3cret"

    static var defaultRoutes: [[String: Any]] { [
        ["name": "voipnow", "path": "/hooks/voipnow", "vendor": "voipnow", "secret": secret],
        ["name": "urlnetworks", "path": "/hooks/urlnetworks", "vendor": "urlnetworks", "secret": secret],
        ["name": "voipstudio", "path": "/hooks/voipstudio", "vendor": "voipstudio", "secret": secret],
        ["name": "impactpbx", "path": "/hooks/impactpbx", "vendor": "impactpbx", "secret": secret],
        ["name": "any", "path": "/hooks/any", "vendor": "auto", "secret": secret],
    ] }

    let scratch: ScratchDirectory
    let child: CallhookProcess
    let port: Int

    var eventLog: String { scratch.file("events.jsonl") }
    var rejectsLog: String { scratch.file("rejects.jsonl") }
    var pid: pid_t { child.pid }

    private init(scratch: ScratchDirectory, child: CallhookProcess, port: Int) {
        self.scratch = scratch
        self.child = child
        self.port = port
    }

    /// Writes `config.json` (the defaults above, with `settings` laid over them) and starts the
    /// server; returns once it has printed the address it listens on.
    static func start(in scratch: ScratchDirectory, settings: [String: Any] = [:], seconds: Double = 15) throws -> OpsServer {
        var config: [String: Any] = [
            "listen": "127.0.0.1:0",
            "event_log": "events.jsonl",
            "rejects_log": "rejects.jsonl",
            "routes": defaultRoutes,
        ]
        config.merge(settings) { $1 }
        let data = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: scratch.file("config.json")))
        let child = try CallhookProcess.serve(configPath: scratch.file("config.json"), in: scratch.path, seconds: seconds)
        return OpsServer(scratch: scratch, child: child, port: child.port)
    }

    /// Sends one request on a fresh connection.
    func send(_ request: HTTPTestClient.Request) throws -> HTTPTestResponse {
        try HTTPTestClient.exchange(port: port, request)
    }

    /// Delivers a payload to its vendor's route with the secret as `token`.
    func deliver(_ payload: OpsPayloads.Payload) throws -> HTTPTestResponse {
        try send(payload.request())
    }

    /// SIGTERM and the exit status (nil when it did not stop within the drain timeout and a bit).
    @discardableResult
    func stop() -> Int32? { child.stop(seconds: 15) }

    /// SIGHUP: reopen the logs.
    func hangUp() { child.signal(SIGHUP) }

    /// The event log's lines parsed as JSON objects.
    func events() -> [[String: Any]] {
        scratch.lines("events.jsonl").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }
}
