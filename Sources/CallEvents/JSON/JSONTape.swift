/// A JSON document read once into a flat list of tokens over its bytes, no value built: for a
/// declared vendor, whose definition reads some fifteen values of a payload of fifty or more.
/// Only what a path reaches becomes a `JSONValue` (`JSONReader.value(at:in:)` reads it where
/// it starts), and the payload's compact text stands for `raw` (`RawPayload`).
///
/// ```swift
/// let tape = JSONParser.tape(bytes)!        // nil: read the document as a JSONValue instead
/// let index = tape.member(in: 0, hash: hash, named: want, bytes)   // the token of `data`, or nil
/// tape.value(index, bytes)                 // the JSONValue there
/// ```
///
/// Layout, in document order: an object's token, then per member a `name` token and its
/// value's tokens; an array's token, then its elements'. A value's `next` is the index after
/// it, a name's the next member's: a lookup steps from name to name without reading values.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, name
        /// A string without escapes, a number, `true`, `false`, `null`: built from its bytes.
        case string, number, `true`, `false`, null
        /// A string with escapes: built by `JSONReader`.
        case escapedString
    }

    struct Token {
        var kind: Kind
        /// A value: where it starts in the bytes. A name or a string: where its text (inside the
        /// quotes) starts.
        var start: UInt32
        /// Where the name's, string's or number's text ends. Otherwise unused.
        var end: UInt32
        /// A value: the index of the token after it (and all it holds). A name: the index of
        /// the next member's name, or of the token after the object.
        var next: UInt32
        /// A name: `FieldName.hash` of its text.
        var hash: UInt64
    }

    var tokens: [Token]

    /// The value of token `index`, as `JSONReader.readValue` builds it.
    func value(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        let token = tokens[index]
        let start = Int(token.start), end = Int(token.end)
        switch token.kind {
        case .string: return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        case .number: return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        case .object, .array, .escapedString, .name: return JSONReader.value(at: start, in: bytes)
        }
    }

    /// The value of the first member of the object at token `index` whose name matches `want`
    /// (lowercase, no spaces, hashed to `hash`) as `FieldName` matches names; nil when there is
    /// none or the token is not an object.
    func member(in index: Int, hash: UInt64, named want: UnsafeBufferPointer<UInt8>,
                _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        tokens.withUnsafeBufferPointer { tokens in
            let object = tokens[index]
            guard object.kind == .object else { return nil }
            let end = Int(object.next)
            var name = index + 1
            while name < end {
                let token = tokens[name]
                if token.hash == hash,
                   FieldName.matches(UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)]), want) {
                    return name + 1
                }
                name = Int(token.next)
            }
            return nil
        }
    }

    /// The element at `position` of the array at token `index`; nil when it has fewer.
    func element(in index: Int, at position: Int) -> Int? {
        let array = tokens[index]
        guard array.kind == .array else { return nil }
        var element = index + 1
        for _ in 0..<position {
            guard element < Int(array.next) else { return nil }
            element = Int(tokens[element].next)
        }
        return element < Int(array.next) ? element : nil
    }
}
