/// A Prometheus-style histogram of durations in seconds (here: `fdatasync` latency).
///
/// ```swift
/// let h = log.stats.fsyncLatency
/// for (bound, count) in zip(h.upperBounds, h.cumulativeCounts) {
///     print("fsync_seconds_bucket{le=\"\(bound)\"} \(count)")
/// }
/// print("fsync_seconds_bucket{le=\"+Inf\"} \(h.count)")
/// ```
public struct LatencyHistogram: Sendable, Equatable {
    /// Bucket upper bounds in seconds, ascending; `+Inf` is implied (its count is `count`).
    public static let defaultBounds: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ]

    /// The `le` values of the buckets, in seconds.
    public let upperBounds: [Double]
    /// Per bucket, how many observations were at most its bound (cumulative, as Prometheus wants).
    public var cumulativeCounts: [UInt64] {
        var running: UInt64 = 0
        return counts.map { running += $0; return running }
    }
    /// Number of observations (the `+Inf` bucket).
    public private(set) var count: UInt64 = 0
    /// Sum of all observations, in seconds.
    public private(set) var sum: Double = 0

    /// Observations per bucket, not cumulative; those above the last bound are only in `count`.
    private var counts: [UInt64]

    public init(upperBounds: [Double] = LatencyHistogram.defaultBounds) {
        self.upperBounds = upperBounds
        self.counts = Array(repeating: 0, count: upperBounds.count)
    }

    public mutating func observe(seconds: Double) {
        count += 1
        sum += seconds
        if let bucket = upperBounds.firstIndex(where: { seconds <= $0 }) {
            counts[bucket] += 1
        }
    }
}
