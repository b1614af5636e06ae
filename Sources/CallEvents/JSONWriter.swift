/// Appends compact JSON to a byte buffer: one line, valid UTF-8, control characters escaped.
public struct JSONWriter: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (punctuation, keys known to need no escaping).
    public mutating func raw(_ text: StaticString) { fatalError("not implemented") }

    /// Appends `"text"`, escaped.
    public mutating func string(_ text: String) { fatalError("not implemented") }

    /// Appends `"text"` or `null`.
    public mutating func string(_ text: String?) { fatalError("not implemented") }

    /// Appends a JSON value as received (numbers as their literal text).
    public mutating func value(_ value: JSONValue) { fatalError("not implemented") }
}
