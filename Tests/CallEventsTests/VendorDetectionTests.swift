@testable import CallEvents
import XCTest
import TestKit

final class VendorDetectionTests: XCTestCase {
    func detect(_ raw: JSONValue, query: JSONValue? = nil) -> Vendor? {
        VendorDetection.detect(Fields(raw: raw, query: query))
    }

    func testEachVendorExample() {
        XCTAssertEqual(detect(Mock.json(VendorFixtures.impactHangup)), .impactpbx)
        XCTAssertEqual(detect(Mock.json(VendorFixtures.voipstudioHangup)), .voipstudio)
        XCTAssertEqual(detect(Mock.form(VendorFixtures.urlIncomingRinging)), .urlnetworks)
        XCTAssertEqual(detect(Mock.form(VendorFixtures.urlExtensionAnswered)), .urlnetworks)
        XCTAssertEqual(detect(Mock.form(VendorFixtures.voipnowDialInQuery)), .voipnow)
        XCTAssertEqual(detect(Mock.form(VendorFixtures.voipnowHangupForm)), .voipnow)
    }

    func testEachRule() {
        let table: [(String, Vendor?)] = [
            ("ref=a&action=hangup", .impactpbx),
            ("ref=a", nil),
            ("action=hangup", nil),
            ("event_name=call.ringing", .voipstudio),
            ("call_event_uuid=u", .urlnetworks),
            ("method=incoming_ringing&service_id=1", .urlnetworks),
            ("method=incoming_ringing", nil),
            ("CallID=c", .voipnow),
            ("CallFlow=IN", .voipnow),
            ("callstatus=BUSY", .voipnow),
            ("Call ID=c", .voipnow),
            ("hello=world", nil),
        ]
        for (form, vendor) in table {
            XCTAssertEqual(detect(Mock.form(form)), vendor, form)
        }
    }

    func testOrderWhenSeveralMatch() {
        XCTAssertEqual(detect(Mock.form("CallID=c&event_name=x&ref=r&action=a")), .impactpbx)
        XCTAssertEqual(detect(Mock.form("CallID=c&event_name=x&call_event_uuid=u")), .voipstudio)
        XCTAssertEqual(detect(Mock.form("CallID=c&call_event_uuid=u")), .urlnetworks)
    }

    func testQueryFieldsCountToo() {
        XCTAssertEqual(detect(.object([]), query: Mock.form("CallID=c")), .voipnow)
    }

    func testNonObjectPayloadIsNotRecognized() {
        XCTAssertNil(detect(Mock.json(#"[{"ref":"a","action":"hangup"}]"#)))
        XCTAssertNil(detect(.string("ref")))
    }

    func testAutoRouteFailsWith422WhenNothingMatches() {
        let result = CallEventDecoder.decode(raw: Mock.form("hello=world"), query: nil, as: .auto, hint: nil,
                                             id: Mock.id, receivedAt: Mock.receivedAt, route: "any", source: Mock.source)
        guard case .failure(let failure) = result else { return XCTFail("must not decode") }
        XCTAssertEqual(failure, DecodeFailure(.vendorNotRecognized, "vendor not recognized"))
    }

    func testAutoRouteDecodesAsTheDetectedVendor() {
        let event = Mock.decode(Mock.json(VendorFixtures.impactHangup), as: .auto, route: "any")
        XCTAssertEqual(event?.vendor, .impactpbx)
        XCTAssertEqual(event?.type, .hangup)
        XCTAssertEqual(event?.route, "any")
    }
}
