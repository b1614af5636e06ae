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
        var fields = FieldCollector()
        var start = 0
        while start <= buffer.count {
            // Split on `&`; empty sequences are skipped.
            var end = start
            while end < buffer.count, buffer[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                var equals = start
                while equals < end, buffer[equals] != UInt8(ascii: "=") { equals += 1 }
                let name = decodeComponent(UnsafeBufferPointer(rebasing: buffer[start..<equals]))
                if dropping.isEmpty || !dropping.contains(name) {
                    let value = equals < end
                        ? decodeComponent(UnsafeBufferPointer(rebasing: buffer[(equals + 1)..<end]))
                        : ""
                    fields.add(name, value)
                }
            }
            start = end + 1
        }
        return fields.object
    }

    /// One name or value: `+` is a space, `%` with two hex digits is that byte, any other `%` is
    /// kept literally; the bytes are then read as UTF-8, or ISO-8859-1 when they are not UTF-8.
    static func decodeComponent(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var plain = true
        for byte in bytes where byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%") {
            plain = false
            break
        }
        if plain { return TextDecoding.string(bytes) }
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
            return TextDecoding.string(UnsafeBufferPointer(rebasing: out[..<n]))
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
