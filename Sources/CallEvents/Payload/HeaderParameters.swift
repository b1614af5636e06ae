/// The `; name=value` parameters after a header's first token, as in `Content-Type` and
/// `Content-Disposition` (RFC 9110 §5.6.6): `*( OWS ";" OWS token "=" ( token / quoted-string ) )`.
///
/// ```swift
/// let text = Array(#"form-data; name="a b"; filename=x.txt"#.utf8)
/// text.withUnsafeBufferPointer { HeaderParameters.parse($0, from: 9) }   // [("name", "a b"), ("filename", "x.txt")]
/// ```
///
/// Lenient on purpose: a malformed parameter is skipped, not an error. Names are lowercased;
/// values are read as UTF-8, or ISO-8859-1 when they are not.
enum HeaderParameters {
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        var i = start
        while i < bytes.count {
            // Everything up to the next ';' that is not a parameter is skipped.
            while i < bytes.count, bytes[i] != UInt8(ascii: ";") { i += 1 }
            i += 1
            skipSpaces(bytes, &i)
            let nameStart = i
            while i < bytes.count, isTokenByte(bytes[i]) { i += 1 }
            let nameEnd = i
            skipSpaces(bytes, &i)
            guard nameEnd > nameStart, i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            skipSpaces(bytes, &i)
            let value: String
            if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
                value = quotedString(bytes, &i)
            } else {
                let valueStart = i
                while i < bytes.count, bytes[i] != UInt8(ascii: ";"), bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
                value = TextDecoding.string(UnsafeBufferPointer(rebasing: bytes[valueStart..<i]))
            }
            parameters.append((lowercased(UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])), value))
        }
        return parameters
    }

    /// RFC 9110 §5.6.4: `DQUOTE *( qdtext / quoted-pair ) DQUOTE`; an unterminated one runs to the end.
    private static func quotedString(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String {
        i += 1   // "
        var text: [UInt8] = []
        while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count { i += 1 }
            text.append(bytes[i])
            i += 1
        }
        i += 1   // "
        return TextDecoding.string(text)
    }

    static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    }

    /// RFC 9110 §5.6.2: `tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    /// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// ASCII lowercase (header tokens are ASCII by RFC 9110 §5.6.2).
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (k, byte) in bytes.enumerated() {
                out[k] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }
}
