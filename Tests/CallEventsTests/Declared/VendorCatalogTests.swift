@testable import CallEvents
import XCTest

/// The catalog an `auto` route picks from: the order of Documentation.docc/Vendors.md
/// ("detect"), overrides in the shipped slot, declared vendors last.
final class VendorCatalogTests: XCTestCase {
    func definition(_ name: String, _ text: String) throws -> DeclaredDefinition {
        guard case .success(let value) = JSONParser.parse(Array(text.utf8)) else { throw DeclaredDefinitionError(path: "", message: "bad JSON in test") }
        return try DeclaredCompiler.compile(name: name, value, at: "$.vendors." + name)
    }

    func detect(_ catalog: VendorCatalog, form: String) -> String? {
        VendorDetection.detect(Fields(raw: Mock.form(form), query: nil), catalog: catalog)?.name
    }

    func testBuiltInOrder() {
        XCTAssertEqual(VendorCatalog.builtIn.all.map(\.name),
                       ["impactpbx", "voipstudio", "urlnetworks", "twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage", "voipnow"])
        XCTAssertEqual(VendorCatalog.builtIn.names, ["voipnow", "urlnetworks", "voipstudio", "impactpbx", "twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage"])
    }

    func testShippedBeforeVoipNowSoTwilioIsNotVoipNow() {
        // Twilio's callback carries CallStatus, VoipNow's detection field; its detect is specific.
        XCTAssertEqual(detect(.builtIn, form: "CallSid=CA1&AccountSid=AC1&CallStatus=ringing"), "twilio")
        XCTAssertEqual(detect(.builtIn, form: "CallSid=CA1&CallStatus=ringing"), "voipnow", "detect needs every path")
        XCTAssertEqual(detect(.builtIn, form: "ref=1&action=ring&CallSid=CA1&AccountSid=AC1"), "impactpbx",
                       "the coded three come first")
    }

    func testDeclaredAfterVoipNowInConfigOrder() throws {
        let first = try definition("first", #"{"body": "form", "detect": ["pbx_id"]}"#)
        let second = try definition("second", #"{"body": "form", "detect": ["pbx_id", "leg"]}"#)
        let catalog = VendorCatalog(declaring: [first, second])
        XCTAssertEqual(detect(catalog, form: "pbx_id=1&leg=a"), "first", "config order, not the most specific")
        XCTAssertEqual(detect(VendorCatalog(declaring: [second, first]), form: "pbx_id=1&leg=a"), "second")
        XCTAssertEqual(detect(catalog, form: "pbx_id=1&CallID=c"), "voipnow", "VoipNow before declared vendors")
        XCTAssertEqual(detect(catalog, form: "hello=world"), nil)
        XCTAssertEqual(catalog.all.map(\.name).suffix(3), ["voipnow", "first", "second"])
    }

    func testDeclaredWithoutDetectIsNeverPicked() throws {
        let quiet = try definition("quiet", #"{"body": "form", "event": "e"}"#)
        let catalog = VendorCatalog(declaring: [quiet])
        XCTAssertNil(detect(catalog, form: "e=x"))
        XCTAssertEqual(catalog.detectRule(of: .declared(quiet)), "")
        XCTAssertEqual(catalog.vendor(named: "quiet")?.definition === quiet, true, "still named by routes")
    }

    func testOverrideTakesTheShippedSlot() throws {
        let mine = try definition("twilio", #"{"body": "form", "detect": ["CallSid"], "event": "CallStatus"}"#)
        let catalog = VendorCatalog(declaring: [mine])
        XCTAssertEqual(catalog.overridden, ["twilio"])
        XCTAssertTrue(catalog.declared.isEmpty)
        XCTAssertEqual(catalog.all.map(\.name), ["impactpbx", "voipstudio", "urlnetworks", "twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage", "voipnow"])
        XCTAssertTrue(catalog.vendor(named: "twilio")?.definition === mine)
        XCTAssertEqual(catalog.kind(of: catalog.vendor(named: "twilio")!), .declared)
        XCTAssertEqual(catalog.kind(of: catalog.vendor(named: "aircall")!), .shipped)
        XCTAssertEqual(catalog.kind(of: .voipnow), .coded)
        XCTAssertEqual(detect(catalog, form: "CallSid=CA1&CallStatus=ringing"), "twilio", "the override's detect")
        XCTAssertEqual(catalog.detectRule(of: catalog.vendor(named: "twilio")!), "CallSid")
        XCTAssertEqual(VendorCatalog.builtIn.detectRule(of: VendorCatalog.builtIn.vendor(named: "twilio")!), "CallSid + AccountSid")
    }

    func testNamesAndEquality() throws {
        XCTAssertEqual(VendorCatalog.builtIn.vendor(named: "impactpbx"), .impactpbx)
        XCTAssertNil(VendorCatalog.builtIn.vendor(named: "acme"))
        let a = VendorCatalog(declaring: [try definition("acme", #"{"detect": "x"}"#)])
        let b = VendorCatalog(declaring: [try definition("acme", #"{"detect": "x"}"#)])
        let c = VendorCatalog(declaring: [try definition("acme", #"{"detect": "y"}"#)])
        XCTAssertEqual(a, b, "the same definitions, compiled twice")
        XCTAssertNotEqual(a, c)
        XCTAssertNotEqual(a, .builtIn)
    }

    func testAutoDecodesADeclaredVendor() throws {
        let acme = try definition("acme", #"""
            {"detect": ["acme_call"], "event": "what", "types": {"end": {"type": "call.hangup", "outcome": "busy"}},
             "fields": {"call_id": "acme_call", "cause": "why"}}
            """#)
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"acme_call": "a1", "what": "end", "why": "busy"}"#)
        let decoded = try CallEventDecoder.decode(delivery, as: .auto, catalog: VendorCatalog(declaring: [acme])).get()
        XCTAssertEqual(decoded.vendor.name, "acme")
        XCTAssertEqual(decoded.type, .hangup)
        XCTAssertEqual(decoded.callID, "a1")
        XCTAssertEqual(decoded.outcome, .busy)
        guard case .failure(let failure) = CallEventDecoder.decode(delivery, as: .auto) else {
            return XCTFail("without the catalog nobody knows acme")
        }
        XCTAssertEqual(failure.reason, .vendorNotRecognized)
    }
}
