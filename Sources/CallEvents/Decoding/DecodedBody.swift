/// A body decoded for `CallEventDecoder`: the value, and what the decoding learned on the way
/// that would cost as much again to work out later.
struct DecodedBody {
    var value: JSONValue
    /// `value` as compact JSON text, when that is the body's own text (`RawPayload`).
    var text: ArraySlice<UInt8>?

    init(value: JSONValue, text: ArraySlice<UInt8>? = nil) {
        self.value = value
        self.text = text
    }

    /// Gathered form fields.
    init(form fields: FieldCollector) {
        self.init(value: .object(fields.members))
    }
}
