@testable import CallEvents
import Foundation
import XCTest

final class DeclaredDefinitionTests: XCTestCase {
    /// The compiler stores sources by `allCases` position and decoding reads them by `ordinal`.
    func testTargetOrdinalsAreTheirPositions() {
        XCTAssertEqual(DeclaredDefinition.Target.allCases.map(\.ordinal), Array(DeclaredDefinition.Target.allCases.indices))
    }

    /// A duration's whole part, as `Int` reads the text before the first `.`, trimmed.
    func testADurationIsTheWholePartOfItsText() {
        let table: [(String, Int?)] = [
            ("61100", 61100), ("61100.0", 61100), (" 42 ", 42), ("+7", 7), ("-0", 0), ("-5", -5), ("007", 7),
            ("12.abc", 12), ("12.", 12), (".5", nil), ("", nil), ("+", nil), ("1e3", nil), ("12a", nil),
            ("9223372036854775807", Int.max), ("9223372036854775808", nil), ("true", nil), ("1 2", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(ASCII.withUTF8(of: text, DeclaredSource.wholePart), expected, text)
        }
    }

    /// Paths into the same object share its hashed names; a path of the same name in a nested
    /// object, in the query, or spelled with spaces and capitals finds its own value.
    func testALookupFindsEachPathInItsOwnObject() throws {
        let raw = try XCTUnwrap(try? JSONParser.parse(Array(#"{"Call ID":"top","data":{"call id":"nested","list":[{"callid":"first"}]}}"#.utf8)).get())
        let query = JSONValue.object([JSONMember("only_here", .string("q"))])
        let lookup = DeclaredLookup(raw: raw, query: query)
        func text(_ path: String) -> String? { DeclaredPath.parse(path).flatMap { lookup.value($0) }.flatMap(Fields.text(of:)) }
        XCTAssertEqual(text("callid"), "top")
        XCTAssertEqual(text("data.callid"), "nested")
        XCTAssertEqual(text("data.list.0.CallID"), "first")
        XCTAssertEqual(text("callid"), "top", "asked again, from the hashes kept")
        XCTAssertEqual(text("only_here"), "q")
        XCTAssertNil(text("data.missing"))
        XCTAssertNil(text("data.list.1.callid"))
    }
    func compile(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> DeclaredDefinition? {
        guard case .success(let value) = JSONParser.parse(Array(text.utf8)) else {
            XCTFail("bad JSON in test", file: file, line: line)
            return nil
        }
        do {
            return try DeclaredCompiler.compile(name: "acme", value, at: "vendors.acme")
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func error(_ text: String) -> String? {
        guard case .success(let value) = JSONParser.parse(Array(text.utf8)) else { return "bad JSON in test" }
        do {
            _ = try DeclaredCompiler.compile(name: "acme", value, at: "vendors.acme")
            return nil
        } catch {
            return error.description
        }
    }

    func decode(_ definition: String, _ payload: String) -> CallEvent? {
        guard let compiled = compile(definition), case .success(let raw) = JSONParser.parse(Array(payload.utf8)) else { return nil }
        return Mock.decode(raw, as: .vendor(.declared(compiled)))
    }

    // MARK: Paths

    func testPaths() {
        let table: [(String, String, String?)] = [
            ("a.b", #"{"a":{"b":"x"}}"#, "x"),
            ("a.1", #"{"a":["x","y"]}"#, "y"),
            ("a.5", #"{"a":["x"]}"#, nil),
            (#"a\\.b"#, #"{"a.b":"x"}"#, "x"),
            ("A.B", #"{"a":{"b":"x"}}"#, "x"),          // names match in any case
            ("a.b", #"{"a":"x"}"#, nil),
        ]
        for (path, payload, want) in table {
            let event = decode(#"{"fields":{"call_id":"\#(path)"}}"#, payload)
            XCTAssertEqual(event?.callID, want, path)
        }
    }

    func testFirstPresentListSkipsEmpty() {
        let event = decode(#"{"fields":{"extension":["a","b"]}}"#, #"{"a":"","b":"7"}"#)
        XCTAssertEqual(event?.extension, "7")
    }

    // MARK: Maps and types

    func testMapExactPrefixDefault() {
        let definition = #"{"fields":{"direction":{"path":"d","map":{"IN":"inbound","out*":"outbound","*":"internal"}}}}"#
        XCTAssertEqual(decode(definition, #"{"d":"in"}"#)?.direction, .inbound)
        XCTAssertEqual(decode(definition, #"{"d":"OUTBOUND-api"}"#)?.direction, .outbound)
        XCTAssertEqual(decode(definition, #"{"d":"other"}"#)?.direction, .internal)
        let noDefault = #"{"fields":{"direction":{"path":"d","map":{"in":"inbound"}}}}"#
        XCTAssertNil(decode(noDefault, #"{"d":"other"}"#)?.direction)
    }

    func testTypeEntrySetsOutcomeAndDirection() {
        let definition = #"{"event":"e","types":{"x.missed":{"type":"call.missed","outcome":"no_answer","direction":"inbound"},"*":"unknown"}}"#
        let event = decode(definition, #"{"e":"x.missed"}"#)
        XCTAssertEqual(event?.type, .missed)
        XCTAssertEqual(event?.outcome, .noAnswer)
        XCTAssertEqual(event?.direction, .inbound)
        XCTAssertEqual(event?.vendorEvent, "x.missed")
        XCTAssertEqual(decode(definition, #"{"e":"y"}"#)?.type, .unknown)
    }

    func testHangupOutcomeFromCauseTable() {
        let definition = #"{"event":"e","types":{"end":"call.hangup"},"fields":{"cause":"c"}}"#
        XCTAssertEqual(decode(definition, #"{"e":"end","c":"USER_BUSY"}"#)?.outcome, .busy)
    }

    // MARK: Direction, constants, units, times, keys

    func testDirectionDependentSource() {
        let definition = #"{"fields":{"direction":"d","from.number":{"inbound":"ext","outbound":"line"}}}"#
        XCTAssertEqual(decode(definition, #"{"d":"inbound","ext":"+1","line":"+2"}"#)?.from.number, "+1")
        XCTAssertEqual(decode(definition, #"{"d":"outbound","ext":"+1","line":"+2"}"#)?.from.number, "+2")
    }

    func testConstantAndUnit() {
        let event = decode(#"{"fields":{"direction":{"value":"outbound"},"talk_seconds":{"path":"t","unit":"ms"}}}"#, #"{"t":4999}"#)
        XCTAssertEqual(event?.direction, .outbound)
        XCTAssertEqual(event?.talkSeconds, 4)
    }

    func testTimesAndDerivedDurations() {
        let event = decode(#"{"fields":{"started_at":"s","ended_at":"e"}}"#, #"{"s":"2020-01-29T07:45:19Z","e":1580283949}"#)
        XCTAssertEqual(event?.durationSeconds, 30)
    }

    func testKeyAndFallback() {
        let definition = #"{"event":"e","types":{"a":"call.answered"},"key":["id","e"]}"#
        XCTAssertEqual(decode(definition, #"{"id":"c1","e":"a"}"#)?.key, "acme:c1:call.answered:a")
        XCTAssertEqual(decode(definition, #"{"e":"a"}"#)?.key.hasPrefix("acme:raw:"), true)
    }

    // MARK: Mistakes, with their JSON paths

    func testErrorsNameTheirPath() {
        let table: [(String, String)] = [
            (#"{"fields":{"from.nmber":"x"}}"#, "vendors.acme.fields.from.nmber: unknown CallEvent field"),
            (#"{"bogus":1}"#, "vendors.acme.bogus: unknown key"),
            (#"{"body":"xml"}"#, #"vendors.acme.body: expected "json", "form" or "jwt""#),
            (#"{"fields":{"call_id":"a..b"}}"#, #"vendors.acme.fields.call_id: bad path "a..b""#),
            (#"{"fields":{"direction":{"path":"d","map":{"in":"sideways"}}}}"#, #"vendors.acme.fields.direction.map.in: not a direction: "sideways""#),
            (#"{"event":"e","types":{"a":"call.exploded"}}"#, #"vendors.acme.types.a: unknown type "call.exploded""#),
            (#"{"fields":{"cause":{"path":"c","unit":"ms"}}}"#, "vendors.acme.fields.cause.unit: only a duration has a unit"),
            (#"{"types":{}}"#, #"vendors.acme.types: needs "event""#),
        ]
        for (definition, want) in table { XCTAssertEqual(error(definition), want) }
    }

    // MARK: Shipped

    /// Twilio's status callback parameters as its Voice documentation lists them.
    func testTwilioCompletedCallback() {
        let raw = Mock.form("Called=%2B14155552671&CallSid=CA1234567890ABCDE&AccountSid=AC1234&From=%2B14155551234&To=%2B14155552671&CallStatus=completed&Direction=outbound-api&CallDuration=31&SequenceNumber=3&Timestamp=Sun%2C%2025%20Mar%202018%2009%3A53%3A19%20%2B0000")
        guard let twilio = ShippedDefinitions.named("twilio"), let event = Mock.decode(raw, as: .vendor(.declared(twilio))) else {
            return XCTFail("no event")
        }
        XCTAssertEqual(event.vendor.name, "twilio")
        XCTAssertEqual(event.type, .hangup)
        XCTAssertEqual(event.outcome, .answered)
        XCTAssertEqual(event.vendorEvent, "completed")
        XCTAssertEqual(event.callID, "CA1234567890ABCDE")
        XCTAssertEqual(event.direction, .outbound)
        XCTAssertEqual(event.from, Party(number: "+14155551234"))
        XCTAssertEqual(event.to, Party(number: "+14155552671"))
        XCTAssertEqual(event.talkSeconds, 31)
        XCTAssertEqual(event.key, "twilio:CA1234567890ABCDE:call.hangup:completed:3")
        let line = String(decoding: event.jsonLine(), as: UTF8.self)
        XCTAssertTrue(line.contains(#""vendor":"twilio","type":"call.hangup""#), line)
    }

    /// Aircall's `call.hungup` example: an inbound call, `raw_digits` the caller.
    func testAircallHungup() {
        let payload = #"{"resource":"call","event":"call.hungup","timestamp":1585001000,"token":"45XXYYZZa08","data":{"id":812,"direction":"inbound","status":"done","started_at":1584998199,"answered_at":1584998205,"ended_at":1584998210,"duration":11,"raw_digits":"+33 1 23 45 67 89","user":{"id":456,"name":"John Doe"},"number":{"id":1234,"digits":"+1 800-123-4567"}}}"#
        guard case .success(let raw) = JSONParser.parse(Array(payload.utf8)), let aircall = ShippedDefinitions.named("aircall"),
              let event = Mock.decode(raw, as: .vendor(.declared(aircall))) else { return XCTFail("no event") }
        XCTAssertEqual(event.type, .hangup)
        XCTAssertEqual(event.callID, "812")
        XCTAssertEqual(event.from, Party(number: "+33 1 23 45 67 89"))
        XCTAssertEqual(event.to, Party(number: "+1 800-123-4567", name: "John Doe"))
        XCTAssertEqual(event.extension, "456")
        XCTAssertEqual(event.outcome, .unknown)   // no cause and no missed_call_reason: the cause table says unknown
        XCTAssertEqual(event.durationSeconds, 11)
        XCTAssertEqual(event.talkSeconds, 11)
        XCTAssertEqual(event.key, "aircall:812:call.hangup:call.hungup:1585001000")
    }

    func testJWTBody() {
        guard let definition = compile(#"{"body":"jwt","event":"state","types":{"hangup":"call.hangup"},"fields":{"call_id":"call_id"}}"#) else { return }
        func b64(_ s: String) -> String {
            Data(s.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let token = b64(#"{"alg":"HS256","typ":"JWT"}"#) + "." + b64(#"{"call_id":42,"state":"hangup"}"#) + "." + b64("sig")
        guard case .success(let event) = CallEventDecoder.decodeOffline(body: Array(token.utf8), as: .vendor(.declared(definition)),
                                                                        receivedAt: Timestamp(milliseconds: 0)) else { return XCTFail("no event") }
        XCTAssertEqual(event.callID, "42")
        XCTAssertEqual(event.type, .hangup)
        XCTAssertEqual(event.raw, .object([JSONMember("call_id", .number("42")), JSONMember("state", .string("hangup"))]))
    }
}
