/// Numbers kept per hour of call start, vendor, route and extension, so any grouping and any
/// `since` at an hour's boundary are answered from counters without a scan. Bounded by the
/// hours seen times the distinct vendor, route and extension combinations, not by the calls.
///
/// ```swift
/// var tally = CallTally()
/// tally.count(endedCall)
/// let rows = tally.grouped(by: .vendor, sinceHour: "2023-11-14T00")
/// ```
public struct CallTally: Sendable {
    struct Bucket: Hashable, Sendable {
        var hour: String   // `2023-11-14T09`, or `-` with no time
        var vendor: String
        var route: String
        var `extension`: String
    }

    private var buckets: [Bucket: CallNumbers] = [:]

    public init() {}

    public mutating func count(_ call: CallInProgress) {
        let bucket = Bucket(hour: Grouping.hour.group(of: call), vendor: call.vendor,
                            route: call.route ?? "-", extension: call.extension ?? "-")
        buckets[bucket, default: CallNumbers()].count(call)
    }

    /// Rows sorted by group name, for calls started in hours at or after `sinceHour` (a prefix
    /// `YYYY-MM-DDTHH` of an RFC 3339 time; nil for all). `open` adds calls still in progress.
    public func grouped(by grouping: Grouping, sinceHour: String? = nil,
                        open: [CallInProgress] = []) -> [(group: String, numbers: CallNumbers)] {
        var rows: [String: CallNumbers] = [:]
        for (bucket, numbers) in buckets {
            if let sinceHour, bucket.hour == "-" || bucket.hour < sinceHour { continue }
            let group: String
            switch grouping {
            case .vendor: group = bucket.vendor
            case .route: group = bucket.route
            case .extension: group = bucket.extension
            case .hour: group = bucket.hour
            case .day: group = bucket.hour == "-" ? "-" : String(bucket.hour.prefix(10))
            }
            rows[group, default: CallNumbers()].add(numbers)
        }
        for call in open {
            let hour = Grouping.hour.group(of: call)
            if let sinceHour, hour == "-" || hour < sinceHour { continue }
            rows[grouping.group(of: call), default: CallNumbers()].count(call)
        }
        return rows.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
