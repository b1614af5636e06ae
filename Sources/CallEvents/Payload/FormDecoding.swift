/// `application/x-www-form-urlencoded` by the WHATWG URL standard's rules (§5.1,
/// "application/x-www-form-urlencoded parsing"), also used for GET queries.
///
/// ```swift
/// FormDecoding.decode(ArraySlice("a=1&b=x+y&a=2&flag&token=s3cret".utf8), dropping: ["token"])
/// // {"a": ["1", "2"], "b": "x y", "flag": ""}
/// ```
public enum FormDecoding {
    /// An object of name to value: a repeated name becomes an array of its values in order,
    /// a name without `=` maps to `""`; `+` is a space; an invalid `%` sequence is kept as is;
    /// bytes that are not valid UTF-8 are read as ISO-8859-1. Names in `dropping` are left out.
    public static func decode(_ bytes: ArraySlice<UInt8>, dropping: Set<String> = []) -> JSONValue {
        bytes.withUnsafeBufferPointer { decode($0, dropping: dropping) }
    }

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, dropping: Set<String> = []) -> JSONValue {
        collect(buffer, dropping: dropping).object
    }

    /// The fields of `buffer`, gathered: the object `decode` returns, and each of its names'
    /// `FieldName.hash` (which `Fields` needs, and which is computed here anyway).
    static func collect(_ buffer: UnsafeBufferPointer<UInt8>, dropping: Set<String> = []) -> FieldCollector {
        // A field per `&`, or fewer: room for them at once rather than growing.
        let separators = ByteScan.count(buffer) { ByteScan.equal($0, UInt8(ascii: "&")) }
        var fields = FieldCollector(capacity: min(separators + 1, 256))
        var start = 0
        while start <= buffer.count {
            // Split on `&`; empty sequences are skipped.
            let end = ByteScan.firstMatch(buffer, from: start) { ByteScan.equal($0, UInt8(ascii: "&")) }
            if end > start {
                let field = UnsafeBufferPointer(rebasing: buffer[start..<end])
                let equals = start + ByteScan.firstMatch(field) { ByteScan.equal($0, UInt8(ascii: "=")) }
                let name = decodeName(UnsafeBufferPointer(rebasing: buffer[start..<equals]))
                if !isDropped(name.text, dropping) {
                    let value = equals < end
                        ? decodeComponent(UnsafeBufferPointer(rebasing: buffer[(equals + 1)..<end]))
                        : ""
                    fields.add(name, value)
                }
            }
            start = end + 1
        }
        return fields
    }

    /// `dropping.contains(name)`, with a short set (the usual `token`) compared directly rather
    /// than hashed.
    @inline(__always)
    private static func isDropped(_ name: String, _ dropping: Set<String>) -> Bool {
        if dropping.isEmpty { return false }
        if dropping.count > 4 { return dropping.contains(name) }
        for dropped in dropping where dropped == name { return true }
        return false
    }

    /// One name or value: `+` is a space, `%` with two hex digits is that byte, any other `%` is
    /// kept literally; the bytes are then read as UTF-8, or ISO-8859-1 when they are not UTF-8.
    static func decodeComponent(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        withDecoded(bytes) { TextDecoding.string($0) }
    }

    /// A name decoded as `decodeComponent` does, with its `FieldName.hash`; one the vendors
    /// document is the shared string of `KnownNames`.
    static func decodeName(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldCollector.Name {
        withDecoded(bytes) { decoded in
            guard ByteScan.isASCII(decoded) else {
                let text = TextDecoding.string(decoded)
                return FieldCollector.Name(text: text, hash: FieldName.hash(text), ascii: false)
            }
            let hash = FieldName.hash(decoded)
            let text = KnownNames.string(decoded, hash: hash) ?? String(decoding: decoded, as: UTF8.self)
            return FieldCollector.Name(text: text, hash: hash, ascii: true)
        }
    }

    /// `body` over the bytes of a component with `+` and `%` sequences undone (the bytes
    /// themselves when there are none).
    private static func withDecoded<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let plain = ByteScan.firstMatch(bytes) {
            ByteScan.equal($0, UInt8(ascii: "+")) | ByteScan.equal($0, UInt8(ascii: "%"))
        } == bytes.count
        if plain { return body(bytes) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            var n = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "+") {
                    out[n] = 0x20
                } else if byte == UInt8(ascii: "%"), i + 2 < bytes.count,
                          let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                    out[n] = high << 4 | low
                    i += 2
                } else {
                    out[n] = byte
                }
                n += 1
                i += 1
            }
            return body(UnsafeBufferPointer(rebasing: out[..<n]))
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
