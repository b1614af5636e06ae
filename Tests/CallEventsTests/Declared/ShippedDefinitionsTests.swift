@testable import CallEvents
import XCTest

/// The seven shipped definitions (Documentation.docc/Vendors.md, "The seven shipped
/// definitions") against the deliveries of the vendors' own documents: every event name a
/// definition maps has a fixture, and each fixture gives its full expected line.
final class ShippedDefinitionsTests: XCTestCase {
    static let vendors = ["twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage"]

    func testAllSevenCompileInDetectionOrder() {
        XCTAssertEqual(ShippedDefinitions.all.map(\.name), Self.vendors)
        for name in Self.vendors {
            XCTAssertEqual(Vendor.named(name)?.kind, .declared, name)
        }
    }

    func testEveryFixtureGivesItsExpectedLine() throws {
        for vendor in Self.vendors {
            let definition = try XCTUnwrap(ShippedDefinitions.named(vendor), vendor)
            let fixtures = try ShippedFixture.all(vendor)
            XCTAssertFalse(fixtures.isEmpty, vendor)
            for fixture in fixtures {
                let label = "\(vendor)/\(fixture.name)"
                switch CallEventDecoder.decode(fixture.delivery, as: .vendor(.declared(definition))) {
                case .success(let event): assertLine(event.jsonLine(), fixture.expectedLine, label)
                case .failure(let failure): XCTFail("\(label): \(failure.message)")
                }
            }
        }
    }

    /// Each event name in a definition's `types` is one the vendor documents, so each needs a
    /// delivery of its own in the fixtures.
    func testEveryMappedEventNameHasAFixture() throws {
        for vendor in Self.vendors {
            let definition = try XCTUnwrap(ShippedDefinitions.named(vendor))
            var seen: Set<String> = []
            for fixture in try ShippedFixture.all(vendor) {
                let line = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(fixture.expectedLine)) as? [String: Any])
                if let name = line["vendor_event"] as? String { seen.insert(name.lowercased()) }
            }
            let mapped = Set(definition.types.exact.keys)
            XCTAssertEqual(mapped.subtracting(seen).sorted(), [], "\(vendor): event names without a fixture")
        }
    }

    /// A name the definition does not map still gives a line, of type `unknown`, with `raw`.
    func testAnUnmappedEventIsKeptAsUnknown() throws {
        let fixture = try XCTUnwrap(ShippedFixture.all("aircall").first { $0.name == "call.tagged" })
        guard case .success(let event) = CallEventDecoder.decode(fixture.delivery, as: .vendor(try XCTUnwrap(Vendor.named("aircall")))) else {
            return XCTFail("no event")
        }
        XCTAssertEqual(event.type, .unknown)
        XCTAssertEqual(event.vendorEvent, "call.tagged")
        XCTAssertNil(event.outcome)
    }

    /// The caller is `from` whichever side is the vendor's user: Zoom's `callee_*` events are
    /// inbound, `caller_*` outbound, and the extension is the user's side.
    func testZoomSidesFollowTheEventName() throws {
        let zoom = try XCTUnwrap(Vendor.named("zoom"))
        let fixtures = try ShippedFixture.all("zoom")
        for fixture in fixtures {
            guard case .success(let event) = CallEventDecoder.decode(fixture.delivery, as: .vendor(zoom)) else { return XCTFail(fixture.name) }
            XCTAssertEqual(event.direction, fixture.name.hasPrefix("callee_") ? .inbound : .outbound, fixture.name)
            XCTAssertEqual(event.extension, fixture.name.hasPrefix("callee_") ? "1002" : "1001", fixture.name)
            XCTAssertEqual(event.from.number, "+12058945123", fixture.name)
        }
    }

    /// Dialpad's `contact` is the outside party: `from` inbound, `to` outbound.
    func testDialpadContactSwapsSidesWithTheDirection() throws {
        let dialpad = try XCTUnwrap(Vendor.named("dialpad"))
        for (name, from, to) in [("ringing", "+14155551234", "+14155559876"), ("calling", "+14155559876", "+14155551234")] {
            let fixture = try XCTUnwrap(ShippedFixture.all("dialpad").first { $0.name == name })
            guard case .success(let event) = CallEventDecoder.decode(fixture.delivery, as: .vendor(dialpad)) else { return XCTFail(name) }
            XCTAssertEqual(event.from.number, from, name)
            XCTAssertEqual(event.to.number, to, name)
        }
    }

    /// The signed Dialpad delivery and its plain twin give one line: the JWT's payload is `raw`,
    /// the token is not kept.
    func testDialpadSignedAndPlainGiveTheSameLine() throws {
        let fixtures = try ShippedFixture.all("dialpad")
        let signed = try XCTUnwrap(fixtures.first { $0.name == "hangup-signed" })
        let plain = try XCTUnwrap(fixtures.first { $0.name == "hangup" })
        XCTAssertEqual(signed.expectedLine, plain.expectedLine)
        guard case .success(let event) = CallEventDecoder.decode(signed.delivery, as: .vendor(try XCTUnwrap(Vendor.named("dialpad")))) else {
            return XCTFail("no event")
        }
        let line = String(decoding: event.jsonLine(), as: UTF8.self)
        XCTAssertFalse(line.contains(String(decoding: signed.body.prefix(20), as: UTF8.self)), "the token is not in the line")
    }
}
