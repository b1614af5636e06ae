import Dispatch
import EventLog
import XCTest

final class DedupeIndexTests: XCTestCase {
    func testLookupFindsTheInsertedId() {
        let index = DedupeIndex(capacity: 10)
        XCTAssertNil(index.lookup("k1"))
        index.insert(key: "k1", id: "evt_1")
        XCTAssertEqual(index.lookup("k1"), "evt_1")
        XCTAssertNil(index.lookup("k2"))
    }

    func testOldestKeyIsEvictedBeyondCapacity() {
        let index = DedupeIndex(capacity: 3)
        for n in 1...5 { index.insert(key: "k\(n)", id: "evt_\(n)") }
        XCTAssertEqual(index.count, 3)
        XCTAssertNil(index.lookup("k1"))
        XCTAssertNil(index.lookup("k2"))
        XCTAssertEqual(index.lookup("k3"), "evt_3")
        XCTAssertEqual(index.lookup("k5"), "evt_5")
        // Keeps evicting in insertion order as the ring wraps.
        for n in 6...9 { index.insert(key: "k\(n)", id: "evt_\(n)") }
        XCTAssertEqual((1...9).map { index.lookup("k\($0)") != nil }, [false, false, false, false, false, false, true, true, true])
    }

    func testRepeatedKeyKeepsTheFirstId() {
        let index = DedupeIndex(capacity: 3)
        index.insert(key: "k", id: "first")
        index.insert(key: "k", id: "second")
        XCTAssertEqual(index.lookup("k"), "first")
        XCTAssertEqual(index.count, 1)
    }

    func testCapacityZeroDisablesDedupe() {
        let index = DedupeIndex(capacity: 0)
        index.insert(key: "k", id: "evt")
        XCTAssertNil(index.lookup("k"))
        XCTAssertEqual(index.count, 0)
    }

    func testConcurrentInsertsAndLookups() {
        let index = DedupeIndex(capacity: 1_000)
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for n in 0..<2_000 {
                index.insert(key: "t\(t)-\(n)", id: "evt_\(t)_\(n)")
                if let id = index.lookup("t\(t)-\(n)") {
                    XCTAssertEqual(id, "evt_\(t)_\(n)")
                }
            }
        }
        XCTAssertEqual(index.count, 1_000)
        let big = DedupeIndex(capacity: 100_000)
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for n in 0..<2_000 { big.insert(key: "t\(t)-\(n)", id: "evt") }
        }
        XCTAssertEqual(big.count, 16_000)
        XCTAssertEqual(big.lookup("t7-1999"), "evt")
    }
}
