import CallEvents
import XCTest
@testable import Receiver

/// `vendors`: declared definitions compiled at load, each mistake with its JSON path, routes
/// naming them, shipped names overridden with a note.
final class ConfigurationLoaderVendorsTests: XCTestCase {
    private func config(_ vendors: String, route vendor: String = "voipnow") -> String {
        #"{"vendors": \#(vendors), "routes": [{"name": "a", "path": "/a", "vendor": "\#(vendor)", "secret": "s"}]}"#
    }

    private let acme = #"""
        {"acme": {"body": "json", "detect": ["event", "data.call_uuid"], "event": "event",
                  "types": {"call.ended": {"type": "call.hangup", "outcome": "answered"}, "*": "unknown"},
                  "fields": {"call_id": "data.call_uuid", "from.number": {"inbound": "data.external", "outbound": "data.line"},
                             "talk_seconds": {"path": "data.talk_ms", "unit": "ms"}},
                  "key": ["data.call_uuid", "event", "timestamp"]}}
        """#

    func testADeclaredVendorLoadsAndARouteNamesIt() throws {
        let loaded = try XCTUnwrap(loadedConfiguration(config(acme, route: "acme")))
        let vendors = loaded.configuration.vendors
        XCTAssertEqual(vendors.declared.map(\.name), ["acme"])
        XCTAssertEqual(loaded.configuration.routes[0].vendor, .vendor(try XCTUnwrap(vendors.vendor(named: "acme"))))
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(ConfigurationLoader.overrideNotes(vendors), [])
    }

    func testWithoutVendorsTheCatalogIsTheBuiltInOne() throws {
        XCTAssertEqual(try XCTUnwrap(loadedConfiguration("{\(minimalRoutes)}")).configuration.vendors, .builtIn)
        XCTAssertEqual(try XCTUnwrap(loadedConfiguration(config("{}"))).configuration.vendors, .builtIn)
    }

    func testARouteCannotNameAnUndeclaredVendor() {
        XCTAssertEqual(configurationErrors(config(acme, route: "acne")), [
            #"$.routes[0].vendor: unknown vendor "acne" (expected one of voipnow, urlnetworks, voipstudio, impactpbx, twilio, zoom, ringcentral, aircall, telnyx, dialpad, vonage, acme or auto)"#,
        ])
    }

    func testOverridingAShippedVendorIsAllowedAndNoted() throws {
        let loaded = try XCTUnwrap(loadedConfiguration(config(#"{"twilio": {"body": "form", "detect": "CallSid"}}"#, route: "twilio")))
        XCTAssertEqual(loaded.configuration.vendors.overridden, ["twilio"])
        XCTAssertEqual(ConfigurationLoader.overrideNotes(loaded.configuration.vendors),
                       [#"$.vendors.twilio: overrides the shipped definition of "twilio""#])
        XCTAssertEqual(loaded.configuration.routes[0].vendor.definitionSource, #"{"body":"form","detect":"CallSid"}"#)
    }

    /// One row a mistake: the definition and the one error line it gives.
    func testEveryMistakeIsAnErrorWithItsPath() {
        let table: [(String, String)] = [
            (#"[]"#, "$.vendors: expected an object of vendor definitions by name, got an array"),
            (#"{"acme": []}"#, "$.vendors.acme: a vendor definition is an object"),
            (#"{"voipnow": {}}"#, #"$.vendors.voipnow: "voipnow" is a coded vendor's name; choose another name"#),
            (#"{"auto": {}}"#, #"$.vendors.auto: "auto" is a coded vendor's name (auto detects); choose another name"#),
            (#"{"Acme": {}}"#, #"$.vendors.Acme: a vendor name is up to 32 lowercase letters, digits, "-" or "_", starting with a letter"#),
            (#"{"acme": {}, "acme": {}}"#, "$.vendors.acme: duplicate key"),
            (#"{"acme": {"bodi": "json"}}"#, "$.vendors.acme.bodi: unknown key"),
            (#"{"acme": {"body": "xml"}}"#, #"$.vendors.acme.body: expected "json", "form" or "jwt""#),
            (#"{"acme": {"detect": []}}"#, "$.vendors.acme.detect: expected a path or a non-empty list of paths"),
            (#"{"acme": {"detect": ["a..b"]}}"#, #"$.vendors.acme.detect.0: bad path "a..b""#),
            (#"{"acme": {"types": {}}}"#, #"$.vendors.acme.types: needs "event""#),
            (#"{"acme": {"event": "e", "types": {"x": "call.rung"}}}"#, #"$.vendors.acme.types.x: unknown type "call.rung""#),
            (#"{"acme": {"event": "e", "types": {"x": {"type": "call.hangup", "outcome": "meh"}}}}"#,
             #"$.vendors.acme.types.x.outcome: unknown outcome "meh""#),
            (#"{"acme": {"fields": {"from.nmber": "x"}}}"#, "$.vendors.acme.fields.from.nmber: unknown CallEvent field"),
            (#"{"acme": {"fields": {"caller": "x"}}}"#, "$.vendors.acme.fields.caller: unknown CallEvent field"),
            (#"{"acme": {"fields": {"call_id": "data."}}}"#, #"$.vendors.acme.fields.call_id: bad path "data.""#),
            (#"{"acme": {"fields": {"call_id": 7}}}"#, "$.vendors.acme.fields.call_id: expected a path, a list of paths or an object"),
            (#"{"acme": {"fields": {"direction": {"path": "d", "map": {"in": "sideways"}}}}}"#,
             #"$.vendors.acme.fields.direction.map.in: not a direction: "sideways""#),
            (#"{"acme": {"fields": {"outcome": {"value": "meh"}}}}"#, #"$.vendors.acme.fields.outcome.value: not an outcome: "meh""#),
            (#"{"acme": {"fields": {"call_id": {"path": "c", "unit": "ms"}}}}"#, "$.vendors.acme.fields.call_id.unit: only a duration has a unit"),
            (#"{"acme": {"fields": {"talk_seconds": {"path": "t", "unit": "min"}}}}"#,
             #"$.vendors.acme.fields.talk_seconds.unit: expected "s", "ms" or "us""#),
            (#"{"acme": {"fields": {"direction": {"inbound": "a"}}}}"#, "$.vendors.acme.fields.direction: direction cannot depend on itself"),
            (#"{"acme": {"fields": {"to.number": {"inbound": {"outbound": "a"}}}}}"#,
             "$.vendors.acme.fields.to.number.inbound: direction sources do not nest"),
            (#"{"acme": {"fields": {"call_id": {"path": "c", "color": "red"}}}}"#, "$.vendors.acme.fields.call_id.color: unknown key"),
            (#"{"acme": {"key": "x.\\"}}"#, #"$.vendors.acme.key: bad path "x.\""#),
            (#"{"acme": {"verify": "hmac"}}"#, "$.vendors.acme.verify: expected an object"),
        ]
        for (vendors, expected) in table {
            XCTAssertEqual(configurationErrors(config(vendors)), [expected], vendors)
        }
    }

    func testEveryBadDefinitionIsReportedInOneRun() {
        let errors = configurationErrors(config(#"{"one": {"bodi": 1}, "two": {"body": "xml"}}"#, route: "one"))
        XCTAssertEqual(errors, [
            "$.vendors.one.bodi: unknown key",
            #"$.vendors.two.body: expected "json", "form" or "jwt""#,
            #"$.routes[0].vendor: unknown vendor "one" (expected one of voipnow, urlnetworks, voipstudio, impactpbx, twilio, zoom, ringcentral, aircall, telnyx, dialpad, vonage or auto)"#,
        ])
    }
}

private extension VendorChoice {
    /// The definition as written, compact, for comparing.
    var definitionSource: String? {
        guard case .vendor(let vendor) = self, let source = vendor.definition?.source else { return nil }
        var w = JSONWriter()
        w.value(source)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
