@testable import CallEvents
import XCTest
import TestKit

final class URLNetworksTests: XCTestCase {
    let uuid = "709e1d5e-2067-41af-88c4-77b0c761c718"

    /// What the documented examples share.
    func base(_ raw: JSONValue, method: String, type: EventType, extensionEvent: Bool) -> CallEvent {
        var e = Mock.event(.urlnetworks, raw: raw)
        e.type = type
        e.vendorEvent = method
        e.callID = uuid
        e.key = "urlnetworks:\(uuid):\(type.rawValue):" + (extensionEvent ? "EXTENSION_USERID" : "")
        e.direction = .inbound
        e.from = Party(number: "0390085900", name: "test")
        e.to = Party(number: "NUMBER_DIALED", name: extensionEvent ? "EXTENSION_NAME" : nil)
        e.extension = extensionEvent ? "EXTENSION_USERID" : nil
        e.startedAt = Mock.time("2019-11-16T00:51:58Z")
        return e
    }

    func testIncomingRingingExample() {
        let raw = Mock.form(VendorFixtures.urlIncomingRinging)
        let expected = base(raw, method: "incoming_ringing", type: .ringing, extensionEvent: false)
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks)), expected)
    }

    func testIncomingHangupExample() {
        let raw = Mock.form(VendorFixtures.urlIncomingHangup)
        var expected = base(raw, method: "incoming_hangup_success", type: .hangup, extensionEvent: false)
        expected.outcome = .answered
        expected.endedAt = Mock.time("2019-11-17T07:51:29Z")
        expected.durationSeconds = 1_573_977_089 - 1_573_865_518
        expected.recording = "https://127.0.0.1/call-recording-test"
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks)), expected)
        XCTAssertEqual(raw["call_completed"], .string(""), "a name without = is kept as an empty string")
    }

    func testExtensionRingingExample() {
        let raw = Mock.form(VendorFixtures.urlExtensionRinging)
        let expected = base(raw, method: "extension_ringing", type: .ringing, extensionEvent: true)
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks)), expected)
        XCTAssertEqual(raw["display_from"], .string(" 0312341234"), "raw keeps what form decoding made of the +")
    }

    func testExtensionAnsweredExampleIsAnsweredDespiteItsRingingMethod() {
        let raw = Mock.form(VendorFixtures.urlExtensionAnswered)
        let expected = base(raw, method: "extension_ringing", type: .answered, extensionEvent: true)
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks)), expected)
    }

    func testExtensionHangupExampleNeedsTheHintAsItCarriesNoEvidence() {
        let raw = Mock.form(VendorFixtures.urlExtensionHangup)
        XCTAssertEqual(Mock.decode(raw, as: .vendor(.urlnetworks))?.type, .ringing)
        var expected = base(raw, method: "extension_ringing", type: .hangup, extensionEvent: true)
        expected.outcome = .unknown
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks), hint: "hangup"), expected)
    }

    func testExtensionHangupWithCauseIsAHangupDespiteItsRingingMethod() {
        let raw = Mock.form(VendorFixtures.urlExtensionHangup + "&hangup_cause=USER_BUSY")
        var expected = base(raw, method: "extension_ringing", type: .hangup, extensionEvent: true)
        expected.outcome = .busy
        expected.cause = "USER_BUSY"
        assertEvent(Mock.decode(raw, as: .vendor(.urlnetworks)), expected)
    }

    func testEachMethodMapsToItsType() {
        let table: [(String, EventType)] = [
            ("incoming_ringing", .ringing), ("extension_ringing", .ringing), ("extension_answered", .answered),
            ("incoming_hangup_success", .hangup), ("incoming_hangup_missed", .hangup), ("extension_hangup", .hangup),
            ("voicemail_left", .unknown),
        ]
        for (method, type) in table {
            let event = Mock.decode(Mock.form("call_event_uuid=u&method=\(method)"), as: .vendor(.urlnetworks))
            XCTAssertEqual(event?.type, type, method)
            XCTAssertEqual(event?.vendorEvent, method)
        }
    }

    func testHangupOutcomes() {
        let table: [(String, Outcome)] = [
            ("method=incoming_hangup_success", .answered), ("method=incoming_hangup_missed", .missed),
            ("method=extension_hangup&hangup_cause=NO_ANSWER", .noAnswer),
            ("method=extension_hangup&hangup_cause=NORMAL_CLEARING", .unknown),
            ("method=extension_hangup", .unknown),
        ]
        for (form, outcome) in table {
            XCTAssertEqual(Mock.decode(Mock.form(form), as: .vendor(.urlnetworks))?.outcome, outcome, form)
        }
    }

    func testHintBeatsEvidenceAndMethod() {
        let table: [(String, String, EventType)] = [
            ("ringing", "method=extension_answered&hangup_cause=USER_BUSY", .ringing),
            ("answered", "method=extension_ringing&hangup_cause=USER_BUSY", .answered),
            ("hangup", "method=extension_ringing&agent_uuid=a", .hangup),
            ("Answered", "method=incoming_ringing", .answered),
            ("bogus", "method=extension_ringing&agent_uuid=a", .answered),   // unknown hints are ignored
        ]
        for (hint, form, type) in table {
            XCTAssertEqual(Mock.decode(Mock.form(form), as: .vendor(.urlnetworks), hint: hint)?.type, type, "\(hint) \(form)")
        }
    }

    func testEvidenceBeatsMethod() {
        let table: [(String, EventType)] = [
            ("method=extension_ringing&hangup_cause=", .hangup),           // present, even empty
            ("method=extension_answered&hangup_cause=NO_ANSWER", .hangup),
            ("method=extension_ringing&agent_uuid=b05b", .answered),
            ("method=extension_hangup&agent_uuid=b05b", .hangup),          // agent_uuid never undoes a hangup
            ("agent_uuid=b05b&hangup_cause=USER_BUSY", .hangup),
        ]
        for (form, type) in table {
            XCTAssertEqual(Mock.decode(Mock.form(form), as: .vendor(.urlnetworks))?.type, type, form)
        }
    }

    func testDirectionSpellings() {
        let table: [(String, Direction?)] = [
            ("direction=inbound_external", .inbound), ("direction=outbound_external", .outbound),
            ("direction=internal", .internal), ("direction=internal_extension", .internal),
            ("description=inbound_external", .inbound), ("description=outbound_pstn", .outbound),
            ("description=internal", .internal), ("direction=INBOUND_EXTERNAL", .inbound),
            ("direction=sideways&description=outbound_x", .outbound), ("direction=sideways", nil),
        ]
        for (form, direction) in table {
            XCTAssertEqual(Mock.decode(Mock.form(form), as: .vendor(.urlnetworks))?.direction, direction, form)
        }
    }

    func testUnescapedPlusInFromIsRestored() {
        let event = Mock.decode(Mock.form("from=+61312341234&external_did=+61398765432&caller_name=+Bob+"),
                                as: .vendor(.urlnetworks))
        XCTAssertEqual(event?.from.number, "+61312341234")
        XCTAssertEqual(event?.to.number, "+61398765432")
        XCTAssertEqual(event?.from.name, "Bob", "names are trimmed, never repaired")
    }
}
