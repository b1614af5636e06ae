@testable import CallEvents
import XCTest
import TestKit

final class ImpactPBXTests: XCTestCase {
    let ref = "460a36b6-09e7-466b-97d8-903c8cf4fc6c"

    /// What every event of the documented outbound call shares.
    func base(_ raw: JSONValue, action: String, type: EventType, timestamp: String) -> CallEvent {
        var e = Mock.event(.impactpbx, raw: raw)
        e.type = type
        e.vendorEvent = action
        // The leg is the documented call's `channel_uuid`.
        e.key = "impactpbx:\(ref):\(action):8967dafb-f8b6-4d68-9eb7-f3cce82596c8:\(timestamp)"
        e.callID = ref
        e.direction = .outbound
        e.from = Party(number: "+442035040000")
        e.to = Party(number: "0035799123456")
        e.extension = "1002"
        e.occurredAt = Mock.time(timestamp)
        e.startedAt = Mock.time("2020-01-29T07:45:19.489Z")
        return e
    }

    func testOriginateExample() {
        let raw = Mock.json(VendorFixtures.impactOriginate)
        let expected = base(raw, action: "originate", type: .initiated, timestamp: "2020-01-29T07:45:20.000+00:00")
        assertEvent(Mock.decode(raw, as: .vendor(.impactpbx)), expected)
    }

    func testRingExample() {
        let raw = Mock.json(VendorFixtures.impactRing)
        let expected = base(raw, action: "ring", type: .ringing, timestamp: "2020-01-29T07:45:26.000+00:00")
        assertEvent(Mock.decode(raw, as: .vendor(.impactpbx)), expected)
    }

    func testAnswerExample() {
        let raw = Mock.json(VendorFixtures.impactAnswer)
        var expected = base(raw, action: "answer", type: .answered, timestamp: "2020-01-29T07:45:36.000+00:00")
        expected.answeredAt = Mock.time("2020-01-29T07:45:35.169Z")
        assertEvent(Mock.decode(raw, as: .vendor(.impactpbx)), expected)
    }

    func testHangupExample() {
        let raw = Mock.json(VendorFixtures.impactHangup)
        var expected = base(raw, action: "hangup", type: .hangup, timestamp: "2020-01-29T07:45:40.000+00:00")
        expected.answeredAt = Mock.time("2020-01-29T07:45:35.169Z")
        expected.endedAt = Mock.time("2020-01-29T07:45:39.549Z")
        expected.outcome = .answered
        expected.cause = "NORMAL_CLEARING"
        expected.durationSeconds = 20
        expected.talkSeconds = 4
        expected.recording = ref
        assertEvent(Mock.decode(raw, as: .vendor(.impactpbx)), expected)
    }

    func testFailedExampleAsDocumentedIsRejectedForTheMissingComma() {
        let delivery = Mock.delivery(contentType: "application/json", body: VendorFixtures.impactFailedAsDocumented)
        guard case .failure(let failure) = CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) else {
            return XCTFail("a malformed JSON body must be rejected")
        }
        XCTAssertEqual(failure.reason, .malformed)
        XCTAssertEqual(failure.vendor, .impactpbx)
        XCTAssertTrue(failure.message.contains("invalid JSON"), failure.message)
    }

    func testFailedExampleCorrected() {
        let raw = Mock.json(VendorFixtures.impactFailed)
        var e = Mock.event(.impactpbx, raw: raw)
        e.type = .failed
        e.vendorEvent = "failed"
        // No `channel_uuid` and no `dialed_user`: the leg part is empty.
        e.key = "impactpbx:\(ref):failed::2020-01-29T07:45:20.000+00:00"
        e.callID = ref
        e.direction = .outbound
        e.from = Party(number: "1002")
        e.to = Party(number: "+11111")
        e.extension = "1002"
        e.outcome = .failed
        e.cause = "NO_ROUTE"
        e.occurredAt = Mock.time("2020-01-29T07:45:20.000Z")
        e.startedAt = Mock.time("2020-01-29T07:45:19.489Z")
        // `call_end_uepoch` names 07:45:19, `call_end` 07:45:20: they disagree, so the text stands.
        e.endedAt = Mock.time("2020-01-29T07:45:20.000Z")
        e.durationSeconds = 0
        assertEvent(Mock.decode(raw, as: .vendor(.impactpbx)), e)
    }

    func testFailedWithoutReasonFallsBackToCause() {
        let event = Mock.decode(.object([JSONMember("ref", .string("r")), JSONMember("action", .string("failed")),
                                         JSONMember("cause", .string("USER_NOT_REGISTERED"))]), as: .vendor(.impactpbx))
        XCTAssertEqual(event?.cause, "USER_NOT_REGISTERED")
        XCTAssertEqual(event?.outcome, .failed)
    }

    func testEachActionMapsToItsType() {
        let table: [(String, EventType)] = [("originate", .initiated), ("ring", .ringing), ("answer", .answered),
                                            ("hangup", .hangup), ("failed", .failed), ("HANGUP", .hangup),
                                            ("transfer", .unknown)]
        for (action, type) in table {
            let event = Mock.decode(.object([JSONMember("action", .string(action))]), as: .vendor(.impactpbx))
            XCTAssertEqual(event?.type, type, action)
            XCTAssertEqual(event?.vendorEvent, action)
        }
    }

    func testInboundExtensionIsTheDialedUser() {
        let event = Mock.decode(.object([JSONMember("action", .string("ring")), JSONMember("direction", .string("inbound")),
                                         JSONMember("ani", .string("0035799123456")),
                                         JSONMember("dialed_user", .string("1003"))]), as: .vendor(.impactpbx))
        XCTAssertEqual(event?.direction, .inbound)
        XCTAssertEqual(event?.extension, "1003")
    }

    func testUnansweredHangupTakesItsOutcomeFromTheCause() {
        let table: [(String, Outcome)] = [("USER_BUSY", .busy), ("NO_ANSWER", .noAnswer),
                                          ("ORIGINATOR_CANCEL", .cancelled), ("NORMAL_CLEARING", .unknown)]
        for (cause, outcome) in table {
            let event = Mock.decode(.object([JSONMember("action", .string("hangup")), JSONMember("cause", .string(cause))]),
                                    as: .vendor(.impactpbx))
            XCTAssertEqual(event?.outcome, outcome, cause)
            XCTAssertEqual(event?.cause, cause)
        }
    }

    func testAnsweredHangupIsAnsweredWhateverTheCause() {
        let event = Mock.decode(.object([JSONMember("action", .string("hangup")), JSONMember("cause", .string("USER_BUSY")),
                                         JSONMember("answer_start", .string("2020-01-29T07:45:35.000+00:00"))]),
                                as: .vendor(.impactpbx))
        XCTAssertEqual(event?.outcome, .answered)
    }

    func testZeroMicrosecondTwinMeansNotAnswered() {
        let raw = Mock.json(#"{"action":"hangup","cause":"NO_ANSWER","answer_start_uepoch":0,"answer_start":""}"#)
        let event = Mock.decode(raw, as: .vendor(.impactpbx))
        XCTAssertNil(event?.answeredAt)
        XCTAssertEqual(event?.outcome, .noAnswer)
    }

    func testISOTimeIsUsedWhenTheMicrosecondTwinIsMissing() {
        let event = Mock.decode(.object([JSONMember("action", .string("ring")),
                                         JSONMember("call_start", .string("2020-01-29T09:45:19.000+02:00"))]),
                                as: .vendor(.impactpbx))
        XCTAssertEqual(event?.startedAt, Mock.time("2020-01-29T07:45:19.000Z"))
    }

    func testInvalidTimeIsNullNotAReject() {
        let event = Mock.decode(.object([JSONMember("action", .string("ring")), JSONMember("call_start", .string("soon")),
                                         JSONMember("call_start_uepoch", .string("x"))]), as: .vendor(.impactpbx))
        XCTAssertNotNil(event)
        XCTAssertNil(event?.startedAt)
    }

    func testKeyFallsBackToAHashWithoutTimestamp() {
        let event = Mock.decode(.object([JSONMember("ref", .string("r")), JSONMember("action", .string("ring"))]),
                                as: .vendor(.impactpbx))
        XCTAssertEqual(event?.key.hasPrefix("impactpbx:raw:"), true, event?.key ?? "")
    }
}
