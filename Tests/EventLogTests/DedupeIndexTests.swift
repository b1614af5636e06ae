import Dispatch
import EventLog
import System
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

/// Claims: the first copy of a key writes, copies that race it wait for its outcome.
final class DedupeIndexClaimTests: XCTestCase {
    final class Outcomes: @unchecked Sendable {
        var values: [String] = []
        func record(_ outcome: DedupeIndex.Outcome) {
            switch outcome {
            case .written(let id): values.append("dup:" + id)
            case .failed(let error): values.append("503:\(error)")
            }
        }
    }

    func testCopiesThatRaceTheFirstAreItsDuplicates() {
        let index = DedupeIndex(capacity: 10)
        let outcomes = Outcomes()
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .claimed)
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .waiting)
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .waiting)
        XCTAssertNil(index.lookup("k"), "not written yet")
        XCTAssertEqual(outcomes.values, [])
        index.settle("k", .success("id-1"))
        XCTAssertEqual(outcomes.values, ["dup:id-1", "dup:id-1"])
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .written(firstID: "id-1"))
        XCTAssertEqual(index.count, 1)
    }

    func testAFailedWriteFailsItsWaitersAndReleasesTheKey() {
        let index = DedupeIndex(capacity: 10)
        let outcomes = Outcomes()
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .claimed)
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .waiting)
        index.settle("k", .failure(.closed))
        XCTAssertEqual(outcomes.values.count, 1)
        XCTAssertTrue(outcomes.values[0].hasPrefix("503:"), outcomes.values[0])
        // A retry claims the key again and can succeed.
        XCTAssertEqual(index.claim("k", whenSettled: outcomes.record), .claimed)
        index.settle("k", .success("id-2"))
        XCTAssertEqual(index.lookup("k"), "id-2")
        XCTAssertEqual(index.count, 1)
    }

    func testDedupeOffClaimsEverything() {
        let index = DedupeIndex(capacity: 0)
        XCTAssertEqual(index.claim("k") { _ in XCTFail("no waiters with dedupe off") }, .claimed)
        XCTAssertEqual(index.claim("k") { _ in XCTFail("no waiters with dedupe off") }, .claimed)
        index.settle("k", .success("x"))
        XCTAssertNil(index.lookup("k"))
    }

    func testInFlightKeysAreNotEvictedAndEvictionKeepsOrder() {
        let index = DedupeIndex(capacity: 2)
        XCTAssertEqual(index.claim("slow") { _ in }, .claimed)
        for n in 1...3 {
            XCTAssertEqual(index.claim("k\(n)") { _ in }, .claimed)
            index.settle("k\(n)", .success("id\(n)"))
        }
        XCTAssertEqual(index.claim("slow") { _ in }, .waiting, "still being written, whatever was evicted")
        index.settle("slow", .success("id-slow"))
        XCTAssertEqual([index.lookup("k1"), index.lookup("k2"), index.lookup("k3"), index.lookup("slow")], [nil, nil, "id3", "id-slow"])
    }

    func testConcurrentClaimsHaveExactlyOneWinner() {
        let index = DedupeIndex(capacity: 100)
        let winners = Locked(0), waiters = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            switch index.claim("k", whenSettled: { _ in waiters.withLock { $0 += 1 } }) {
            case .claimed: winners.withLock { $0 += 1 }
            case .waiting, .written: break
            }
        }
        XCTAssertEqual(winners.withLock { $0 }, 1)
        index.settle("k", .success("id"))
        XCTAssertEqual(waiters.withLock { $0 }, 63)
    }
}
