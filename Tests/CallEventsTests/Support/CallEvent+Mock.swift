@testable import CallEvents
import XCTest

/// The envelope every test event gets, and shortcuts to decode fixtures.
enum Mock {
    static let id = "019a8c3e-7c1a-7b2e-9f4d-1c2b3a4d5e6f"
    /// 2026-11-21T08:09:10.123Z
    static let receivedAt = Timestamp(milliseconds: 1_795_248_550_123)
    static let source = EventSource(addr: "127.0.0.1", userAgent: "curl/7.88.1")

    static func delivery(method: String = "POST", contentType: String? = nil, body: String = "",
                         query: String? = nil, hint: String? = nil, route: String = "test") -> Delivery {
        Delivery(method: method, contentType: contentType, body: Array(body.utf8), query: query.map { Array($0.utf8) },
                 hint: hint, id: id, receivedAt: receivedAt, route: route, source: source)
    }

    static func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        switch JSONParser.parse(Array(text.utf8)) {
        case .success(let value): return value
        case .failure(let failure):
            XCTFail("fixture does not parse: \(failure.message)", file: file, line: line)
            return .null
        }
    }

    static func form(_ text: String, dropping: Set<String> = ["token"]) -> JSONValue {
        FormDecoding.decode(Array(text.utf8)[...], dropping: dropping)
    }

    /// Decodes an already parsed payload for `vendor` with the test envelope.
    static func decode(_ raw: JSONValue, query: JSONValue? = nil, as choice: VendorChoice, hint: String? = nil,
                       route: String = "test", file: StaticString = #filePath, line: UInt = #line) -> CallEvent? {
        switch CallEventDecoder.decode(raw: raw, query: query, as: choice, hint: hint, id: id,
                                       receivedAt: receivedAt, route: route, source: source) {
        case .success(let event): return event
        case .failure(let failure):
            XCTFail("unexpected failure: \(failure)", file: file, line: line)
            return nil
        }
    }

    /// An event with the test envelope and `raw`, for building expectations.
    static func event(_ vendor: Vendor, raw: JSONValue, route: String = "test") -> CallEvent {
        CallEvent(id: id, receivedAt: receivedAt, route: route, vendor: vendor, source: source, raw: raw)
    }

    static func time(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Timestamp? {
        guard let time = Timestamps.parse(text) else {
            XCTFail("bad time in test: \(text)", file: file, line: line)
            return nil
        }
        return time
    }
}

/// Compares two events field by field, so a failure names the field.
func assertEvent(_ actual: CallEvent?, _ expected: CallEvent, file: StaticString = #filePath, line: UInt = #line) {
    guard let actual else { return XCTFail("no event", file: file, line: line) }
    XCTAssertEqual(actual.id, expected.id, "id", file: file, line: line)
    XCTAssertEqual(actual.receivedAt, expected.receivedAt, "received_at", file: file, line: line)
    XCTAssertEqual(actual.route, expected.route, "route", file: file, line: line)
    XCTAssertEqual(actual.vendor, expected.vendor, "vendor", file: file, line: line)
    XCTAssertEqual(actual.type, expected.type, "type", file: file, line: line)
    XCTAssertEqual(actual.vendorEvent, expected.vendorEvent, "vendor_event", file: file, line: line)
    XCTAssertEqual(actual.key, expected.key, "key", file: file, line: line)
    XCTAssertEqual(actual.callID, expected.callID, "call_id", file: file, line: line)
    XCTAssertEqual(actual.direction, expected.direction, "direction", file: file, line: line)
    XCTAssertEqual(actual.from, expected.from, "from", file: file, line: line)
    XCTAssertEqual(actual.to, expected.to, "to", file: file, line: line)
    XCTAssertEqual(actual.extension, expected.extension, "extension", file: file, line: line)
    XCTAssertEqual(actual.outcome, expected.outcome, "outcome", file: file, line: line)
    XCTAssertEqual(actual.cause, expected.cause, "cause", file: file, line: line)
    XCTAssertEqual(actual.occurredAt, expected.occurredAt, "occurred_at", file: file, line: line)
    XCTAssertEqual(actual.startedAt, expected.startedAt, "started_at", file: file, line: line)
    XCTAssertEqual(actual.answeredAt, expected.answeredAt, "answered_at", file: file, line: line)
    XCTAssertEqual(actual.endedAt, expected.endedAt, "ended_at", file: file, line: line)
    XCTAssertEqual(actual.durationSeconds, expected.durationSeconds, "duration_seconds", file: file, line: line)
    XCTAssertEqual(actual.talkSeconds, expected.talkSeconds, "talk_seconds", file: file, line: line)
    XCTAssertEqual(actual.recording, expected.recording, "recording", file: file, line: line)
    XCTAssertEqual(actual.source, expected.source, "source", file: file, line: line)
    XCTAssertEqual(actual.raw, expected.raw, "raw", file: file, line: line)
    XCTAssertEqual(actual.query, expected.query, "query", file: file, line: line)
    XCTAssertEqual(actual, expected, "whole event", file: file, line: line)
}
