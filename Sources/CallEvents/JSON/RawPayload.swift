/// `CallEvent.raw`, with its compact JSON text when the decoder had it at hand (a JSON body
/// that writes back as its own text without white space): the line encoder copies the text.
/// A declared vendor's payload read into a `JSONTape` comes with the text alone, and its value
/// is parsed from it only when something asks for it (`EventKey.fallback`, `callhook` tests),
/// never on the way to the log.
///
/// ```swift
/// RawPayload(value)                 // text unknown: the encoder writes the value
/// RawPayload(text: compactText)     // value parsed from the text when asked
/// ```
struct RawPayload: Sendable, Equatable {
    private var stored: JSONValue?
    /// The value as compact JSON text, exactly as `JSONSink` writes it.
    private(set) var text: ArraySlice<UInt8>?

    init(_ value: JSONValue, text: ArraySlice<UInt8>? = nil) {
        stored = value
        self.text = text
    }

    /// `text` is a whole JSON document already read once (`JSONParser.tape`).
    init(text: ArraySlice<UInt8>) {
        stored = nil
        self.text = text
    }

    var value: JSONValue {
        if let stored { return stored }
        guard let text, case .success(let value) = JSONParser.parse(text) else { return .null }   // not reached: the text parsed before
        return value
    }

    /// Two payloads are equal when their values are, whichever form each holds.
    static func == (a: RawPayload, b: RawPayload) -> Bool {
        if let x = a.text, let y = b.text { return x == y }   // compact text and value determine each other
        return a.value == b.value
    }
}
