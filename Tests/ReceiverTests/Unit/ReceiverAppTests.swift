import Dispatch
import Foundation
import System
import XCTest
@testable import CallEvents
@testable import EventLog
@testable import HTTPServer
@testable import Receiver

/// `ReceiverApp` in process, without sockets: `screen` decides on the head, `handle` on the
/// whole request, and what each answers and stores.
final class ReceiverAppTests: XCTestCase {
    private var folder: URL!
    private var app: ReceiverApp!
    private var events: EventLogWriter!
    private var rejects: EventLogWriter!
    private let peer = ConnectionInfo(peerAddress: "127.0.0.1", peerPort: 40000)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("callhook-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try XCTUnwrap(loadedConfiguration(#"""
            {"routes": [{"name": "impactpbx", "path": "/hooks/impactpbx", "vendor": "impactpbx", "secret": "s3cret"},
                        {"name": "guarded", "path": "/hooks/guarded", "vendor": "impactpbx", "allow": ["203.0.113.0/24"]}]}
            """#)).configuration
        events = try EventLogWriter(path: folder.appendingPathComponent("events.jsonl").path, fsync: .never)
        rejects = try EventLogWriter(path: folder.appendingPathComponent("rejects.jsonl").path, fsync: .never)
        app = ReceiverApp(configuration: configuration, eventLog: events, rejectsLog: rejects, dedupe: DedupeIndex(capacity: 100))
    }

    override func tearDownWithError() throws {
        events.close()
        rejects.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func head(_ target: String, method: String = "POST", headers: [(name: String, value: String)] = []) -> HTTPRequestHead {
        HTTPRequestHead(method: method, target: target, version: .http1_1, headers: HTTPHeaders([("Host", "x")] + headers),
                        framing: .none, keepAlive: true, expectsContinue: false)
    }

    /// `handle`, waiting for its answer, which may come from the writer's thread.
    private func handle(_ head: HTTPRequestHead, body: String = "") throws -> HTTPResponse {
        let answered = DispatchSemaphore(value: 0)
        let box = Locked<HTTPResponse?>(nil)
        app.handle(HTTPRequest(head: head, body: Array(body.utf8)), connection: peer) { response in
            box.withLock { $0 = response }
            answered.signal()
        }
        app.roundEnded()  // as the event loop does after each round of events
        XCTAssertEqual(answered.wait(timeout: .now() + 5), .success, "no answer")
        return try XCTUnwrap(box.withLock { $0 })
    }

    private func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    func testScreenRefusesBeforeTheBody() {
        XCTAssertEqual(app.screen(head("/nowhere"), connection: peer).refusal?.status, 404)
        XCTAssertEqual(app.screen(head("/hooks/impactpbx?token=s3cret", method: "DELETE"), connection: peer).refusal?.status, 405)
        XCTAssertEqual(app.screen(head("/hooks/impactpbx"), connection: peer).refusal?.status, 401)
        XCTAssertEqual(app.screen(head("/hooks/impactpbx?token=wrong"), connection: peer).refusal?.status, 401)
        XCTAssertEqual(app.screen(head("/hooks/guarded"), connection: peer).refusal?.status, 403)
        XCTAssertNil(app.screen(head("/hooks/impactpbx?token=s3cret"), connection: peer).refusal)
        XCTAssertNil(app.screen(head("/hooks/impactpbx", headers: [("Authorization", "Bearer s3cret")]), connection: peer).refusal)
    }

    func testHandleStoresDedupesProbesAndRejects() throws {
        let body = #"{"ref":"r1","action":"ring","timestamp":"2020-01-29T07:45:26.000+00:00"}"#
        let stored = try handle(head("/hooks/impactpbx?token=s3cret"), body: body)
        XCTAssertEqual(stored.status, 200)
        XCTAssertTrue(text(stored).hasPrefix(#"{"ok":true,"id":""#), text(stored))
        let again = try handle(head("/hooks/impactpbx?token=s3cret"), body: body)
        XCTAssertTrue(text(again).hasSuffix(#","duplicate":true}"#), text(again))

        let probe = try handle(head("/hooks/impactpbx?token=s3cret"))
        XCTAssertEqual(text(probe), #"{"ok":true,"probe":true}"#)

        let scalar = try handle(head("/hooks/impactpbx?token=s3cret", headers: [("Content-Type", "application/json")]), body: "42")
        XCTAssertEqual(scalar.status, 422)
        let unsupported = try handle(head("/hooks/impactpbx?token=s3cret", headers: [("Content-Type", "image/png")]), body: "x")
        XCTAssertEqual(unsupported.status, 415)

        events.close()
        rejects.close()
        let logged = try String(contentsOf: folder.appendingPathComponent("events.jsonl"), encoding: .utf8)
        XCTAssertEqual(logged.split(separator: "\n").count, 1, "one event: the duplicate, the probe and the rejects are not")
        XCTAssertFalse(logged.contains("s3cret"), "the secret is never logged")
        let rejected = try String(contentsOf: folder.appendingPathComponent("rejects.jsonl"), encoding: .utf8)
        XCTAssertEqual(rejected.split(separator: "\n").count, 2)
    }
}
