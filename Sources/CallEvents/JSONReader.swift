/// The cursor behind `JSONParser`: one pass over the bytes, strings built straight from byte
/// ranges. Grammar rules are RFC 8259 section numbers.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// §2: `JSON-text = ws value ws`, and nothing after it.
    mutating func readDocument() throws(DecodeFailure) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }   // §8.1 BOM
        skipWhitespace()
        let value = try readValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected data after the JSON value") }
        return value
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
            return .number(try readNumber())
        default:
            throw failure("expected a value")
        }
    }

    private mutating func readLiteral(_ word: StaticString) throws(DecodeFailure) {
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
        guard depth <= JSONParser.maxDepth else { throw failure("nested too deep (limit \(JSONParser.maxDepth))") }
        index += 1   // {
        skipWhitespace()
        var members: [JSONMember] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        // The outermost object is the payload: room for its likely member count at once (a
        // member takes 16 bytes or more), not growth through 1, 2, 4 ... 64.
        if depth == 1 { members.reserveCapacity(min((bytes.count - index) / 16 + 1, 256)) }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure(members.isEmpty ? "expected '\"' or '}'" : "expected '\"'")
            }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipWhitespace()
            let value = try readValue(depth: depth)
            members.append(JSONMember(key, value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw failure("expected ',' or '}'")
            }
        }
    }

    /// §5: `begin-array [ value *( value-separator value ) ] end-array`.
    private mutating func readArray(depth: Int) throws(DecodeFailure) -> JSONValue {
        guard depth <= JSONParser.maxDepth else { throw failure("nested too deep (limit \(JSONParser.maxDepth))") }
        index += 1   // [
        skipWhitespace()
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try readValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw failure("expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw failure("expected ',' or ']'")
            }
        }
    }

    // MARK: White space and failures

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
        return DecodeFailure(status: 422, message: "invalid JSON at byte \(position)\(end): \(what)")
    }
}
