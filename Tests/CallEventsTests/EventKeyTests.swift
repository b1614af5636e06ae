@testable import CallEvents
import XCTest

final class EventKeyTests: XCTestCase {
    func testPartsAreJoined() {
        XCTAssertEqual(EventKey.make(.impactpbx, ["r", "hangup", "t"]), "impactpbx:r:hangup:t")
        XCTAssertNil(EventKey.make(.impactpbx, ["r", nil, "t"]))
    }

    private func fallback(_ vendor: Vendor, raw: JSONValue, query: JSONValue? = nil) -> String {
        var event = Mock.event(vendor, raw: raw)
        event.query = query
        return EventKey.fallback(for: event)
    }

    func testFallbackIsStableAcrossRuns() {
        // Pinned values: a change here changes keys already written to logs.
        XCTAssertEqual(fallback(.voipnow, raw: .object([])), "voipnow:raw:\(pinnedEmptyObject)")
        let raw = Mock.form("CallerIDNum=1&CallerIDName=Bob")
        XCTAssertEqual(fallback(.voipnow, raw: raw), fallback(.voipnow, raw: Mock.form("CallerIDNum=1&CallerIDName=Bob")))
    }

    func testFallbackDiffersByVendorAndPayload() {
        let a = Mock.form("x=1"), b = Mock.form("x=2")
        XCTAssertNotEqual(fallback(.voipnow, raw: a), fallback(.voipnow, raw: b))
        XCTAssertNotEqual(fallback(.voipnow, raw: a), fallback(.urlnetworks, raw: a))
        // Same text, different JSON types.
        XCTAssertNotEqual(fallback(.voipstudio, raw: .object([JSONMember("a", .number("1"))])),
                          fallback(.voipstudio, raw: .object([JSONMember("a", .string("1"))])))
        // Boundaries between keys and values count.
        XCTAssertNotEqual(fallback(.voipnow, raw: .object([JSONMember("ab", .string("c"))])),
                          fallback(.voipnow, raw: .object([JSONMember("a", .string("bc"))])))
    }

    /// Documentation.docc/EventSchema.md "Keys": a POST may carry all its fields in the URL, with
    /// an empty body.
    func testFallbackHashesTheQueryFields() {
        let empty = JSONValue.object([])
        XCTAssertNotEqual(fallback(.voipnow, raw: empty, query: Mock.form("CallAPIID=1&CallStatus=ANSWER")),
                          fallback(.voipnow, raw: empty, query: Mock.form("CallAPIID=2&CallStatus=ANSWER")))
        XCTAssertNotEqual(fallback(.voipnow, raw: empty, query: Mock.form("a=1")), fallback(.voipnow, raw: empty))
        // Moving fields between body and query changes the delivery.
        XCTAssertNotEqual(fallback(.voipnow, raw: Mock.form("a=1"), query: nil),
                          fallback(.voipnow, raw: empty, query: Mock.form("a=1")))
    }

    let pinnedEmptyObject = "28e0a11f7c87a64a"   // checked with an independent FNV-1a
}
