/// The cursor behind `JSONParser`: one pass over the bytes, strings built straight from byte
/// ranges. Grammar rules are RFC 8259 section numbers.
///
/// With `keepingText`, the reader also notes whether the value written back compactly (as
/// `JSONSink` writes it) is exactly the document's own text without its white space, and
/// where that text is: then the line encoder copies it instead of walking the value.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Whether to note the document's text (`compactText`).
    let keepingText: Bool
    /// False once a string is met that the writer would spell otherwise: an escape other than
    /// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, or bytes that are not UTF-8.
    var textIsCompact = true
    /// The document so far without the white space inside it, once there was some.
    private var compacted: [UInt8]?
    private var copiedUpTo = 0
    /// After `readDocument` with `keepingText`: the text the value writes back as, if known.
    private(set) var compactText: CompactText?

    /// The document's text without white space, when it is what the value writes back as.
    enum CompactText {
        /// These bytes of the input, as they are.
        case range(Range<Int>)
        /// The input had white space between tokens: the text without it.
        case copy([UInt8])
    }

    init(_ bytes: UnsafeBufferPointer<UInt8>, keepingText: Bool = false) {
        self.bytes = bytes
        self.keepingText = keepingText
    }

    /// §2: `JSON-text = ws value ws`, and nothing after it.
    mutating func readDocument() throws(DecodeFailure) -> JSONValue {
        let start = beginDocument()
        let value = try readValue(depth: 0)
        try endDocument(valueFrom: start)
        return value
    }

    /// Past a §8.1 byte order mark and the white space before the value; where the value starts.
    mutating func beginDocument() -> Int {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        copiedUpTo = index
        return index
    }

    /// After the value: only white space may follow; with `keepingText`, the compact text noted.
    mutating func endDocument(valueFrom start: Int) throws(DecodeFailure) {
        let end = index
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected data after the JSON value") }
        if keepingText, textIsCompact {
            if var text = compacted {
                compacted = nil   // `text` holds the only reference: appending does not copy
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<end]))
                compactText = .copy(text)
            } else {
                compactText = .range(start..<end)
            }
        }
    }

    /// The value starting at `position` of a document already read whole (`JSONTape`): what
    /// `readDocument` built for it.
    static func value(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        var reader = JSONReader(bytes)
        reader.index = position
        // The document parsed once already, so this cannot fail; null keeps the type total.
        return (try? reader.readValue(depth: 0)) ?? .null
    }

    // MARK: Values

    /// §3: `false / null / true / object / array / number / string`.
    private mutating func readValue(depth: Int) throws(DecodeFailure) -> JSONValue {
        guard index < bytes.count else { throw failure("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
        case UInt8(ascii: "["): return try readArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"):
            try readLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try readLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try readLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let literal = try scanNumber()
            return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[literal]), as: UTF8.self))
        default:
            throw failure("expected a value")
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(DecodeFailure) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        for k in 0..<count {
            guard index < bytes.count, bytes[index] == start[k] else {
                throw failure("expected '\(word)'")
            }
            index += 1
        }
    }

    /// §4: `begin-object [ member *( value-separator member ) ] end-object`.
    private mutating func readObject(depth: Int) throws(DecodeFailure) -> JSONValue {
        var members: [JSONMember] = []
        if try open(depth: depth, closing: UInt8(ascii: "}")) { return .object(members) }
        // The outermost object is the payload: room for its likely member count at once (a
        // member takes 16 bytes or more), not growth through 1, 2, 4 ... 64.
        if depth == 1 {
            let likely = min((bytes.count - index) / 16 + 1, 256)
            members.reserveCapacity(likely)
        }
        while true {
            try expectName(first: members.isEmpty)
            let (key, hash) = try readName()
            try readNameSeparator()
            let value = try readValue(depth: depth)
            members.append(JSONMember(key: key, value: value, nameHash: hash))
            if try readValueSeparator(closing: UInt8(ascii: "}")) { return .object(members) }
        }
    }

    /// §5: `begin-array [ value *( value-separator value ) ] end-array`.
    private mutating func readArray(depth: Int) throws(DecodeFailure) -> JSONValue {
        var elements: [JSONValue] = []
        if try open(depth: depth, closing: UInt8(ascii: "]")) { return .array(elements) }
        while true {
            elements.append(try readValue(depth: depth))
            if try readValueSeparator(closing: UInt8(ascii: "]")) { return .array(elements) }
        }
    }

    // MARK: Structure, shared with the tape (JSONReader+Tape.swift)

    /// Past `{` or `[` (§2) and the white space after it, within the depth limit; true when
    /// the container is empty and its `closing` bracket is read too.
    @inline(__always)
    mutating func open(depth: Int, closing: UInt8) throws(DecodeFailure) -> Bool {
        guard depth <= JSONParser.maxDepth else { throw failure("nested too deep (limit \(JSONParser.maxDepth))") }
        index += 1
        skipInnerWhitespace()
        guard index < bytes.count, bytes[index] == closing else { return false }
        index += 1
        return true
    }

    /// §4: a member starts with its name's `"`.
    @inline(__always)
    func expectName(first: Bool) throws(DecodeFailure) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw failure(first ? "expected '\"' or '}'" : "expected '\"'")
        }
    }

    /// §2: `name-separator = ws %x3A ws`.
    @inline(__always)
    mutating func readNameSeparator() throws(DecodeFailure) {
        skipInnerWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
        index += 1
        skipInnerWhitespace()
    }

    /// §2: `value-separator = ws %x2C ws` (false: another member or element follows), or the
    /// container's `closing` bracket (true).
    @inline(__always)
    mutating func readValueSeparator(closing: UInt8) throws(DecodeFailure) -> Bool {
        skipInnerWhitespace()
        guard index < bytes.count else { throw failure(closing == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'") }
        switch bytes[index] {
        case UInt8(ascii: ","):
            index += 1
            skipInnerWhitespace()
            return false
        case closing:
            index += 1
            return true
        default:
            throw failure(closing == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'")
        }
    }

    // MARK: White space and failures

    /// White space between tokens: skipped, and left out of the compact text.
    @inline(__always)
    mutating func skipInnerWhitespace() {
        let start = index
        skipWhitespace()
        if keepingText, index > start { leaveOut(start..<index) }
    }

    private mutating func leaveOut(_ gap: Range<Int>) {
        if compacted == nil {
            compacted = []
            compacted!.reserveCapacity(bytes.count - copiedUpTo)
        }
        compacted!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<gap.lowerBound]))
        copiedUpTo = gap.upperBound
    }

    /// §2: `ws = *( %x20 / %x09 / %x0A / %x0D )`.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func failure(_ expected: String) -> DecodeFailure {
        failure(expected, at: index)
    }

    func failure(_ what: String, at position: Int) -> DecodeFailure {
        let end = position >= bytes.count ? " (end of input)" : ""
        return DecodeFailure(.malformed, "invalid JSON at byte \(position)\(end): \(what)")
    }
}
