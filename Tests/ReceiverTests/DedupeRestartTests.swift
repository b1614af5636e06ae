import Foundation
import XCTest

/// receiver.md "Storage", dedupe: a redelivery within the last `dedupe_window` events is
/// answered `200` with `"duplicate": true` and the first id and not written again, and the
/// window survives a restart.
final class DedupeRestartTests: XCTestCase {
    var scratch: OpsScratch!
    var server: OpsServer?

    override func setUpWithError() throws { scratch = try OpsScratch() }

    override func tearDown() {
        server?.stop()
        scratch.remove()
    }

    func restart(window: Int) throws -> OpsServer {
        if let server { XCTAssertEqual(server.stop(), 0, server.child.stderr) }
        let started = try OpsServer.start(in: scratch, settings: ["dedupe_window": window])
        server = started
        return started
    }

    func testTheWindowSurvivesARestart() throws {
        var server = try restart(window: 3)
        var ids: [String: String] = [:]
        for name in ["a", "b", "c"] {
            let response = try server.deliver(OpsPayloads.unique(name))
            XCTAssertEqual(response.status, 200)
            XCTAssertNil(response.json["duplicate"])
            ids[name] = try XCTUnwrap(response.id)
        }
        let before = try server.deliver(OpsPayloads.unique("b"))
        XCTAssertEqual(before.json["duplicate"] as? Bool, true)
        XCTAssertEqual(before.id, ids["b"])

        server = try restart(window: 3)
        let after = try server.deliver(OpsPayloads.unique("b"))
        XCTAssertEqual(after.status, 200)
        XCTAssertEqual(after.json["duplicate"] as? Bool, true, "the key written before the restart is remembered")
        XCTAssertEqual(after.id, ids["b"], "answered with the first id")
        XCTAssertEqual(scratch.lines("events.jsonl").count, 3, "not written again")

        // The window goes on from where it was: the oldest key (a) is the first forgotten.
        XCTAssertNil(try server.deliver(OpsPayloads.unique("d")).json["duplicate"])
        let a = try server.deliver(OpsPayloads.unique("a"))
        XCTAssertNil(a.json["duplicate"], "a is beyond the last 3 events and is written again")
        XCTAssertNotEqual(a.id, ids["a"])
        let c = try server.deliver(OpsPayloads.unique("c"))
        XCTAssertEqual(c.json["duplicate"] as? Bool, true)
        XCTAssertEqual(c.id, ids["c"])
        XCTAssertEqual(scratch.lines("events.jsonl").count, 5)
    }

    func testAZeroWindowWritesEveryDelivery() throws {
        let server = try restart(window: 0)
        let first = try server.deliver(OpsPayloads.unique("z"))
        let second = try server.deliver(OpsPayloads.unique("z"))
        XCTAssertNil(second.json["duplicate"])
        XCTAssertNotEqual(first.id, second.id)
        XCTAssertEqual(scratch.lines("events.jsonl").count, 2)
    }
}
