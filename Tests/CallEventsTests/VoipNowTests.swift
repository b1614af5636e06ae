@testable import CallEvents
import XCTest
import TestKit

final class VoipNowTests: XCTestCase {
    func testDialInGETQueryWithSpacedNames() {
        let delivery = Mock.delivery(method: "GET", query: VendorFixtures.voipnowDialInQuery)
        let raw = Mock.form(VendorFixtures.voipnowDialInQuery)
        var e = Mock.event(.voipnow, raw: raw)
        e.type = .ringing
        e.vendorEvent = "dial-in"
        e.key = "voipnow:1a2b3c4d.5678:call.ringing:0003*001:CALLING"
        e.callID = "1a2b3c4d.5678"
        e.direction = .inbound
        e.from = Party(number: "0040215551234", name: "Jane Doe")
        e.to = Party(number: "0003*001")
        e.extension = "0003*001"
        guard case .success(let event) = CallEventDecoder.decode(delivery, as: .vendor(.voipnow)) else {
            return XCTFail("GET query must decode")
        }
        assertEvent(event, e)
        XCTAssertNil(raw["token"], "the secret never reaches raw")
        XCTAssertEqual(raw["CallerID Num"], .string("0040215551234"))
    }

    func testHangupFormWithKnowledgeBaseNames() {
        let raw = Mock.form(VendorFixtures.voipnowHangupForm)
        var e = Mock.event(.voipnow, raw: raw)
        e.type = .hangup
        e.vendorEvent = "hangup"
        e.key = "voipnow:1a2b3c4d.5678:call.hangup:0003*002:BUSY"
        e.callID = "1a2b3c4d.5678"
        e.direction = .outbound
        e.from = Party(number: "0003*002", name: "Front Desk")
        e.to = Party(number: "+40215551234")
        e.extension = "0003*002"
        e.outcome = .busy
        e.cause = "BUSY"
        assertEvent(Mock.decode(raw, as: .vendor(.voipnow)), e)
    }

    func testHintNamesMapToTypes() {
        let table: [(String, EventType)] = [("dial-in", .ringing), ("dial-out", .initiated), ("hangup", .hangup),
                                            ("answer", .answered), ("Dial-In", .ringing)]
        for (hint, type) in table {
            // The payload says a hangup; the hint wins.
            let event = Mock.decode(Mock.form("CallID=c&CallStatus=ANSWER&CallFlow=IN"), as: .vendor(.voipnow), hint: hint)
            XCTAssertEqual(event?.type, type, hint)
            XCTAssertEqual(event?.vendorEvent, hint.lowercased(), hint)
        }
    }

    func testAnswerHintIsNotAHangupSoHasNoOutcome() {
        let event = Mock.decode(Mock.form("CallID=c&CallStatus=ANSWER&CallFlow=IN"), as: .vendor(.voipnow), hint: "answer")
        XCTAssertNil(event?.outcome)
        XCTAssertNil(event?.cause)
        XCTAssertEqual(event?.key, "voipnow:c:call.answered::ANSWER")
    }

    func testUnknownHintIsIgnored() {
        let event = Mock.decode(Mock.form("CallID=c&CallStatus=CALLING&CallFlow=OUT"), as: .vendor(.voipnow), hint: "later")
        XCTAssertEqual(event?.type, .initiated)
        XCTAssertEqual(event?.vendorEvent, "dial-out")
    }

    func testTypeWithoutHint() {
        let table: [(String, EventType, String?)] = [
            ("CallStatus=CALLING&CallFlow=IN", .ringing, "dial-in"),
            ("CallStatus=CALLING&CallFlow=OUT", .initiated, "dial-out"),
            ("CallStatus=calling&CallFlow=in", .ringing, "dial-in"),
            ("CallStatus=CALLING", .unknown, nil),
            ("CallStatus=ANSWER&CallFlow=IN", .hangup, "hangup"),
            ("CallStatus=UNKNOWN", .hangup, "hangup"),
            ("CallID=c", .unknown, nil),
        ]
        for (form, type, name) in table {
            let event = Mock.decode(Mock.form(form), as: .vendor(.voipnow))
            XCTAssertEqual(event?.type, type, form)
            XCTAssertEqual(event?.vendorEvent, name, form)
        }
    }

    func testHangupOutcomeFromCallStatus() {
        let table: [(String, Outcome)] = [("ANSWER", .answered), ("BUSY", .busy), ("NOANSWER", .noAnswer),
                                          ("CANCEL", .cancelled), ("CONGESTION", .congestion),
                                          ("CHANUNAVAIL", .unavailable), ("UNKNOWN", .unknown), ("Busy", .busy)]
        for (status, outcome) in table {
            let event = Mock.decode(Mock.form("CallID=c&CallFlow=IN&CallStatus=\(status)"), as: .vendor(.voipnow))
            XCTAssertEqual(event?.outcome, outcome, status)
            XCTAssertEqual(event?.cause, status)
        }
    }

    func testHangupHintWithoutStatusHasUnknownOutcome() {
        let event = Mock.decode(Mock.form("CallID=c"), as: .vendor(.voipnow), hint: "hangup")
        XCTAssertEqual(event?.outcome, .unknown)
        XCTAssertNil(event?.cause)
    }

    func testCallIDFallsBackToCallAPIID() {
        XCTAssertEqual(Mock.decode(Mock.form("CallAPIID=api-1&CallStatus=BUSY"), as: .vendor(.voipnow))?.callID, "api-1")
    }

    func testCalledDIDIsTheNumberWithoutCalledNumber() {
        let event = Mock.decode(Mock.form("CallID=c&CalledDID=0040215550000"), as: .vendor(.voipnow))
        XCTAssertEqual(event?.to.number, "0040215550000")
    }

    func testExtensionFollowsTheFlow() {
        let form = "CallID=c&CalledExtension=0003*001&CallerExtension=0003*002"
        XCTAssertEqual(Mock.decode(Mock.form(form + "&CallFlow=IN"), as: .vendor(.voipnow))?.extension, "0003*001")
        XCTAssertEqual(Mock.decode(Mock.form(form + "&CallFlow=OUT"), as: .vendor(.voipnow))?.extension, "0003*002")
        XCTAssertNil(Mock.decode(Mock.form(form), as: .vendor(.voipnow))?.extension)
    }

    func testFieldNamesMatchInAnyCaseAndSpacing() {
        for name in ["CallerIDNum", "CallerID Num", "callerid num", "CALLERIDNUM", "Caller ID Num"] {
            let raw: JSONValue = .object([JSONMember(name, .string("0040215551234"))])
            XCTAssertEqual(Mock.decode(raw, as: .vendor(.voipnow))?.from.number, "0040215551234", name)
        }
    }

    func testHasNoTimes() {
        let event = Mock.decode(Mock.form(VendorFixtures.voipnowHangupForm + "&start_time=1573865518"), as: .vendor(.voipnow))
        XCTAssertNil(event?.startedAt)
        XCTAssertNil(event?.occurredAt)
        XCTAssertNil(event?.durationSeconds)
    }
}
