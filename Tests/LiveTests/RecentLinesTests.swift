import XCTest
@testable import Live

final class RecentLinesTests: XCTestCase {
    func testAfterAnIdGivesTheRestInOrder() {
        var ring = RecentLines(capacity: 3)
        for id in ["a", "b", "c", "d"] { ring.append(id: id, line: Array(id.utf8)) }
        XCTAssertEqual(ring.entries.map(\.id), ["b", "c", "d"])
        XCTAssertEqual(ring.after(id: "b")?.map(\.id), ["c", "d"])
        XCTAssertEqual(ring.after(id: "d")?.map(\.id), [])
        XCTAssertNil(ring.after(id: "a"), "rotated out of the ring: the caller reads the file")
    }

    func testBoundedByBytes() {
        var ring = RecentLines(capacity: 100, maxBytes: 10)
        ring.append(id: "1", line: [UInt8](repeating: 1, count: 6))
        ring.append(id: "2", line: [UInt8](repeating: 2, count: 6))
        XCTAssertEqual(ring.entries.map(\.id), ["2"])
        XCTAssertEqual(ring.bytes, 6)
    }
}
