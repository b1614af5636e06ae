@testable import CallEvents
import XCTest
import TestKit

final class DecodingTests: XCTestCase {
    func decode(_ delivery: Delivery, as choice: VendorChoice,
                file: StaticString = #filePath, line: UInt = #line) -> CallEvent? {
        switch CallEventDecoder.decode(delivery, as: choice) {
        case .success(let event): return event
        case .failure(let failure):
            XCTFail("unexpected failure: \(failure)", file: file, line: line)
            return nil
        }
    }

    func failure(_ delivery: Delivery, as choice: VendorChoice,
                 file: StaticString = #filePath, line: UInt = #line) -> DecodeFailure? {
        switch CallEventDecoder.decode(delivery, as: choice) {
        case .success(let event):
            XCTFail("must not decode, got \(event.type)", file: file, line: line)
            return nil
        case .failure(let failure): return failure
        }
    }

    func testJSONBodyDecodesWithTheEnvelope() {
        let delivery = Mock.delivery(contentType: "application/json", body: VendorFixtures.impactHangup, route: "impactpbx")
        let event = decode(delivery, as: .vendor(.impactpbx))
        XCTAssertEqual(event?.id, Mock.id)
        XCTAssertEqual(event?.receivedAt, Mock.receivedAt)
        XCTAssertEqual(event?.route, "impactpbx")
        XCTAssertEqual(event?.source, Mock.source)
        XCTAssertEqual(event?.raw, Mock.json(VendorFixtures.impactHangup))
        XCTAssertEqual(event?.type, .hangup)
        XCTAssertNil(event?.query)
    }

    func testFormBodyDecodes() {
        let delivery = Mock.delivery(contentType: "application/x-www-form-urlencoded", body: VendorFixtures.urlExtensionAnswered)
        let event = decode(delivery, as: .vendor(.urlnetworks))
        XCTAssertEqual(event?.raw, Mock.form(VendorFixtures.urlExtensionAnswered))
        XCTAssertEqual(event?.type, .answered)
        XCTAssertEqual(event?.extension, "EXTENSION_USERID")
    }

    func testVoipNowPOSTFormDecodes() {
        let delivery = Mock.delivery(contentType: "application/x-www-form-urlencoded", body: VendorFixtures.voipnowHangupForm,
                                     query: "token=s3cret")
        let event = decode(delivery, as: .vendor(.voipnow))
        XCTAssertEqual(event?.type, .hangup)
        XCTAssertEqual(event?.outcome, .busy)
        XCTAssertEqual(event?.from, Party(number: "0003*002", name: "Front Desk"))
        XCTAssertEqual(event?.to.number, "+40215551234")
        XCTAssertNil(event?.query, "a query holding only the token is no query")
    }

    func testFormBodyWithoutContentTypeIsSniffed() {
        let event = decode(Mock.delivery(body: VendorFixtures.urlIncomingRinging), as: .vendor(.urlnetworks))
        XCTAssertEqual(event?.type, .ringing)
    }

    func testGETReadsTheQueryAndDropsTheToken() {
        let delivery = Mock.delivery(method: "GET", query: "CallID=c&CallStatus=BUSY&token=s3cret", hint: "hangup")
        let event = decode(delivery, as: .vendor(.voipnow))
        XCTAssertEqual(event?.raw, .object([JSONMember("CallID", .string("c")), JSONMember("CallStatus", .string("BUSY"))]))
        XCTAssertNil(event?.query, "a GET's fields are raw, not query")
        XCTAssertEqual(event?.vendorEvent, "hangup")
        XCTAssertFalse(String(decoding: event?.jsonLine() ?? [], as: UTF8.self).contains("s3cret"))
    }

    func testOtherDroppedFieldsAreHonoured() {
        var delivery = Mock.delivery(method: "GET", query: "CallID=c&key=k&token=t")
        delivery.droppedQueryFields = ["key"]
        XCTAssertEqual(decode(delivery, as: .vendor(.voipnow))?.raw,
                       .object([JSONMember("CallID", .string("c")), JSONMember("token", .string("t"))]))
    }

    func testGETWithoutQueryIsAnEmptyUnknownEvent() {
        let event = decode(Mock.delivery(method: "GET"), as: .vendor(.voipnow))
        XCTAssertEqual(event?.raw, .object([]))
        XCTAssertEqual(event?.type, .unknown)
        XCTAssertEqual(event?.key.hasPrefix("voipnow:raw:"), true)
    }

    func testPOSTQueryFieldsAreKeptWithoutTheTokenAndUsedAfterTheBody() {
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"event_name":"call.ringing","id":"e1"}"#,
                                     query: "token=s3cret&destination=out&event_name=ignored")
        let event = decode(delivery, as: .vendor(.voipstudio))
        XCTAssertEqual(event?.query, .object([JSONMember("destination", .string("out")),
                                              JSONMember("event_name", .string("ignored"))]))
        XCTAssertEqual(event?.direction, .outbound, "a field missing from the body is looked up in the query")
        XCTAssertEqual(event?.vendorEvent, "call.ringing", "the body wins over the query")
    }

    func testAutoDetectsEachVendor() {
        let table: [(Delivery, Vendor)] = [
            (Mock.delivery(contentType: "application/json", body: VendorFixtures.impactRing), .impactpbx),
            (Mock.delivery(contentType: "application/json", body: VendorFixtures.voipstudioHangup), .voipstudio),
            (Mock.delivery(contentType: "application/x-www-form-urlencoded", body: VendorFixtures.urlIncomingHangup), .urlnetworks),
            (Mock.delivery(method: "GET", query: VendorFixtures.voipnowDialInQuery), .voipnow),
        ]
        for (delivery, vendor) in table {
            XCTAssertEqual(decode(delivery, as: .auto)?.vendor, vendor)
        }
    }

    func testAutoRejectsAnUnrecognizedPayload() {
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"hello":"world"}"#)
        XCTAssertEqual(failure(delivery, as: .auto), DecodeFailure(.vendorNotRecognized, "vendor not recognized"))
    }

    func testMalformedJSONIsA422NamingTheRoutesVendor() {
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"ref":"a" "action":"ring"}"#)
        let rejected = failure(delivery, as: .vendor(.impactpbx))
        XCTAssertEqual(rejected?.reason, .malformed)
        XCTAssertEqual(rejected?.vendor, .impactpbx)
    }

    func testUnsupportedContentTypeIsA415() {
        let delivery = Mock.delivery(contentType: "image/png", body: "ref=a&action=ring")
        XCTAssertEqual(failure(delivery, as: .vendor(.impactpbx))?.reason, .unsupportedContentType)
    }

    func testJSONArrayIsKeptAsAnUnknownEvent() {
        let body = #"[{"ref":"a","action":"hangup"}]"#
        let event = decode(Mock.delivery(contentType: "application/json", body: body), as: .vendor(.impactpbx))
        XCTAssertEqual(event?.type, .unknown)
        XCTAssertEqual(event?.raw, Mock.json(body))
        XCTAssertNil(event?.callID)
        XCTAssertEqual(event?.key.hasPrefix("impactpbx:raw:"), true)
    }

    func testUnrecognizedEventIsUnknownButDecoded() {
        let event = decode(Mock.delivery(contentType: "application/json", body: #"{"event_name":"call.parked","id":"e9"}"#),
                           as: .vendor(.voipstudio))
        XCTAssertEqual(event?.type, .unknown)
        XCTAssertEqual(event?.vendorEvent, "call.parked")
        XCTAssertEqual(event?.key, "voipstudio:e9")
    }

    func testISO88591FormBytesAreKept() {
        var delivery = Mock.delivery(contentType: "application/x-www-form-urlencoded")
        delivery.body = Array("CallID=c&CallerIDName=Andr".utf8) + [0xE9] + Array("&CallStatus=ANSWER".utf8)
        let event = decode(delivery, as: .vendor(.voipnow))
        XCTAssertEqual(event?.from.name, "André")
        XCTAssertEqual(event?.raw["CallerIDName"], .string("André"))
    }

    func testRetriedDeliveryGetsTheSameKey() {
        for body in [VendorFixtures.urlExtensionRinging, "foo=bar&CallID="] {
            let first = decode(Mock.delivery(body: body), as: .vendor(.voipnow))
            var retry = Mock.delivery(body: body)
            retry.id = "another-id"
            retry.receivedAt = Timestamp(milliseconds: 0)
            XCTAssertEqual(first?.key, decode(retry, as: .vendor(.voipnow))?.key, body)
        }
    }

    func testDifferentEventsOfOneCallGetDifferentKeys() {
        let keys = [VendorFixtures.impactOriginate, VendorFixtures.impactRing, VendorFixtures.impactAnswer,
                    VendorFixtures.impactHangup, VendorFixtures.impactFailed].compactMap {
            decode(Mock.delivery(contentType: "application/json", body: $0), as: .vendor(.impactpbx))?.key
        }
        XCTAssertEqual(Set(keys).count, 5)
    }

    func testDecodeOffline() {
        let result = CallEventDecoder.decodeOffline(body: Array(VendorFixtures.voipstudioHangup.utf8), as: .auto,
                                                    receivedAt: Mock.receivedAt)
        guard case .success(let event) = result else { return XCTFail("must decode") }
        XCTAssertEqual(event.vendor, .voipstudio)
        XCTAssertEqual(event.route, "offline")
        XCTAssertEqual(event.source.addr, "local")
        XCTAssertEqual(event.receivedAt, Mock.receivedAt)
        XCTAssertFalse(event.id.isEmpty)
    }
}
