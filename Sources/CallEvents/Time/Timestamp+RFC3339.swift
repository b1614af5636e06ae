extension Timestamp {
    /// RFC 3339 in UTC with exactly three fractional digits: `2020-01-29T07:45:19.489Z`.
    public var rfc3339: String { Timestamps.format(self) }
}

extension Timestamp {
    /// Reads a time as the log writes it (or any ISO 8601 form the decoders accept).
    public init?(rfc3339 text: String) {
        guard let parsed = Timestamps.parse(text) else { return nil }
        self = parsed
    }
}
