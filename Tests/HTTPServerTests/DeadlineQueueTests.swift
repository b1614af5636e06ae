import XCTest
@testable import HTTPServer

final class DeadlineQueueTests: XCTestCase {
    func testEntriesComeOutEarliestFirstAndOnlyWhenDue() {
        var queue = DeadlineQueue()
        let deadlines = [50, 10, 40, 10, 30, 90, 20, 70, 60, 80]
        for (i, deadline) in deadlines.enumerated() {
            queue.push(.init(deadline: deadline, fd: Int32(i), generation: 1))
        }
        XCTAssertEqual(queue.earliest, 10)
        XCTAssertNil(queue.popDue(now: 9))
        var out: [Int] = []
        while let entry = queue.popDue(now: 65) { out.append(entry.deadline) }
        XCTAssertEqual(out, [10, 10, 20, 30, 40, 50, 60])
        XCTAssertEqual(queue.count, 3)
        XCTAssertEqual(queue.earliest, 70)
    }

    func testManyRandomDeadlinesComeOutSorted() {
        var queue = DeadlineQueue()
        var generator = SystemRandomNumberGenerator()
        let deadlines = (0..<1_000).map { _ in Int.random(in: 0..<10_000, using: &generator) }
        for deadline in deadlines { queue.push(.init(deadline: deadline, fd: 0, generation: 0)) }
        var out: [Int] = []
        while let entry = queue.popDue(now: .max) { out.append(entry.deadline) }
        XCTAssertEqual(out, deadlines.sorted())
    }
}
