import Foundation
import XCTest
import TestKit

/// A PBX callhook has never heard of, declared only in this test's config: its route, an
/// `auto` route, `decode`, `replay` and `calls` all know it by that config alone.
final class DeclaredVendorEndToEndTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch.remove() }

    /// "Ringo", a made-up PBX: the whole definition, under 30 lines of config.
    static let ringo = #"""
        {
          "detect": ["ringo_version", "call.uuid"],
          "event": "event",
          "types": {
            "ring.start": "call.ringing",
            "ring.up": "call.answered",
            "ring.end": "call.hangup",
            "*": "unknown"
          },
          "fields": {
            "call_id": "call.uuid",
            "direction": {"path": "call.dir", "map": {"in": "inbound", "out": "outbound"}},
            "from.number": {"inbound": "call.remote", "outbound": "call.agent_line"},
            "to.number": {"inbound": "call.agent_line", "outbound": "call.remote"},
            "extension": "call.agent",
            "cause": "cause",
            "occurred_at": "at",
            "started_at": "began",
            "answered_at": "picked",
            "ended_at": "ended"
          },
          "key": ["call.uuid", "event", "at"]
        }
        """#

    static func payload(_ event: String, at: String, extra: String = "") -> String {
        #"{"ringo_version": 2, "event": "\#(event)", "at": "\#(at)", "began": "2024-05-01T10:00:00Z", "#
            + #""call": {"uuid": "rg-1", "dir": "in", "remote": "+15551230001", "agent_line": "+15551239999", "agent": "201"}\#(extra)}"#
    }

    static let ended = payload("ring.end", at: "2024-05-01T10:00:30Z",
                               extra: #", "picked": "2024-05-01T10:00:05Z", "ended": "2024-05-01T10:00:30Z", "cause": "normal_clearing""#)

    func startServer() throws -> OpsServer {
        let definition = try JSONSerialization.jsonObject(with: Data(Self.ringo.utf8))
        return try OpsServer.start(in: scratch, settings: [
            "vendors": ["ringo": definition],
            "routes": OpsServer.defaultRoutes + [["name": "ringo", "path": "/hooks/ringo", "vendor": "ringo", "secret": OpsServer.secret]],
        ])
    }

    func post(_ server: OpsServer, _ path: String, _ body: String) throws -> HTTPTestResponse {
        try server.send(.post(path + "?token=" + OpsServer.secret, body: body, contentType: "application/json"))
    }

    func testRouteAutoDecodeReplayAndCalls() throws {
        let server = try startServer()
        XCTAssertEqual(try post(server, "/hooks/ringo", Self.payload("ring.start", at: "2024-05-01T10:00:00Z")).status, 200)
        let auto = try post(server, "/hooks/any", Self.payload("ring.up", at: "2024-05-01T10:00:05Z"))
        XCTAssertEqual(auto.status, 200, "\(auto)")
        XCTAssertEqual(try post(server, "/hooks/ringo", Self.ended).status, 200)
        XCTAssertEqual(try post(server, "/hooks/ringo", Self.ended).json["duplicate"] as? Bool, true, "the declared key dedupes")
        XCTAssertEqual(server.stop(), 0)

        let lines = scratch.lines("events.jsonl")
        let events = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(events.map { $0["vendor"] as? String }, ["ringo", "ringo", "ringo"])
        XCTAssertEqual(events.map { $0["route"] as? String }, ["ringo", "any", "ringo"])
        XCTAssertEqual(events.map { $0["type"] as? String }, ["call.ringing", "call.answered", "call.hangup"])
        let hangup = try XCTUnwrap(events.last)
        XCTAssertEqual(hangup["call_id"] as? String, "rg-1")
        XCTAssertEqual(hangup["direction"] as? String, "inbound")
        XCTAssertEqual((hangup["from"] as? [String: Any])?["number"] as? String, "+15551230001")
        XCTAssertEqual((hangup["to"] as? [String: Any])?["number"] as? String, "+15551239999")
        XCTAssertEqual(hangup["extension"] as? String, "201")
        XCTAssertEqual(hangup["outcome"] as? String, "answered", "from the cause table: answered and normal clearing")
        XCTAssertEqual(hangup["talk_seconds"] as? Int, 25)
        XCTAssertEqual(hangup["duration_seconds"] as? Int, 30)
        XCTAssertEqual(hangup["key"] as? String, "ringo:rg-1:call.hangup:ring.end:2024-05-01T10:00:30Z")

        // decode: only with the config that declares it.
        let config = scratch.file("config.json")
        try scratch.write("ended.json", Self.ended)
        let decoded = try CallhookProcess.run(["decode", "--vendor", "ringo", "--config", config, scratch.file("ended.json")], in: scratch.path)
        XCTAssertEqual(decoded.status, 0, decoded.stderr)
        XCTAssertTrue(decoded.stdout.contains(#""type":"call.hangup""#) && decoded.stdout.contains(#""talk_seconds":25"#), decoded.stdout)
        let byAuto = try CallhookProcess.run(["decode", "--vendor", "auto", "--config", config, scratch.file("ended.json")], in: scratch.path)
        XCTAssertTrue(byAuto.stdout.contains(#""vendor":"ringo""#), byAuto.stdout + byAuto.stderr)
        let unknown = try CallhookProcess.run(["decode", "--vendor", "ringo", scratch.file("ended.json")], in: scratch.path)
        XCTAssertEqual(unknown.status, 2, "without the config ringo is unknown")

        // tail: a declared vendor's lines by its name, with the config that declares it.
        let tailed = try CallhookProcess.run(["tail", "--json", "--vendor", "ringo", "--config", config, scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(tailed.status, 0, tailed.stderr)
        XCTAssertEqual(tailed.stdout, lines.map { $0 + "\n" }.joined())
        let otherVendor = try CallhookProcess.run(["tail", "--json", "--vendor", "twilio", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(otherVendor.status, 0, otherVendor.stderr)
        XCTAssertEqual(otherVendor.stdout, "", "a shipped vendor's name needs no config, and matches none of ringo's lines")
        let undeclared = try CallhookProcess.run(["tail", "--vendor", "ringo", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(undeclared.status, 2, "without the config ringo is unknown to tail too")
        let notInConfig = try CallhookProcess.run(["tail", "--vendor", "ringa", "--config", config, scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(notInConfig.status, 2, notInConfig.stderr)
        XCTAssertTrue(notInConfig.stderr.contains("ringo"), "the known names are listed: \(notInConfig.stderr)")

        // replay: the same lines, byte for byte, with the config; a clear refusal without.
        let replayed = try CallhookProcess.run(["replay", "--config", config, scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(replayed.status, 0, replayed.stderr)
        XCTAssertEqual(replayed.stdout, lines.map { $0 + "\n" }.joined())
        let blind = try CallhookProcess.run(["replay", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(blind.status, 1)
        XCTAssertTrue(blind.stderr.contains(#"vendor "ringo" is not known (a declared vendor needs --config FILE)"#), blind.stderr)

        // calls: one call, its three events.
        let calls = try CallhookProcess.run(["calls", "--json", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(calls.status, 0, calls.stderr)
        let call = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(calls.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(call["vendor"] as? String, "ringo")
        XCTAssertEqual(call["call_id"] as? String, "rg-1")
        XCTAssertEqual(call["events"] as? Int, 3)
        XCTAssertEqual(call["talk_seconds"] as? Int, 25)
        XCTAssertEqual(call["outcome"] as? String, "answered")

        // vendors: listed last (declared), and shown as written.
        let list = try CallhookProcess.run(["vendors", "--config", config], in: scratch.path)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.split(separator: "\n").last.map(String.init),
                       "ringo        declared  ringo_version + call.uuid")
        let shown = try CallhookProcess.run(["vendors", "show", "ringo", "--config", config], in: scratch.path)
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? NSDictionary,
                       try JSONSerialization.jsonObject(with: Data(Self.ringo.utf8)) as? NSDictionary)
        let check = try CallhookProcess.run(["check-config", config], in: scratch.path)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.hasSuffix("ok, 6 routes, 1 declared vendor\n"), check.stdout)
    }

    func testCheckConfigNamesTheMistakeAndOverridesAreNoted() throws {
        try scratch.write("bad.json", #"""
            {"vendors": {"ringo": {"fields": {"caller": "call.remote"}}, "twilio": {"body": "form", "detect": "CallSid"}},
             "routes": [{"name": "r", "path": "/r", "vendor": "twilio", "secret": "s"}]}
            """#)
        let bad = try CallhookProcess.run(["check-config", scratch.file("bad.json")], in: scratch.path)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("error: $.vendors.ringo.fields.caller: unknown CallEvent field"), bad.stderr)
        try scratch.write("good.json", #"""
            {"vendors": {"twilio": {"body": "form", "detect": "CallSid"}},
             "routes": [{"name": "r", "path": "/r", "vendor": "twilio", "secret": "s"}]}
            """#)
        let good = try CallhookProcess.run(["check-config", scratch.file("good.json")], in: scratch.path)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stderr.contains(#"info: $.vendors.twilio: overrides the shipped definition of "twilio""#), good.stderr)
    }
}
