@testable import CallEvents
import XCTest
import TestKit

final class VoIPstudioTests: XCTestCase {
    func testHangupExample() {
        let raw = Mock.json(VendorFixtures.voipstudioHangup)
        var e = Mock.event(.voipstudio, raw: raw)
        e.type = .hangup
        e.vendorEvent = "call.hangup"
        e.key = "voipstudio:uk003.608920d55f7ac3.77053295"
        e.callID = "139543232"
        e.direction = .inbound
        e.from = Party(number: "447854740947", name: "\"442035141598\" <2035141598>")
        e.to = Party(number: "441183211001", name: "John Smith")
        e.outcome = .answered
        e.cause = "Normal Clearing"
        e.occurredAt = Mock.time("2021-04-28T08:46:13.000Z")
        e.startedAt = Mock.time("2021-04-28T08:45:55.000Z")
        e.answeredAt = Mock.time("2021-04-28T08:46:02.000Z")
        e.endedAt = Mock.time("2021-04-28T08:46:13.000Z")
        e.durationSeconds = 18
        e.talkSeconds = 11
        assertEvent(Mock.decode(raw, as: .vendor(.voipstudio)), e)
    }

    func testEachEventNameMapsToItsType() {
        let table: [(String, EventType)] = [
            ("call.initial", .initiated), ("call.ringing", .ringing), ("call.connected", .answered),
            ("call.hold", .hold), ("call.unhold", .unhold), ("call.dtmf", .dtmf), ("call.missed", .missed),
            ("call.hangup", .hangup), ("sms.received", .smsReceived), ("queue.wrapup", .queueWrapup),
            ("call.transferred", .unknown),
        ]
        for (name, type) in table {
            let event = Mock.decode(.object([JSONMember("event_name", .string(name))]), as: .vendor(.voipstudio))
            XCTAssertEqual(event?.type, type, name)
            XCTAssertEqual(event?.vendorEvent, name)
        }
    }

    func testEndedAtIsTheEventTimeOnlyForHangupAndMissed() {
        for (name, ends) in [("call.hangup", true), ("call.missed", true), ("call.connected", false), ("call.dtmf", false)] {
            let event = Mock.decode(.object([JSONMember("event_name", .string(name)),
                                             JSONMember("event_time", .string("2021-04-28 08:46:13"))]),
                                    as: .vendor(.voipstudio))
            XCTAssertEqual(event?.occurredAt, Mock.time("2021-04-28T08:46:13Z"), name)
            XCTAssertEqual(event?.endedAt, ends ? Mock.time("2021-04-28T08:46:13Z") : nil, name)
        }
    }

    func testUnansweredHangupIsMissed() {
        let event = Mock.decode(Mock.json(#"{"event_name":"call.hangup","connected_at":null,"id":"a"}"#),
                                as: .vendor(.voipstudio))
        XCTAssertEqual(event?.outcome, .missed)
        XCTAssertNil(event?.answeredAt)
    }

    func testMissedEventIsMissed() {
        let event = Mock.decode(Mock.json(#"{"event_name":"call.missed","context":"QUEUE"}"#), as: .vendor(.voipstudio))
        XCTAssertEqual(event?.outcome, .missed)
    }

    func testOutcomeIsOnlySetOnHangupAndMissed() {
        let event = Mock.decode(Mock.json(#"{"event_name":"call.connected","connected_at":"2021-04-28 08:46:02"}"#),
                                as: .vendor(.voipstudio))
        XCTAssertNil(event?.outcome)
    }

    func testDestinationGivesDirection() {
        for (destination, direction) in [("in", Direction.inbound), ("out", .outbound), ("OUT", .outbound)] {
            let event = Mock.decode(.object([JSONMember("event_name", .string("call.ringing")),
                                             JSONMember("destination", .string(destination))]), as: .vendor(.voipstudio))
            XCTAssertEqual(event?.direction, direction, destination)
        }
        let other = Mock.decode(.object([JSONMember("destination", .string("sideways"))]), as: .vendor(.voipstudio))
        XCTAssertNil(other?.direction)
    }

    func testSMSUsesFromNoAndToNo() {
        let raw = Mock.json("""
        {"id":"uk003.1","event_time":"2021-04-28 09:00:00","event_name":"sms.received","customer_id":12,
         "user_id":null,"from_no":"447854740947","to_no":"441183211001","text":"hello"}
        """)
        var e = Mock.event(.voipstudio, raw: raw)
        e.type = .smsReceived
        e.vendorEvent = "sms.received"
        e.key = "voipstudio:uk003.1"
        e.from = Party(number: "447854740947")
        e.to = Party(number: "441183211001")
        e.occurredAt = Mock.time("2021-04-28T09:00:00Z")
        assertEvent(Mock.decode(raw, as: .vendor(.voipstudio)), e)
    }

    func testDTMFExtraAttributesStayInRaw() {
        let raw = Mock.json(#"{"id":"e1","event_name":"call.dtmf","call_id":1,"dtmf_tag":"*","dtmf_target":"U:123456"}"#)
        let event = Mock.decode(raw, as: .vendor(.voipstudio))
        XCTAssertEqual(event?.type, .dtmf)
        XCTAssertEqual(event?.callID, "1")
        XCTAssertEqual(event?.raw["dtmf_tag"], .string("*"))
    }

    func testTalkSecondsAreComputedWhenThereIsNoDuration() {
        let raw = Mock.json(#"{"event_name":"call.hangup","connected_at":"2021-04-28 08:46:02","event_time":"2021-04-28 08:46:13"}"#)
        XCTAssertEqual(Mock.decode(raw, as: .vendor(.voipstudio))?.talkSeconds, 11)
    }

    func testKeyFallsBackToAHashWithoutEventID() {
        let event = Mock.decode(Mock.json(#"{"event_name":"call.ringing","call_id":5}"#), as: .vendor(.voipstudio))
        XCTAssertEqual(event?.key.hasPrefix("voipstudio:raw:"), true, event?.key ?? "")
    }
}
