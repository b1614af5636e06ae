import CallEvents
import Live
import XCTest

/// The writer path builds a `LiveEvent` from the event it has just written; the start-up path
/// reads one back from the log. Both must see the same fields, or the live views would differ
/// after a restart.
final class LiveEventTests: XCTestCase {
    private func fields(_ e: LiveEvent) -> [String?] {
        [e.id, e.key, e.type, e.vendor, e.route, e.callID, e.direction, e.from, e.to, e.extension, e.outcome,
         e.talkSeconds.map(String.init), e.receivedAt, e.occurredAt, e.startedAt, e.answeredAt, e.endedAt]
    }

    func testFromTheEventMatchesFromItsLine() throws {
        let t = Timestamp(milliseconds: 1_700_000_000_123)
        let full = CallEvent(
            id: "01HF", receivedAt: t, route: "pbx", vendor: .impactpbx, type: .hangup, vendorEvent: "hangup",
            key: "impactpbx:r:hangup::x", callID: "c1", direction: .inbound,
            from: Party(number: "+4420", name: "Ann"), to: Party(number: nil, name: "Reception"),
            extension: "1002", outcome: .answered, cause: "NORMAL_CLEARING",
            occurredAt: Timestamp(milliseconds: 1_700_000_000_000), startedAt: Timestamp(milliseconds: 1_699_999_000_000),
            answeredAt: Timestamp(milliseconds: 1_699_999_100_000), endedAt: Timestamp(milliseconds: 1_700_000_000_000),
            durationSeconds: 1000, talkSeconds: 900, recording: nil,
            source: EventSource(addr: "10.0.0.1", userAgent: nil), raw: .object([]))
        let bare = CallEvent(id: "02", receivedAt: t, route: "r", vendor: .voipnow, source: EventSource(addr: "::1", userAgent: nil),
                             raw: .object([]))
        for event in [full, bare] {
            let line = event.jsonLine()
            let parsed = try XCTUnwrap(LiveEvent(line: line))
            let direct = LiveEvent(line: line, event: event)
            XCTAssertEqual(fields(direct), fields(parsed), String(decoding: line, as: UTF8.self))
            XCTAssertEqual(direct.line, line)
        }
        XCTAssertEqual(LiveEvent(line: full.jsonLine(), event: full).from, "+4420")
        XCTAssertEqual(LiveEvent(line: full.jsonLine(), event: full).to, "Reception")
    }
}
