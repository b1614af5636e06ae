/// Looks fields up in a decoded payload the way Documentation.docc/EventSchema.md says: names match
/// case-insensitively and ignoring spaces (`CallerID Num` == `CallerIDNum` == `callerid num`),
/// `raw` is searched first, then the POST's query fields.
///
/// ```swift
/// let fields = Fields(raw: raw, query: query)
/// fields.text("callid")          // "abc" for CallID=abc; nil when absent or ""
/// fields.number("calleridnum")   // " 4420" (a lost `+`) -> "+4420", trimmed
/// ```
///
/// Values: a string is itself, a number its literal text, a boolean `true`/`false`; a repeated
/// form name (an array) gives its first value, like `JSONValue`'s subscript gives the first of
/// duplicate JSON members. `null`, objects and empty strings count as absent.
struct Fields {
    let query: JSONValue?
    /// `raw`'s members, each with the hash of its normalized name (`JSONMember.nameHash`): a
    /// decoder makes some twenty lookups in a payload of some thirty members, so each lookup
    /// compares hashes first. Or the tokens of a JSON payload (`JSONTape`), whose values are
    /// built only when looked up; the bytes are the caller's while the fields are used.
    private let payload: Payload

    private enum Payload {
        case value(JSONValue, members: [JSONMember])
        case tape(JSONTape, UnsafeBufferPointer<UInt8>)
    }

    init(raw: JSONValue, query: JSONValue? = nil) {
        self.query = query
        if case .object(let members) = raw {
            payload = .value(raw, members: members)
        } else {
            payload = .value(raw, members: [])
        }
    }

    init(tape: JSONTape, bytes: UnsafeBufferPointer<UInt8>, query: JSONValue?) {
        self.query = query
        payload = .tape(tape, bytes)
    }

    /// The payload as a value (built from the tokens of a taped one: `auto` detection and
    /// declared vendors read their own way, so this is for what is not on a delivery's path).
    var raw: JSONValue {
        switch payload {
        case .value(let raw, _): raw
        case .tape(let tape, let bytes): tape.value(0, bytes)
        }
    }

    /// The value of the first member whose name matches `name` (lowercase, no spaces).
    func value(_ name: StaticString) -> JSONValue? {
        let want = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        let hash = FieldName.hash(name)
        switch payload {
        case .value(_, let members):
            let found = members.withUnsafeBufferPointer { members -> Int? in
                for i in 0..<members.count where members[i].nameHash == hash && FieldName.matches(members[i].key, want) { return i }
                return nil
            }
            if let found { return members[found].value }
        case .tape(let tape, let bytes):
            if let found = tape.member(in: 0, hash: hash, named: want, bytes) { return tape.value(found, bytes) }
        }
        if let query { return Fields.lookup(want, in: query) }
        return nil
    }

    /// Whether the field is there at all, even empty.
    func has(_ name: StaticString) -> Bool { value(name) != nil }

    /// The field as text, as sent; nil when absent or empty.
    func text(_ name: StaticString) -> String? {
        guard let value = value(name) else { return nil }
        return Fields.text(of: value)
    }

    /// The field as text without surrounding white space; nil when nothing is left.
    func trimmed(_ name: StaticString) -> String? {
        text(name).flatMap(ASCII.trimmed)
    }

    /// A phone number: a space followed by digits is a `+` that form decoding turned into a
    /// space (the sender did not escape it), so it reads as `+digits`; then trimmed.
    func number(_ name: StaticString) -> String? {
        guard let text = text(name) else { return nil }
        return Fields.phoneNumber(text)
    }

    /// A whole number of seconds: an integer, or the integer part of a decimal.
    func integer(_ name: StaticString) -> Int? {
        guard let text = text(name) else { return nil }
        return ASCII.withUTF8(of: text) { bytes -> Int? in
            let (lo, hi) = ASCII.trimmedRange(bytes)
            var value = 0
            var digits = 0
            var negative = false
            for i in lo..<hi {
                let b = bytes[i]
                if i == lo && b == UInt8(ascii: "-") { negative = true; continue }
                if b == UInt8(ascii: ".") { break }
                guard ASCII.isDigit(b), digits < 18 else { return nil }
                value = value * 10 + Int(b - 0x30)
                digits += 1
            }
            guard digits > 0 else { return nil }
            return negative ? -value : value
        }
    }

    // MARK: - Helpers

    static func lookup(_ want: UnsafeBufferPointer<UInt8>, in container: JSONValue) -> JSONValue? {
        guard case .object(let members) = container else { return nil }
        for member in members where FieldName.matches(member.key, want) { return member.value }
        return nil
    }

    static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let s): return s.isEmpty ? nil : s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .array(let values): return values.first.flatMap(text(of:))
        case .null, .object: return nil
        }
    }

    /// `" 0312341234"` -> `"+0312341234"`: exactly one leading space, then only digits
    /// (trailing white space allowed); anything else is only trimmed. nil when nothing is left.
    static func phoneNumber(_ text: String) -> String? {
        ASCII.withUTF8(of: text) { bytes -> String? in
            guard let end = lostPlusDigitsEnd(bytes) else { return ASCII.trimmed(text) }
            return String(unsafeUninitializedCapacity: end) { out in
                out[0] = UInt8(ascii: "+")
                for i in 1..<end { out[i] = bytes[i] }
                return end
            }
        }
    }

    /// Where the digits of `" digits"` (trailing white space allowed) end; nil for any other text.
    private static func lostPlusDigitsEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 2, bytes[0] == 0x20 else { return nil }
        var end = 1
        while end < bytes.count, ASCII.isDigit(bytes[end]) { end += 1 }
        guard end > 1 else { return nil }
        for i in end..<bytes.count where !ASCII.isSpace(bytes[i]) { return nil }
        return end
    }
}
