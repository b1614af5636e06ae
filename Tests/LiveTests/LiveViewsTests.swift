import XCTest
import CallEvents
@testable import Live

/// A log line as the writer writes it, with only the fields the live views read.
func line(_ id: String, _ type: String, call: String? = "c1", vendor: String = "voipnow", key: String? = nil,
          at: String, outcome: String? = nil, talk: Int? = nil, from: String? = "+100", ext: String? = "201",
          route: String = "pbx", answeredAt: String? = nil) -> [UInt8] {
    var w = JSONWriter()
    w.raw(#"{"id":"#); w.string(id)
    w.raw(#","received_at":"#); w.string(at)
    w.raw(#","route":"#); w.string(route)
    w.raw(#","vendor":"#); w.string(vendor)
    w.raw(#","type":"#); w.string(type)
    w.raw(#","key":"#); w.string(key ?? id)
    w.raw(#","call_id":"#); w.string(call)
    w.raw(#","direction":"inbound","from":{"number":"#); w.string(from)
    w.raw(#","name":null},"to":{"number":"200","name":null},"extension":"#); w.string(ext)
    w.raw(#","outcome":"#); w.string(outcome)
    w.raw(#","occurred_at":null,"started_at":null,"answered_at":"#); w.string(answeredAt)
    w.raw(#","ended_at":null,"talk_seconds":"#); w.integer(talk)
    w.raw("}")
    return w.bytes
}

final class LiveViewsTests: XCTestCase {
    func testCallMovesInOnRingingAndOutOnHangup() throws {
        var live = LiveViews()
        live.add(line: line("1", "call.ringing", at: "2023-11-14T09:00:00.000Z"))
        XCTAssertEqual(live.active.count, 1)
        live.add(line: line("2", "call.answered", at: "2023-11-14T09:00:05.000Z"))
        let body = try XCTUnwrap(JSONParser.parse(live.activeJSON()).get().arrayValue)
        XCTAssertEqual(body.count, 1)
        XCTAssertEqual(body[0]["call"]?.stringValue, "voipnow:c1")
        XCTAssertEqual(body[0]["state"]?.stringValue, "answered")
        XCTAssertEqual(body[0]["started_at"]?.stringValue, "2023-11-14T09:00:00.000Z")
        XCTAssertEqual(body[0]["answered_at"]?.stringValue, "2023-11-14T09:00:05.000Z")
        XCTAssertEqual(body[0]["events"]?.numberLiteral, "2")
        live.add(line: line("3", "call.hangup", at: "2023-11-14T09:01:05.000Z", outcome: "answered", talk: 60))
        XCTAssertEqual(String(decoding: live.activeJSON(), as: UTF8.self), "[]")
    }

    func testRedeliveryCountsOnceAndLateEventsDoNotReopen() {
        var live = LiveViews()
        live.add(line: line("1", "call.ringing", at: "2023-11-14T09:00:00.000Z"))
        live.add(line: line("1b", "call.ringing", key: "1", at: "2023-11-14T09:00:00.500Z"))
        XCTAssertEqual(live.active.all.first?.events, 1)
        live.add(line: line("2", "call.missed", at: "2023-11-14T09:00:30.000Z", outcome: "missed"))
        live.add(line: line("3", "call.ringing", at: "2023-11-14T09:00:01.000Z"))   // late, after the end
        XCTAssertEqual(live.active.count, 0)
    }

    func testStateDoesNotStepBackAndHoldIsShown() {
        var call = CallInProgress(vendor: "v", callID: "c")
        call.add(LiveEvent(line: line("2", "call.answered", at: "2023-11-14T09:00:05.000Z"))!)
        call.add(LiveEvent(line: line("1", "call.ringing", at: "2023-11-14T09:00:00.000Z"))!)
        XCTAssertEqual(call.state, .answered)
        XCTAssertEqual(call.secondsToAnswer, 5)
        call.add(LiveEvent(line: line("3", "call.hold", at: "2023-11-14T09:00:10.000Z"))!)
        XCTAssertEqual(call.state, .hold)
        call.add(LiveEvent(line: line("4", "call.unhold", at: "2023-11-14T09:00:20.000Z"))!)
        XCTAssertEqual(call.state, .answered)
    }

    func testCallsWithoutAnEndLeaveAfterTheTTLAndCountAsOpen() throws {
        var live = LiveViews(ttlSeconds: 60)
        live.add(line: line("1", "call.ringing", at: "2023-11-14T09:00:00.000Z"))
        let t = try XCTUnwrap(Timestamp(rfc3339: "2023-11-14T09:00:59.000Z")).milliseconds
        live.expire(nowMilliseconds: t)
        XCTAssertEqual(live.active.count, 1)
        live.expire(nowMilliseconds: t + 2000)
        XCTAssertEqual(live.active.count, 0)
        let groups = try XCTUnwrap(JSONParser.parse(live.summaryJSON(by: .vendor, since: nil)).get()["groups"]?.arrayValue)
        XCTAssertEqual(groups.first?["calls"]?.numberLiteral, "1")
        XCTAssertEqual(groups.first?["missed"]?.numberLiteral, "0")
    }

    func testSummaryNumbers() throws {
        var live = LiveViews()
        // c1 answered after 10 s, talks 60 s; c2 missed; c3 still ringing; c4 (urlnetworks) answered, 30 s.
        live.add(line: line("1", "call.ringing", call: "c1", at: "2023-11-14T09:00:00.000Z"))
        live.add(line: line("2", "call.answered", call: "c1", at: "2023-11-14T09:00:10.000Z"))
        live.add(line: line("3", "call.hangup", call: "c1", at: "2023-11-14T09:01:10.000Z", outcome: "answered", talk: 60))
        live.add(line: line("4", "call.ringing", call: "c2", at: "2023-11-14T10:00:00.000Z"))
        live.add(line: line("5", "call.hangup", call: "c2", at: "2023-11-14T10:00:20.000Z", outcome: "no_answer"))
        live.add(line: line("6", "call.ringing", call: "c3", at: "2023-11-14T10:30:00.000Z"))
        live.add(line: line("7", "call.ringing", call: "c4", vendor: "urlnetworks", at: "2023-11-14T10:40:00.000Z"))
        live.add(line: line("8", "call.hangup", call: "c4", vendor: "urlnetworks", at: "2023-11-14T10:41:00.000Z",
                            outcome: "answered", talk: 30, answeredAt: "2023-11-14T10:40:04.000Z"))
        let body = String(decoding: live.summaryJSON(by: .vendor, since: nil), as: UTF8.self)
        XCTAssertEqual(body, #"{"since":null,"by":"vendor","groups":["#
            + #"{"group":"urlnetworks","calls":1,"answered":1,"missed":0,"answer_rate":1.000,"talk_seconds_total":30,"talk_seconds_average":30.000,"seconds_to_answer_average":4.000,"busiest_hour":10},"#
            + #"{"group":"voipnow","calls":3,"answered":1,"missed":1,"answer_rate":0.500,"talk_seconds_total":60,"talk_seconds_average":60.000,"seconds_to_answer_average":10.000,"busiest_hour":10}]}"#)
        let since = try XCTUnwrap(JSONParser.parse(live.summaryJSON(by: .day, since: "2023-11-14T10:15:00Z")).get()["groups"]?.arrayValue)
        XCTAssertEqual(since.count, 1)
        XCTAssertEqual(since[0]["calls"]?.numberLiteral, "3")   // the hour of since counts whole
    }

    func testRebuildFromTheTail() throws {
        let path = NSTemporaryDirectory() + "live-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        defer { unlink(path) }
        let lines = [line("1", "call.ringing", call: "a", at: "2023-11-14T09:00:00.000Z"),
                     line("2", "call.ringing", call: "b", at: "2023-11-14T09:00:01.000Z"),
                     line("3", "call.hangup", call: "a", at: "2023-11-14T09:00:30.000Z", outcome: "busy")]
        let text = lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let now = try XCTUnwrap(Timestamp(rfc3339: "2023-11-14T09:01:00.000Z")).milliseconds
        let live = try LiveViews.rebuilt(fromTailOf: path, nowMilliseconds: now)
        XCTAssertEqual(live.active.all.map(\.callID), ["b"])
        XCTAssertEqual(live.recent.entries.map(\.id), ["1", "2", "3"])
        let missing = try LiveViews.rebuilt(fromTailOf: path + ".none", nowMilliseconds: now)
        XCTAssertEqual(missing.active.count, 0)
    }
}
