@testable import CallEvents
import XCTest
import TestKit

final class CallEventLineTests: XCTestCase {
    /// The example of Documentation.docc/EventSchema.md, unwrapped; its `raw` is shortened there.
    let specExample = """
    {"id":"019a8c3e-7c1a-7b2e-9f4d-1c2b3a4d5e6f","received_at":"2026-11-21T08:09:10.123Z",\
    "route":"impactpbx","vendor":"impactpbx","type":"call.hangup","vendor_event":"hangup",\
    "key":"impactpbx:460a36b6-09e7-466b-97d8-903c8cf4fc6c:hangup:8967dafb-f8b6-4d68-9eb7-f3cce82596c8:2020-01-29T07:45:40.000+00:00",\
    "call_id":"460a36b6-09e7-466b-97d8-903c8cf4fc6c","direction":"outbound",\
    "from":{"number":"+442035040000","name":null},"to":{"number":"0035799123456","name":null},\
    "extension":"1002","outcome":"answered","cause":"NORMAL_CLEARING",\
    "occurred_at":"2020-01-29T07:45:40.000Z","started_at":"2020-01-29T07:45:19.489Z",\
    "answered_at":"2020-01-29T07:45:35.169Z","ended_at":"2020-01-29T07:45:39.549Z",\
    "duration_seconds":20,"talk_seconds":4,"recording":"460a36b6-09e7-466b-97d8-903c8cf4fc6c",\
    "source":{"addr":"127.0.0.1","user_agent":"curl/7.88.1"},"raw":{"ref":"460a36b6-...","action":"hangup"},\
    "query":null}
    """

    let fieldOrder = ["id", "received_at", "route", "vendor", "type", "vendor_event", "key", "call_id", "direction",
                      "from", "to", "extension", "outcome", "cause", "occurred_at", "started_at", "answered_at",
                      "ended_at", "duration_seconds", "talk_seconds", "recording", "source", "raw", "query"]

    func members(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [JSONMember] {
        guard case .success(.object(let members)) = JSONParser.parse(bytes) else {
            XCTFail("line is not a JSON object: \(String(decoding: bytes, as: UTF8.self))", file: file, line: line)
            return []
        }
        return members
    }

    func testImpactPBXHangupReproducesTheSpecExample() {
        let raw = Mock.json(VendorFixtures.impactHangup)
        guard let event = Mock.decode(raw, as: .vendor(.impactpbx), route: "impactpbx") else { return }
        let line = event.jsonLine()
        let actual = members(line)
        let expected = members(Array(specExample.utf8))
        XCTAssertEqual(actual.map(\.key), expected.map(\.key))
        for (a, e) in zip(actual, expected) where e.key != "raw" {
            XCTAssertEqual(a.value, e.value, e.key)
        }
        XCTAssertEqual(actual.first { $0.key == "raw" }?.value, raw)
        // Byte for byte apart from raw: same order, no spaces.
        let text = String(decoding: line, as: UTF8.self)
        guard let lineRaw = text.firstRange(of: ",\"raw\":"),
              let specRaw = specExample.firstRange(of: ",\"raw\":") else { return XCTFail("no raw") }
        XCTAssertEqual(text[..<lineRaw.lowerBound], specExample[..<specRaw.lowerBound])
        XCTAssertTrue(text.hasSuffix(",\"query\":null}"))
    }

    func testEveryFieldIsPresentAndNullWhenUnknown() {
        let event = CallEvent(id: "i", receivedAt: Timestamp(milliseconds: 0), route: "r", vendor: .voipnow,
                              source: EventSource(addr: "::1", userAgent: nil), raw: .object([]))
        let line = event.jsonLine()
        let actual = members(line)
        XCTAssertEqual(actual.map(\.key), fieldOrder)
        let nulls = ["vendor_event", "call_id", "direction", "extension", "outcome", "cause", "occurred_at",
                     "started_at", "answered_at", "ended_at", "duration_seconds", "talk_seconds", "recording", "query"]
        for member in actual where nulls.contains(member.key) {
            XCTAssertEqual(member.value, .null, member.key)
        }
        XCTAssertEqual(String(decoding: line, as: UTF8.self), """
        {"id":"i","received_at":"1970-01-01T00:00:00.000Z","route":"r","vendor":"voipnow","type":"unknown",\
        "vendor_event":null,"key":"","call_id":null,"direction":null,"from":{"number":null,"name":null},\
        "to":{"number":null,"name":null},"extension":null,"outcome":null,"cause":null,"occurred_at":null,\
        "started_at":null,"answered_at":null,"ended_at":null,"duration_seconds":null,"talk_seconds":null,\
        "recording":null,"source":{"addr":"::1","user_agent":null},"raw":{},"query":null}
        """)
    }

    func testEveryFieldRoundTrips() {
        var event = Mock.event(.urlnetworks, raw: Mock.json(#"{"n":1.50,"a":[true,null,"x"]}"#))
        event.type = .queueWrapup
        event.vendorEvent = "v"
        event.key = "k"
        event.callID = "c"
        event.direction = .internal
        event.from = Party(number: "+1", name: "A")
        event.to = Party(number: "2", name: "B")
        event.extension = "100"
        event.outcome = .noAnswer
        event.cause = "NO_ANSWER"
        event.occurredAt = Timestamp(milliseconds: 1)
        event.startedAt = Timestamp(milliseconds: 2)
        event.answeredAt = Timestamp(milliseconds: 3)
        event.endedAt = Timestamp(milliseconds: 4)
        event.durationSeconds = -2
        event.talkSeconds = 1234567
        event.recording = "https://r"
        event.query = Mock.form("a=1&a=2")
        let actual = members(event.jsonLine())
        XCTAssertEqual(actual.map(\.key), fieldOrder)
        let values = Dictionary(uniqueKeysWithValues: actual.map { ($0.key, $0.value) })
        let expected: [String: JSONValue] = [
            "id": .string(Mock.id), "received_at": .string("2026-11-21T08:09:10.123Z"), "route": .string("test"),
            "vendor": .string("urlnetworks"), "type": .string("queue.wrapup"), "vendor_event": .string("v"),
            "key": .string("k"), "call_id": .string("c"), "direction": .string("internal"),
            "from": .object([JSONMember("number", .string("+1")), JSONMember("name", .string("A"))]),
            "to": .object([JSONMember("number", .string("2")), JSONMember("name", .string("B"))]),
            "extension": .string("100"), "outcome": .string("no_answer"), "cause": .string("NO_ANSWER"),
            "occurred_at": .string("1970-01-01T00:00:00.001Z"), "started_at": .string("1970-01-01T00:00:00.002Z"),
            "answered_at": .string("1970-01-01T00:00:00.003Z"), "ended_at": .string("1970-01-01T00:00:00.004Z"),
            "duration_seconds": .number("-2"), "talk_seconds": .number("1234567"), "recording": .string("https://r"),
            "source": .object([JSONMember("addr", .string("127.0.0.1")), JSONMember("user_agent", .string("curl/7.88.1"))]),
            "raw": Mock.json(#"{"n":1.50,"a":[true,null,"x"]}"#),
            "query": .object([JSONMember("a", .array([.string("1"), .string("2")]))]),
        ]
        for key in fieldOrder { XCTAssertEqual(values[key], expected[key], key) }
    }

    func testControlCharactersAreEscapedAndTheLineIsOneLine() {
        var event = Mock.event(.voipnow, raw: .object([JSONMember("a\nb", .string("x\u{0}\r\n\u{1F}\"\\"))]))
        event.from.name = "Line\nBreak\u{7F}"
        event.cause = "tab\there"
        let line = event.jsonLine()
        XCTAssertFalse(line.contains { $0 < 0x20 }, "no raw control byte in the line")
        let values = members(line)
        XCTAssertEqual(values.first { $0.key == "from" }?.value["name"], .string("Line\nBreak\u{7F}"))
        XCTAssertEqual(values.first { $0.key == "cause" }?.value, .string("tab\there"))
        XCTAssertEqual(values.first { $0.key == "raw" }?.value, event.raw)
    }

    func testNonASCIITextStaysValidUTF8() {
        var event = Mock.event(.voipnow, raw: Mock.form("CallerIDName=Andr%E9"))   // ISO-8859-1 é
        event.from.name = "André 😀"
        let line = event.jsonLine()
        XCTAssertNotNil(String(validating: line, as: UTF8.self))
        XCTAssertEqual(members(line).first { $0.key == "raw" }?.value["CallerIDName"], .string("André"))
    }

    func testStaticNamesMatchRawValues() {
        func text(_ s: StaticString) -> String { s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
        for v in Vendor.allCases { XCTAssertEqual(text(v.staticName), v.rawValue) }
        for t in EventType.allCases { XCTAssertEqual(text(t.staticName), t.rawValue) }
        for d in Direction.allCases { XCTAssertEqual(text(d.staticName), d.rawValue) }
        for o in Outcome.allCases { XCTAssertEqual(text(o.staticName), o.rawValue) }
    }

    func testEncodeIntoAppendsToAWriter() {
        let event = Mock.event(.voipnow, raw: .object([]))
        var writer = JSONWriter()
        writer.raw("[")
        event.encodeLine(into: &writer)
        writer.raw("]")
        XCTAssertEqual(writer.bytes, Array("[".utf8) + event.jsonLine() + Array("]".utf8))
    }

    /// `jsonLine` (a stack-first buffer, the payload's own text when it has it) and
    /// `encodeLine(into:)` (a writer walking every value) must give the same bytes.
    private func assertBothEncodingsAgree(_ event: CallEvent, file: StaticString = #filePath, line: UInt = #line) {
        var writer = JSONWriter(capacity: 16)
        event.encodeLine(into: &writer)
        XCTAssertEqual(event.jsonLine(), writer.bytes, file: file, line: line)
    }

    func testLineOfADecodedJSONPayloadIsTheLineOfItsValue() {
        for body in VendorFixtures.validJSON + [#"{"a" : "\/\u00e9", "b":[1, 2.50]}"#, #"{"ref":"x","action":"hangup"}"#] {
            let delivery = Mock.delivery(contentType: "application/json", body: body)
            guard case .success(let event) = CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) else {
                XCTFail(body)
                continue
            }
            assertBothEncodingsAgree(event)
        }
    }

    func testLinesPastTheStackBuffer() {
        let long = String(repeating: "\"q\u{1}é", count: 3000)
        var event = Mock.event(.voipnow, raw: .object((0..<50).map { JSONMember("k\($0)", .string(long)) }))
        event.cause = long
        assertBothEncodingsAgree(event)
        XCTAssertGreaterThan(event.jsonLine().count, 100_000)
    }

    func testSettingRawDropsTheDecodedText() {
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"ref":"r","action":"hangup"}"#)
        guard case .success(var event) = CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) else {
            return XCTFail("does not decode")
        }
        XCTAssertNotNil(event.payload.text)
        event.raw = .object([JSONMember("replaced", .bool(true))])
        XCTAssertNil(event.payload.text)
        let line = String(decoding: event.jsonLine(), as: UTF8.self)
        XCTAssertTrue(line.contains(#""raw":{"replaced":true}"#), line)
    }

    func testEqualityIgnoresTheDecodedText() {
        let delivery = Mock.delivery(contentType: "application/json", body: #"{"ref":"r","action":"hangup"}"#)
        guard case .success(let decoded) = CallEventDecoder.decode(delivery, as: .vendor(.impactpbx)) else {
            return XCTFail("does not decode")
        }
        var rebuilt = decoded
        rebuilt.raw = decoded.raw   // same value, text dropped
        XCTAssertNil(rebuilt.payload.text)
        XCTAssertEqual(rebuilt, decoded)
    }

    func testLineCapacityHoldsAFullLineWithoutEscapes() {
        // Every field at its longest fixed form: times set, the longest names, the widest numbers.
        let time = Timestamp(milliseconds: -62_167_219_200_000)
        let event = CallEvent(id: "", receivedAt: time, route: "", vendor: .urlnetworks, type: .initiated,
                              vendorEvent: "", key: "", callID: "", direction: .outbound, from: Party(number: "", name: ""),
                              to: Party(number: "", name: ""), extension: "", outcome: .unavailable, cause: "",
                              occurredAt: time, startedAt: time, answeredAt: time, endedAt: time,
                              durationSeconds: Int.min, talkSeconds: Int.min, recording: "",
                              source: EventSource(addr: "", userAgent: ""), raw: .object([]), query: .object([]))
        XCTAssertLessThanOrEqual(event.jsonLine().count, event.lineCapacity())
        XCTAssertGreaterThan(event.jsonLine().count, 550, "the fixed part the capacity allows for")
        let decoded = Mock.event(.voipnow, raw: Mock.form(VendorFixtures.voipnowHangupForm))
        XCTAssertLessThanOrEqual(decoded.jsonLine().count, decoded.lineCapacity())
    }
}
