extension Timestamp {
    /// RFC 3339 in UTC with exactly three fractional digits: `2020-01-29T07:45:19.489Z`.
    public var rfc3339: String { Timestamps.format(self) }
}
