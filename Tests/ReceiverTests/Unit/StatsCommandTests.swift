import CallEvents
import Foundation
import Live
@testable import Receiver
import XCTest

/// `callhook stats` on a fixture log whose events are shuffled and repeated; every expected
/// figure is worked out by hand in the comments.
final class StatsCommandTests: XCTestCase {
    private static func event(_ id: String, _ type: String, _ call: String, _ at: String, vendor: String = "voipnow",
                              route: String = "office", ext: String = "201", key: String? = nil,
                              outcome: String? = nil, talk: Int? = nil) -> String {
        var w = JSONWriter()
        w.raw(#"{"id":"#); w.string(id)
        w.raw(#","received_at":"#); w.string("2023-11-14T" + at + ".000Z")
        w.raw(#","route":"#); w.string(route)
        w.raw(#","vendor":"#); w.string(vendor)
        w.raw(#","type":"#); w.string(type)
        w.raw(#","key":"#); w.string(key ?? id)
        w.raw(#","call_id":"#); w.string(call)
        w.raw(#","from":{"number":"+100","name":null},"to":{"number":"200","name":null},"extension":"#); w.string(ext)
        w.raw(#","outcome":"#); w.string(outcome)
        w.raw(#","talk_seconds":"#); w.integer(talk)
        w.raw("}")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// voipnow: A answered after 12 s, 300 s talk; B not answered; C answered, still open.
    /// urlnetworks: D answered after 6 s, 120 s talk; E a lone missed event; F failed, its
    /// ringing read after the failure.
    static let fixture: [String] = [
        event("a3", "call.hangup", "A", "09:05:12", outcome: "answered", talk: 300),
        event("b1", "call.ringing", "B", "09:30:00", ext: "202"),
        event("a1", "call.ringing", "A", "09:00:00"),
        event("d2", "call.answered", "D", "14:00:06", vendor: "urlnetworks", route: "cloud", ext: "300"),
        event("b2", "call.hangup", "B", "09:30:25", ext: "202", outcome: "no_answer"),
        event("a2", "call.answered", "A", "09:00:12"),
        "not json at all",
        event("b2-again", "call.hangup", "B", "09:30:26", ext: "202", key: "b2", outcome: "no_answer"),
        event("c1", "call.ringing", "C", "10:15:00"),
        event("d3", "call.hangup", "D", "14:02:06", vendor: "urlnetworks", route: "cloud", ext: "300", outcome: "answered", talk: 120),
        event("a2-again", "call.answered", "A", "09:00:13", key: "a2"),
        event("e1", "call.missed", "E", "14:10:00", vendor: "urlnetworks", route: "cloud", ext: "300", outcome: "missed"),
        event("c2", "call.answered", "C", "10:15:04"),
        event("f1", "call.failed", "F", "15:00:00", vendor: "urlnetworks", route: "cloud", ext: "300", outcome: "failed"),
        event("d1", "call.initiated", "D", "14:00:00", vendor: "urlnetworks", route: "cloud", ext: "300"),
        #"{"id":"s1","vendor":"voipnow","type":"sms.received","call_id":null}"#,
        event("f0", "call.ringing", "F", "14:59:58", vendor: "urlnetworks", route: "cloud", ext: "300"),
        event("b2-third", "call.hangup", "B", "09:30:27", ext: "202", key: "b2", outcome: "no_answer"),
    ]

    private func counted(_ lines: [String] = fixture, since: String? = nil, window: Int = 65_536) -> StatsCounter {
        var counter = StatsCounter(since: since, endedWindow: window)
        for line in lines { counter.add(line: Array(line.utf8)[...]) }
        return counter
    }

    func testByVendor() {
        let table = StatsCommand.table(counted().rows(by: .vendor), by: "vendor")
        // urlnetworks: 3 calls, 1 answered, 2 missed (E, F): 33.3%; talk 120 s; 6 s to answer; all at 14h.
        // voipnow: 3 calls (C open), 1 answered, 1 missed: 50.0%; talk 300 s; 12 s to answer; 2 of 3 at 09h.
        XCTAssertEqual(table, """
            VENDOR       CALLS  ANSWERED  MISSED  RATE   TALK   AVG TALK  TO ANSWER  BUSIEST
            urlnetworks  3      1         2       33.3%  2m00s  2m00s     6.0s       14:00
            voipnow      3      1         1       50.0%  5m00s  5m00s     12.0s      09:00
            """)
    }

    func testAnsweredCallsWithNoKnownTalkTimeShowNoTotalEither() {
        var numbers = CallNumbers()
        numbers.calls = 1
        numbers.answered = 1
        XCTAssertEqual(StatsCommand.table([("urlnetworks", numbers)], by: "vendor"), """
            VENDOR       CALLS  ANSWERED  MISSED  RATE    TALK  AVG TALK  TO ANSWER  BUSIEST
            urlnetworks  1      1         0       100.0%  -     -         -          -
            """)
    }

    func testByExtensionDayAndRoute() {
        let ext = counted().rows(by: .extension)
        XCTAssertEqual(ext.map(\.group), ["201", "202", "300"])
        // 201: A and C; C open counts in calls only: 1 of 1 ended answered.
        XCTAssertEqual(ext[0].numbers.calls, 2)
        XCTAssertEqual(ext[0].numbers.answerRate, 1)
        XCTAssertEqual(ext[0].numbers.busiestHour, 9, "09h and 10h tie: the earlier")
        XCTAssertEqual(ext[1].numbers.answerRate, 0)
        XCTAssertNil(ext[1].numbers.averageTalkSeconds)
        // The day: 6 calls, 2 answered, 3 missed: 40%; talk 420 s, 210 s average; (12 + 6) / 2 = 9 s to answer.
        let day = counted().rows(by: .day)
        XCTAssertEqual(day.map(\.group), ["2023-11-14"])
        XCTAssertEqual(day[0].numbers.calls, 6)
        XCTAssertEqual(day[0].numbers.answered, 2)
        XCTAssertEqual(day[0].numbers.missed, 3)
        XCTAssertEqual(day[0].numbers.talkSeconds, 420)
        XCTAssertEqual(day[0].numbers.averageTalkSeconds, 210)
        XCTAssertEqual(day[0].numbers.averageSecondsToAnswer, 9)
        XCTAssertEqual(day[0].numbers.busiestHour, 14)
        XCTAssertEqual(counted().rows(by: .route).map(\.group), ["cloud", "office"])
        XCTAssertEqual(counted().rows(by: .hour).map(\.group), ["2023-11-14T09", "2023-11-14T10", "2023-11-14T14"])
    }

    func testTheOrderOfTheLinesDoesNotMatter() {
        let expected = counted().rows(by: .vendor).map(\.numbers)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            XCTAssertEqual(counted(Self.fixture.shuffled(using: &generator)).rows(by: .vendor).map(\.numbers), expected)
        }
        XCTAssertEqual(counted(Self.fixture.reversed()).rows(by: .vendor).map(\.numbers), expected)
    }

    func testSinceCountsCallsStartedFromThen() {
        // From 10:00: C (open) for voipnow; D, E, F for urlnetworks.
        let rows = counted(since: "2023-11-14T10:00:00Z").rows(by: .vendor)
        XCTAssertEqual(rows.map(\.group), ["urlnetworks", "voipnow"])
        XCTAssertEqual(rows[1].numbers.calls, 1)
        XCTAssertNil(rows[1].numbers.answerRate)
        XCTAssertEqual(rows[0].numbers.calls, 3)
    }

    func testJSONObjects() {
        var w = JSONWriter()
        let row = counted().rows(by: .vendor)[1]
        LiveViews.write(row.numbers, group: row.group, to: &w)
        XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self),
                       #"{"group":"voipnow","calls":3,"answered":1,"missed":1,"answer_rate":0.500,"talk_seconds_total":300,"talk_seconds_average":300.000,"seconds_to_answer_average":12.000,"busiest_hour":9}"#)
    }

    /// A plain file and a gzip one made by the real `gzip`, read as one log.
    func testPlainAndGzipFiles() throws {
        let dir = NSTemporaryDirectory() + "stats-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let half = Self.fixture.count / 2
        try (Self.fixture[..<half].joined(separator: "\n") + "\n").write(toFile: dir + "/events.jsonl.1", atomically: false, encoding: .utf8)
        try Self.fixture[half...].joined(separator: "\n").write(toFile: dir + "/events.jsonl", atomically: false, encoding: .utf8)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") || FileManager.default.isExecutableFile(atPath: "/bin/gzip") else {
            throw XCTSkip("gzip is not installed")
        }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") ? "/usr/bin/gzip" : "/bin/gzip")
        gzip.arguments = [dir + "/events.jsonl.1"]
        try gzip.run()
        gzip.waitUntilExit()
        var counter = StatsCounter()
        for path in [dir + "/events.jsonl.1.gz", dir + "/events.jsonl"] {
            try LogFileLines.forEach(path: path) { counter.add(line: $0) }
        }
        XCTAssertEqual(counter.rows(by: .vendor).map(\.numbers), counted().rows(by: .vendor).map(\.numbers))
    }

    func testCommandLine() {
        XCTAssertEqual(try CommandLineArguments.parse(["stats", "--by", "day", "--json", "a.gz", "b"]).get(),
                       .stats(.init(by: "day", json: true, files: ["a.gz", "b"])))
        if case .success = CommandLineArguments.parse(["stats", "--by", "week"]) { XCTFail("week is no grouping") }
        if case .success = CommandLineArguments.parse(["stats", "--since", "yesterday"]) { XCTFail("not RFC 3339") }
    }
}
