@testable import CallEvents
import XCTest
import TestKit

/// A JSON payload is read into a `JSONTape` and only what the vendor reaches is built
/// (CallEventDecoder.decodeTaped). Every line must be the one the parsed payload gives, byte
/// for byte: the same lookups, the same `raw`.
final class TapeDecodingTests: XCTestCase {
    /// Reads every construct a lookup meets: nested objects, array indices, names spelled with
    /// capitals and spaces, a duplicate member (the first wins), a container where text is wanted.
    static let definition = #"""
    {
      "body": "json",
      "event": "ev",
      "types": {"end": "call.hangup", "ring": "call.ringing", "*": "unknown"},
      "fields": {
        "call_id": ["missing", "call.id"],
        "direction": {"path": "call.dir", "map": {"in": "inbound", "out": "outbound"}},
        "from.number": {"inbound": "call.from", "outbound": "call.to"},
        "to.number": {"inbound": "call.to", "outbound": "call.from"},
        "from.name": "parties.0.name",
        "to.name": "parties.1.name",
        "extension": "call.agent",
        "cause": "call.nested",
        "occurred_at": "at",
        "started_at": "call.times.start",
        "ended_at": "call.times.end",
        "talk_seconds": {"path": "call.talk_ms", "unit": "ms"},
        "recording": "call.rec\\.url"
      },
      "key": ["call.id", "at"]
    }
    """#

    static let payloads = [
        #"{"ev":"end","at":1700000065,"call":{"ID":"c-1","dir":"in","from":"+14155551234","to":" 4420","Agent":"x1","nested":{"a":1},"times":{"start":1700000000,"end":1700000065},"talk_ms":61100,"rec.url":"https://r/1"},"parties":[{"name":"Jane"},{"name":"Adam"}]}"#,
        "{ \"ev\" : \"ring\" ,\n \"at\": \"2026-11-21T08:09:10.5+01:00\",\t\"call\": {\"id\": \"c 2\", \"dir\": \"out\", \"from\": \"101\", \"to\": \"+3312\" } }",
        #"{"ev":"end","call":{"id":"dup-first","id":"dup-second","Call ID":"spaced"},"parties":[]}"#,
        #"{"ev":"end","call":{"id":"tab\there \"quoted\" back\\slash","dir":"in"},"parties":[{"name":"Zoë 漢字 🙂"}]}"#,
        #"{"ev":"end","call":{"id":"slash\/and\u00e9","dir":"in"}}"#,
        #"{"ev":"end","call":{"id":7e2,"agent":true,"times":{"start":-0.5,"end":null}},"at":12.5E+1}"#,
        #"{"ev":"end","nümber":"ü","call":{"id":"c-9","to":["+1","+2"],"dir":"in"}}"#,
        #"[{"ev":"end"},{"call":{"id":"in-array"}}]"#,
        #"{}"#,
        #"{"ev":{},"call":[],"parties":[[],{}]}"#,
    ]

    func testEveryLineIsTheLineOfTheParsedPayload() throws {
        let definition = try compile(Self.definition)
        for (n, text) in Self.payloads.enumerated() {
            let body = Array(text.utf8)
            try assertSameLine(body, definition, "payload \(n)")
        }
    }

    /// The tape stands for these payloads (compact text known, names without escapes), so the
    /// comparison above compares the two paths and not one with itself.
    func testTheTapeTakesPlainPayloadsAndLeavesTheRest() {
        func taken(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { JSONParser.tape($0) != nil }
        }
        for n in [0, 1, 2, 3, 5, 6, 7, 8, 9] { XCTAssertTrue(taken(Self.payloads[n]), "payload \(n)") }
        XCTAssertFalse(taken(Self.payloads[4]), "\\/ and \\u escapes are written back otherwise")
        XCTAssertFalse(taken(#"{"c\u0061ll":1}"#), "an escaped name")
        XCTAssertFalse(taken(#"{"a":"caf\u00e9"}"#), "a \\u escape in a value")
        XCTAssertFalse(Array([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE9, 0x22, 0x7D]).withUnsafeBufferPointer {
            JSONParser.tape($0) != nil
        }, "not UTF-8: read as ISO-8859-1, which the writer spells otherwise")
        XCTAssertFalse(taken(#"{"a":1,}"#), "not JSON")
        XCTAssertFalse(taken(#"{"a":1e999}"#), "out of range")
        XCTAssertFalse(taken(String(repeating: "[", count: 200) + String(repeating: "]", count: 200)), "too deep")
    }

    /// Malformed bodies get the parser's own message, whichever path read them first.
    func testAMalformedBodyIsRejectedAsBefore() throws {
        let definition = try compile(Self.definition)
        for text in [#"{"a":1,}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, #"{"a":1e999}"#, "{\"a\":\"\u{01}\"}", #"{"a":1} x"#] {
            let delivery = Delivery(method: "POST", contentType: "application/json", body: Array(text.utf8),
                                    id: Mock.id, receivedAt: Mock.receivedAt, route: "test", source: Mock.source)
            let viaTape = CallEventDecoder.decode(delivery, as: .vendor(.declared(definition)))
            guard case .failure(let failure) = viaTape, case .failure(let parsed) = Payload.decodeBody(Array(text.utf8), contentType: "application/json") else {
                XCTFail("\(text) decoded")
                continue
            }
            XCTAssertEqual(failure.message, parsed.message, text)
        }
    }

    /// Every shipped vendor's documented JSON and JWT deliveries, through both paths.
    func testEveryShippedFixtureGivesTheLineOfItsParsedPayload() throws {
        for vendor in ["aircall", "dialpad", "ringcentral", "telnyx", "vonage", "zoom"] {
            let definition = try XCTUnwrap(Vendor.named(vendor)?.definition)
            for fixture in try ShippedFixture.all(vendor) where fixture.contentType != "application/x-www-form-urlencoded" {
                let json = fixture.contentType == "application/jwt" ? try XCTUnwrap(JWTBody.json(in: fixture.body)).bytes : fixture.body
                XCTAssertTrue(json.withUnsafeBufferPointer { JSONParser.tape($0) != nil }, "\(vendor)/\(fixture.name): read by the tape")
                try assertSameLine(fixture.body, definition, "\(vendor)/\(fixture.name)", contentType: fixture.contentType, json: json)
            }
        }
    }

    /// The coded vendors' JSON documents, through both paths, with a query beside the body.
    func testEveryCodedJSONFixtureGivesTheLineOfItsParsedPayload() throws {
        for (n, text) in VendorFixtures.validJSON.enumerated() {
            let body = Array(text.utf8)
            XCTAssertTrue(body.withUnsafeBufferPointer { JSONParser.tape($0) != nil }, "fixture \(n): read by the tape")
            for vendor in [Vendor.impactpbx, .voipstudio, .voipnow, .urlnetworks] {
                let delivery = Delivery(method: "POST", contentType: "application/json", body: body, query: Array("token=t&extra=1&ref=q".utf8),
                                        hint: "end", id: Mock.id, receivedAt: Mock.receivedAt, route: "test", source: Mock.source)
                guard case .success(let taped) = CallEventDecoder.decode(delivery, as: .vendor(vendor)),
                      case .success(let parsed) = CallEventDecoder.decode(raw: Mock.json(text), query: Mock.form("extra=1&ref=q"), as: .vendor(vendor),
                                                                          hint: "end", id: Mock.id, receivedAt: Mock.receivedAt,
                                                                          route: "test", source: Mock.source) else {
                    XCTFail("fixture \(n) as \(vendor): did not decode")
                    continue
                }
                XCTAssertEqual(String(decoding: taped.jsonLine(), as: UTF8.self), String(decoding: parsed.jsonLine(), as: UTF8.self), "fixture \(n) as \(vendor)")
            }
        }
    }

    /// `raw` of a taped event is parsed from its text when asked, and equals the parsed payload.
    func testRawIsTheParsedPayloadWhenAskedFor() throws {
        let definition = try compile(Self.definition)
        let body = Array(Self.payloads[1].utf8)
        guard case .success(let event) = CallEventDecoder.decode(delivery(body), as: .vendor(.declared(definition))) else {
            return XCTFail("did not decode")
        }
        XCTAssertNotNil(event.payload.text)
        XCTAssertEqual(event.raw, Mock.json(Self.payloads[1]))
        var changed = event
        changed.raw = .object([])
        XCTAssertNil(changed.payload.text, "a new raw drops the text")
        XCTAssertTrue(String(decoding: changed.jsonLine(), as: UTF8.self).hasSuffix(#","raw":{},"query":null}"#))
        XCTAssertNotEqual(changed, event)
    }

    // MARK: - Helpers

    private func compile(_ text: String) throws -> DeclaredDefinition {
        try DeclaredCompiler.compile(name: "acme", Mock.json(text), at: "vendors.acme")
    }

    private func delivery(_ body: [UInt8], contentType: String = "application/json") -> Delivery {
        Delivery(method: "POST", contentType: contentType, body: body, id: Mock.id, receivedAt: Mock.receivedAt,
                 route: "test", source: Mock.source)
    }

    /// The line of `body` delivered against the line of its payload decoded after parsing.
    private func assertSameLine(_ body: [UInt8], _ definition: DeclaredDefinition, _ label: String,
                                contentType: String = "application/json", json: [UInt8]? = nil,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        guard case .success(let taped) = CallEventDecoder.decode(delivery(body, contentType: contentType), as: .vendor(.declared(definition))) else {
            return XCTFail("\(label): did not decode", file: file, line: line)
        }
        guard case .success(let raw) = JSONParser.parse(json ?? body),
              case .success(let parsed) = CallEventDecoder.decode(raw: raw, query: nil, as: .vendor(.declared(definition)), hint: nil,
                                                                  id: Mock.id, receivedAt: Mock.receivedAt, route: "test", source: Mock.source) else {
            return XCTFail("\(label): the parsed payload did not decode", file: file, line: line)
        }
        XCTAssertEqual(String(decoding: taped.jsonLine(), as: UTF8.self), String(decoding: parsed.jsonLine(), as: UTF8.self), label, file: file, line: line)
        XCTAssertEqual(taped, parsed, label, file: file, line: line)
    }
}
