/// A body decoded for `CallEventDecoder`: the value, and what the decoding learned on the way
/// that would cost as much again to work out later.
struct DecodedBody {
    var value: JSONValue
    /// `value` as compact JSON text, when that is the body's own text (`RawText`).
    var text: ArraySlice<UInt8>?
    /// `FieldName.hash` of each member name, in order, when `value` is an object; nil when not
    /// computed.
    var nameHashes: [UInt64]?

    init(value: JSONValue, text: ArraySlice<UInt8>? = nil, nameHashes: [UInt64]? = nil) {
        self.value = value
        self.text = text
        self.nameHashes = nameHashes
    }

    /// Gathered form fields.
    init(form fields: FieldCollector) {
        self.init(value: .object(fields.members), nameHashes: fields.nameHashes)
    }
}
