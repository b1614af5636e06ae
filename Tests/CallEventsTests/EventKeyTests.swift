@testable import CallEvents
import XCTest

final class EventKeyTests: XCTestCase {
    func testPartsAreJoined() {
        XCTAssertEqual(EventKey.make(.impactpbx, ["r", "hangup", "t"]), "impactpbx:r:hangup:t")
        XCTAssertNil(EventKey.make(.impactpbx, ["r", nil, "t"]))
    }

    func testFallbackIsStableAcrossRuns() {
        // Pinned values: a change here changes keys already written to logs.
        XCTAssertEqual(EventKey.fallback(.voipnow, raw: .object([])), "voipnow:raw:\(pinnedEmptyObject)")
        let raw = Mock.form("CallerIDNum=1&CallerIDName=Bob")
        XCTAssertEqual(EventKey.fallback(.voipnow, raw: raw), EventKey.fallback(.voipnow, raw: Mock.form("CallerIDNum=1&CallerIDName=Bob")))
    }

    func testFallbackDiffersByVendorAndPayload() {
        let a = Mock.form("x=1"), b = Mock.form("x=2")
        XCTAssertNotEqual(EventKey.fallback(.voipnow, raw: a), EventKey.fallback(.voipnow, raw: b))
        XCTAssertNotEqual(EventKey.fallback(.voipnow, raw: a), EventKey.fallback(.urlnetworks, raw: a))
        // Same text, different JSON types.
        XCTAssertNotEqual(EventKey.fallback(.voipstudio, raw: .object([JSONMember("a", .number("1"))])),
                          EventKey.fallback(.voipstudio, raw: .object([JSONMember("a", .string("1"))])))
        // Boundaries between keys and values count.
        XCTAssertNotEqual(EventKey.fallback(.voipnow, raw: .object([JSONMember("ab", .string("c"))])),
                          EventKey.fallback(.voipnow, raw: .object([JSONMember("a", .string("bc"))])))
    }

    let pinnedEmptyObject = "28e0a11f7c87a64a"   // checked with an independent FNV-1a
}
