/// Reading a document into a `JSONTape`: the same grammar, checks and compact text as
/// `readDocument`, with tokens instead of values.
extension JSONReader {
    /// The document's tokens; nil when the tape cannot stand for it: its compact text is not
    /// what the value writes back as (`textIsCompact`), or a name holds an escape or bytes that
    /// are not UTF-8 (a lookup compares names as sent). Then read it with `readDocument`, which
    /// also gives the message of a failure.
    mutating func readTape() -> JSONTape? {
        guard keepingText, bytes.count < Int(UInt32.max) else { return nil }
        var tokens: [JSONTape.Token] = []
        tokens.reserveCapacity(bytes.count / 12 + 4)
        let start = beginDocument()
        do throws(DecodeFailure) {
            guard try readTapeValue(depth: 0, into: &tokens) else { return nil }
            try endDocument(valueFrom: start)
        } catch {
            return nil
        }
        return textIsCompact ? JSONTape(tokens: tokens) : nil
    }

    /// §3, as `readValue`; false when the value holds a name the tape does not take.
    private mutating func readTapeValue(depth: Int, into tokens: inout [JSONTape.Token]) throws(DecodeFailure) -> Bool {
        guard index < bytes.count else { throw failure("expected a value") }
        let token = tokens.count
        tokens.append(JSONTape.Token(kind: .null, start: UInt32(index), end: 0, next: 0, hash: 0))
        switch bytes[index] {
        case UInt8(ascii: "{"):
            tokens[token].kind = .object
            guard try readTapeObject(depth: depth + 1, into: &tokens) else { return false }
        case UInt8(ascii: "["):
            tokens[token].kind = .array
            guard try readTapeArray(depth: depth + 1, into: &tokens) else { return false }
        case UInt8(ascii: "\""):
            let string = try scanString()
            if !writesBackAsSent(string, utf8: string.ascii || TextDecoding.isValidUTF8(
                UnsafeBufferPointer(rebasing: bytes[string.start..<string.end]))) {
                textIsCompact = false
            }
            tokens[token].kind = string.escaped ? .escapedString : .string
            if !string.escaped { (tokens[token].start, tokens[token].end) = (UInt32(string.start), UInt32(string.end)) }
        case UInt8(ascii: "t"):
            try readLiteral("true")
            tokens[token].kind = .true
        case UInt8(ascii: "f"):
            try readLiteral("false")
            tokens[token].kind = .false
        case UInt8(ascii: "n"):
            try readLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            tokens[token].kind = .number
            tokens[token].end = UInt32(try scanNumber().upperBound)
        default:
            throw failure("expected a value")
        }
        tokens[token].next = UInt32(tokens.count)
        return true
    }

    /// §4, as `readObject`.
    private mutating func readTapeObject(depth: Int, into tokens: inout [JSONTape.Token]) throws(DecodeFailure) -> Bool {
        if try open(depth: depth, closing: UInt8(ascii: "}")) { return true }
        var first = true
        while true {
            try expectName(first: first)
            first = false
            guard let name = try tapeName() else { return false }
            let nameToken = tokens.count
            tokens.append(name)
            try readNameSeparator()
            guard try readTapeValue(depth: depth, into: &tokens) else { return false }
            tokens[nameToken].next = UInt32(tokens.count)
            if try readValueSeparator(closing: UInt8(ascii: "}")) { return true }
        }
    }

    /// §5, as `readArray`.
    private mutating func readTapeArray(depth: Int, into tokens: inout [JSONTape.Token]) throws(DecodeFailure) -> Bool {
        if try open(depth: depth, closing: UInt8(ascii: "]")) { return true }
        while true {
            guard try readTapeValue(depth: depth, into: &tokens) else { return false }
            if try readValueSeparator(closing: UInt8(ascii: "]")) { return true }
        }
    }

    /// A member name's token; nil for a name with an escape or bytes that are not UTF-8.
    private mutating func tapeName() throws(DecodeFailure) -> JSONTape.Token? {
        let range: Range<Int>
        let hash: UInt64
        if let (plain, plainHash) = scanPlainName() {
            (range, hash) = (plain, plainHash)
        } else {
            let string = try scanString()
            let text = UnsafeBufferPointer(rebasing: bytes[string.start..<string.end])
            guard !string.escaped, string.ascii || TextDecoding.isValidUTF8(text) else { return nil }
            (range, hash) = (string.start..<string.end, FieldName.hash(text))
        }
        // `next` is set once the value is read.
        return JSONTape.Token(kind: .name, start: UInt32(range.lowerBound), end: UInt32(range.upperBound), next: 0, hash: hash)
    }
}
