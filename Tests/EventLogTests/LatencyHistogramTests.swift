import EventLog
import XCTest

final class LatencyHistogramTests: XCTestCase {
    func testCountsAreCumulativeAndOverflowOnlyInCount() {
        var histogram = LatencyHistogram(upperBounds: [0.001, 0.01, 0.1])
        for seconds in [0.0005, 0.001, 0.005, 0.05, 2.0] { histogram.observe(seconds: seconds) }
        XCTAssertEqual(histogram.cumulativeCounts, [2, 3, 4])
        XCTAssertEqual(histogram.count, 5)
        XCTAssertEqual(histogram.sum, 2.0565, accuracy: 1e-9)
    }

    func testDefaultBoundsSpanATenthOfAMillisecondToASecond() {
        let histogram = LatencyHistogram()
        XCTAssertEqual(histogram.upperBounds.first, 0.0001)
        XCTAssertEqual(histogram.upperBounds.last, 1)
        XCTAssertEqual(histogram.cumulativeCounts, [UInt64](repeating: 0, count: histogram.upperBounds.count))
    }
}
