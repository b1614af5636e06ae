/// A JSON document read once into a flat list of tokens over its bytes, no value built: for a
/// declared vendor, whose definition reads some fifteen values of a payload of fifty or more.
/// Only what a path reaches becomes a `JSONValue` (`JSONReader.value(at:in:)` reads it where
/// it starts), and the payload's compact text stands for `raw` (`RawPayload`).
///
/// ```swift
/// let tape = JSONParser.tape(bytes)!        // nil: read the document as a JSONValue instead
/// let index = tape.member(in: 0, hash: hash, named: want, bytes)   // the token of `data`, or nil
/// JSONReader.value(at: tape.tokens[index].start, in: bytes)
/// ```
///
/// Layout, in document order: an object's token, then per member a `name` token and its
/// value's tokens; an array's token, then its elements'. Every token's `next` is the index
/// after its value, so a lookup steps over a member's value without reading it.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, name, scalar
    }

    struct Token {
        var kind: Kind
        /// A value: where it starts in the bytes. A name: where its text (inside the quotes) starts.
        var start: UInt32
        /// A name: where its text ends. Otherwise unused.
        var end: UInt32
        /// The index of the token after this one's value.
        var next: UInt32
        /// A name: `FieldName.hash` of its text.
        var hash: UInt64
    }

    var tokens: [Token]

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
                name = Int(tokens[name + 1].next)
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
