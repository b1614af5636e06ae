/// A point in time, in milliseconds since the Unix epoch (UTC). Written as RFC 3339 with
/// exactly three fractional digits and `Z`.
public struct Timestamp: Sendable, Equatable, Comparable, Hashable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }
}
