/// Appends compact JSON to a byte buffer: one line, valid UTF-8, control characters escaped.
///
/// ```swift
/// var json = JSONWriter()
/// json.raw("{\"id\":")
/// json.string(event.id)
/// json.raw(",\"raw\":")
/// json.value(event.raw)
/// json.raw("}\n")
/// log.append(json.bytes)
/// ```
public struct JSONWriter: Sendable, JSONSink {
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (punctuation, keys known to need no escaping).
    public mutating func raw(_ text: StaticString) { appendRaw(text) }

    /// Appends `"text"`, escaped.
    public mutating func string(_ text: String) { appendString(text) }

    /// Appends `"text"` or `null`.
    public mutating func string(_ text: String?) { appendString(text) }

    /// Appends a whole number in decimal.
    public mutating func integer(_ number: Int) { appendInteger(number) }

    /// Appends a whole number or `null`.
    public mutating func integer(_ number: Int?) { appendInteger(number) }

    /// Appends a JSON value as received (numbers as their literal text).
    public mutating func value(_ value: JSONValue) { appendValue(value) }

    // JSONSink
    mutating func append(_ byte: UInt8) { bytes.append(byte) }
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
}
