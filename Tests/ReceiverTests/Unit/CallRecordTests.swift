import CallEvents
import XCTest
@testable import Receiver
import TestSupport

/// `callhook calls`: events of four vendors' calls, read in any order and some twice, make the
/// same rows.
final class CallRecordTests: XCTestCase {
    typealias Vendor = OpsPayloads.Vendor

    /// What a call's row must say; times are seconds since the epoch.
    struct Expected: Equatable, CustomStringConvertible {
        var vendor: String
        var callID: String
        var started: Int?
        var answered: Int?
        var ended: Int?
        var outcome: String?
        var talkSeconds: Int?
        var from: String?
        var to: String?
        var events: Int

        init(_ record: CallRecord) {
            func seconds(_ text: String?) -> Int? {
                text.flatMap(Timestamp.init(rfc3339:)).map { Int($0.milliseconds / 1000) }
            }
            self.init(vendor: record.vendor, callID: record.callID, started: seconds(record.started),
                      answered: seconds(record.answered), ended: seconds(record.ended), outcome: record.outcome,
                      talkSeconds: record.talkSeconds, from: record.from, to: record.to, events: record.eventsSeen)
        }

        init(vendor: String, callID: String, started: Int?, answered: Int?, ended: Int?, outcome: String?,
             talkSeconds: Int?, from: String? = OpsPayloads.caller, to: String? = OpsPayloads.callee, events: Int) {
            self.vendor = vendor
            self.callID = callID
            self.started = started
            self.answered = answered
            self.ended = ended
            self.outcome = outcome
            self.talkSeconds = talkSeconds
            self.from = from
            self.to = to
            self.events = events
        }

        var description: String {
            "\(vendor):\(callID) started \(started.map(String.init) ?? "-") answered \(answered.map(String.init) ?? "-") "
                + "ended \(ended.map(String.init) ?? "-") \(outcome ?? "-") talk \(talkSeconds.map(String.init) ?? "-") "
                + "\(from ?? "-") → \(to ?? "-") events \(events)"
        }
    }

    static let base = 1_700_000_000

    /// Two calls per vendor, one answered and one not, each started a minute after the last;
    /// each event received when it happened (ringing +1 s, answer +5 s, end +35 s or +20 s).
    static func scenario() -> (events: [LoggedEvent], expected: [Expected]) {
        var events: [LoggedEvent] = []
        var expected: [Expected] = []
        var start = base
        for vendor in Vendor.allCases {
            for answered in [true, false] {
                let id = "\(vendor.rawValue.prefix(2))\(start)"
                let payloads = OpsPayloads.call(vendor, id: vendor == .voipstudio ? String(start) : id, start: start, answered: answered)
                let offsets = answered ? [1, 5, 35] : [1, 20]
                for (payload, offset) in zip(payloads, offsets) {
                    events.append(.make(payload, receivedAt: start + offset))
                }
                expected.append(expectedRow(vendor, id: vendor == .voipstudio ? String(start) : id, start: start, answered: answered))
                start += 60
            }
        }
        return (events, expected)
    }

    /// What each vendor's payloads tell: VoipNow's have no times (received times stand in);
    /// URL Networks' give start and end but no answer time; talk time runs from the answered
    /// event to the end where the vendor does not report it.
    static func expectedRow(_ vendor: Vendor, id: String, start: Int, answered: Bool) -> Expected {
        let end = start + (answered ? 35 : 20)
        let events = answered ? 3 : 2
        switch vendor {
        case .voipnow:
            return Expected(vendor: "voipnow", callID: id, started: start + 1, answered: answered ? start + 5 : nil, ended: end,
                            outcome: answered ? "answered" : "no_answer", talkSeconds: answered ? 30 : nil, events: events)
        case .urlnetworks:
            return Expected(vendor: "urlnetworks", callID: id, started: start, answered: answered ? start + 5 : nil, ended: end,
                            outcome: answered ? "answered" : "missed", talkSeconds: answered ? 30 : nil, events: events)
        case .voipstudio:
            return Expected(vendor: "voipstudio", callID: id, started: start, answered: answered ? start + 5 : nil, ended: end,
                            outcome: answered ? "answered" : "missed", talkSeconds: answered ? 30 : nil, events: events)
        case .impactpbx:
            return Expected(vendor: "impactpbx", callID: id, started: start, answered: answered ? start + 5 : nil, ended: end,
                            outcome: answered ? "answered" : "no_answer", talkSeconds: answered ? 30 : nil, events: events)
        }
    }

    func rows(_ events: [LoggedEvent]) -> [Expected] {
        var correlator = CallCorrelator()
        events.forEach { correlator.add($0) }
        return correlator.sorted.map(Expected.init)
    }

    func testEventsInOrderMakeOneRowPerCallOfEveryVendor() {
        let (events, expected) = Self.scenario()
        XCTAssertEqual(rows(events), expected)
    }

    func testShuffledAndRedeliveredEventsMakeTheSameRows() {
        let (events, expected) = Self.scenario()
        var random = SplitMix64(seed: 42)
        for round in 0..<20 {
            // A retry is the same delivery later: same key, another id and received time.
            var mixed = events
            for event in events where Bool.random(using: &random) {
                mixed.append(retry(event, after: 3))
            }
            mixed.shuffle(using: &random)
            XCTAssertEqual(rows(mixed), expected, "round \(round)")
        }
    }

    func testLateRingingDoesNotReopenAnEndedCall() {
        let payloads = OpsPayloads.call(.impactpbx, id: "late", start: Self.base, answered: true)
        let hangup = LoggedEvent.make(payloads[2], receivedAt: Self.base + 35)
        let lateRinging = LoggedEvent.make(payloads[0], receivedAt: Self.base + 90)
        var call = CallRecord(vendor: "impactpbx", callID: "late")
        call.add(hangup)
        call.add(lateRinging)
        XCTAssertEqual(call.state, "answered")
        XCTAssertEqual(call.ended, Timestamp(milliseconds: Int64(Self.base + 35) * 1000).rfc3339)
        XCTAssertEqual(call.eventsSeen, 2)
    }

    func testLateRingingWithoutVendorTimesStillLeavesTheCallEnded() {
        // VoipNow sends no times: the ringing received after the hangup is all there is to go on.
        let payloads = OpsPayloads.call(.voipnow, id: "vn-late", start: Self.base, answered: false)
        var call = CallRecord(vendor: "voipnow", callID: "vn-late")
        call.add(.make(payloads[1], receivedAt: Self.base + 20))
        call.add(.make(payloads[0], receivedAt: Self.base + 21))
        XCTAssertEqual(call.state, "no_answer")
        XCTAssertEqual(call.outcome, "no_answer")
    }

    func testAnsweredWithoutHangupIsInCallAndRingingAloneIsRinging() {
        let payloads = OpsPayloads.call(.voipstudio, id: "77", start: Self.base, answered: true)
        var call = CallRecord(vendor: "voipstudio", callID: "77")
        call.add(.make(payloads[0], receivedAt: Self.base + 1))
        XCTAssertEqual(call.state, "ringing")
        call.add(.make(payloads[1], receivedAt: Self.base + 5))
        XCTAssertEqual(call.state, "in call")
        XCTAssertNil(call.ended)
    }

    func testHangupOutranksAMissedEventWhicheverIsReadFirst() {
        let missed = LoggedEvent.make(json: #"{"id":"1","key":"k1","vendor":"voipstudio","type":"call.missed","call_id":"9","outcome":"missed","ended_at":"2023-11-14T22:13:40.000Z"}"#)
        let hangup = LoggedEvent.make(json: #"{"id":"2","key":"k2","vendor":"voipstudio","type":"call.hangup","call_id":"9","outcome":"cancelled","ended_at":"2023-11-14T22:13:39.000Z","talk_seconds":0}"#)
        for order in [[missed, hangup], [hangup, missed]] {
            var call = CallRecord(vendor: "voipstudio", callID: "9")
            order.forEach { call.add($0) }
            XCTAssertEqual(call.outcome, "cancelled")
            XCTAssertEqual(call.talkSeconds, 0)
            XCTAssertEqual(call.ended, "2023-11-14T22:13:40.000Z", "ended is the latest terminal time")
        }
    }

    func testTalkTimeTheVendorReportsWinsOverAnsweredToEnded() {
        let reported = LoggedEvent.make(json: #"{"id":"1","key":"a","vendor":"impactpbx","type":"call.hangup","call_id":"t","outcome":"answered","answered_at":"2023-11-14T22:13:20.000Z","ended_at":"2023-11-14T22:14:20.900Z","talk_seconds":57}"#)
        var call = CallRecord(vendor: "impactpbx", callID: "t")
        call.add(reported)
        XCTAssertEqual(call.talkSeconds, 57)
        let derived = LoggedEvent.make(json: #"{"id":"1","key":"a","vendor":"impactpbx","type":"call.hangup","call_id":"t","outcome":"answered","answered_at":"2023-11-14T22:13:20.000Z","ended_at":"2023-11-14T22:14:20.900Z","talk_seconds":null}"#)
        var other = CallRecord(vendor: "impactpbx", callID: "t")
        other.add(derived)
        XCTAssertEqual(other.talkSeconds, 60, "whole seconds, rounded down")
    }

    func testNoTalkTimeBeforeTheCallEnds() {
        let answered = LoggedEvent.make(json: #"{"id":"1","key":"a","vendor":"impactpbx","type":"call.answered","call_id":"t","answered_at":"2023-11-14T22:13:20.000Z"}"#)
        var call = CallRecord(vendor: "impactpbx", callID: "t")
        call.add(answered)
        XCTAssertNil(call.talkSeconds)
    }

    func testTheSameDeliveryTwiceCountsOnce() {
        let payload = OpsPayloads.call(.urlnetworks, id: "u1", start: Self.base, answered: true)[2]
        let first = LoggedEvent.make(payload, receivedAt: Self.base + 35)
        var call = CallRecord(vendor: "urlnetworks", callID: "u1")
        call.add(first)
        call.add(retry(first, after: 10))
        XCTAssertEqual(call.eventsSeen, 1)
    }

    func testARedeliveryReadBeforeTheFirstCopyDoesNotMoveTheEventsTime() {
        // VoipNow has no times of its own: the received time of the first copy is when it happened.
        let answer = LoggedEvent.make(OpsPayloads.call(.voipnow, id: "vn1", start: Self.base, answered: true)[1],
                                      receivedAt: Self.base + 5)
        var call = CallRecord(vendor: "voipnow", callID: "vn1")
        call.add(retry(answer, after: 60))
        call.add(answer)
        XCTAssertEqual(call.answered, Timestamp(milliseconds: Int64(Self.base + 5) * 1000).rfc3339)
        XCTAssertEqual(call.eventsSeen, 1)
    }

    /// The same line with a new id and a received time `seconds` later: a redelivery.
    private func retry(_ event: LoggedEvent, after seconds: Int64) -> LoggedEvent {
        guard case .object(var members) = event.value else { fatalError() }
        let received = Timestamp(rfc3339: event.string("received_at")!)!
        for i in members.indices {
            if members[i].key == "id" { members[i].value = .string(event.string("id")! + "-retry") }
            if members[i].key == "received_at" { members[i].value = .string(Timestamp(milliseconds: received.milliseconds + seconds * 1000).rfc3339) }
        }
        var writer = JSONWriter(capacity: 1024)
        writer.value(.object(members))
        return LoggedEvent(line: writer.bytes)!
    }
}
