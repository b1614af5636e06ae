import CallEvents

/// Writes a JSON value with `JSONWriter` and reads it back: the value must come back equal, and
/// the text must be one line of UTF-8 with every control character escaped.
///
/// ```swift
/// if case .success(let value) = JSONParser.parse(bytes) { JSONRoundTrip.check(value) }
/// ```
public enum JSONRoundTrip {
    /// Traps unless `value` survives writing and re-parsing; returns the written text.
    @discardableResult
    public static func check(_ value: JSONValue, _ context: @autoclosure () -> String = "") -> [UInt8] {
        var writer = JSONWriter()
        writer.value(value)
        let text = writer.bytes
        checkOneLine(text, context())
        switch JSONParser.parse(text) {
        case .success(let again):
            FuzzCheck.require(again == value, "\(context()) round trip changed the value:\n\(value)\n\(again)")
        case .failure(let failure):
            FuzzCheck.require(false, "\(context()) written JSON does not parse: \(failure.message)\n\(String(decoding: text, as: UTF8.self))")
        }
        return text
    }

    /// Traps unless `text` is valid UTF-8 without a byte below 0x20 (so without `\n`).
    public static func checkOneLine(_ text: [UInt8], _ context: @autoclosure () -> String = "") {
        if let control = text.firstIndex(where: { $0 < 0x20 }) {
            FuzzCheck.require(false, "\(context()) control byte \(text[control]) at \(control) in written JSON")
        }
        FuzzCheck.require(String(validating: text, as: UTF8.self) != nil, "\(context()) written JSON is not UTF-8")
    }
}
