import Dispatch
import System
import XCTest

final class LockedTests: XCTestCase {
    func testContendedIncrementsAreAllCounted() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<20_000 { counter.withLock { $0 += 1 } }
        }
        XCTAssertEqual(counter.withLock { $0 }, 80_000)
    }

    func testTheBodysResultAndErrorPassThrough() {
        struct Refused: Error, Equatable {}
        let names = Locked(["a"])
        XCTAssertEqual(names.withLock { $0.append("b"); return $0.count }, 2)
        XCTAssertThrowsError(try names.withLock { (_) throws(Refused) -> Void in throw Refused() }) {
            XCTAssertEqual($0 as? Refused, Refused())
        }
        // The lock is released after a throw: taking it again does not deadlock.
        XCTAssertEqual(names.withLock { $0 }, ["a", "b"])
    }
}
