/// The base64 alphabets of RFC 4648: `standard` (§4, `+/`) for HTTP Basic credentials
/// (RFC 7617 §2) and signature headers, `url` (§5, `-_`) for JWTs (RFC 7515 §2).
///
/// ```swift
/// Base64.decode("dXNlcjpwYXNz".utf8)                  // Array("user:pass".utf8)
/// Base64.decode("eyJhbGciOiJIUzI1NiJ9".utf8, alphabet: .url)
/// Base64.encode([0xFB, 0xFF], alphabet: .url, padded: false)   // "-_8"
/// ```
///
/// Decoding: padding may be left out; any other character, a length no encoder produces, or
/// non-zero bits after the last byte, is refused.
public enum Base64 {
    public enum Alphabet: Sendable { case standard, url }

    public static func decode(_ text: some Collection<UInt8>, alphabet: Alphabet = .standard) -> [UInt8]? {
        withContiguousBytes(text) { decode(bytes: $0, alphabet: alphabet) }
    }

    /// `decode` over bytes already in memory (a JWT's segments, read in place).
    static func decode(_ text: UnsafeBufferPointer<UInt8>, alphabet: Alphabet) -> [UInt8]? {
        decode(bytes: text, alphabet: alphabet)
    }

    private static func decode(bytes text: UnsafeBufferPointer<UInt8>, alphabet: Alphabet) -> [UInt8]? {
        // At most two `=`, and only at the end.
        var end = text.count, padding = 0
        while end > 0, text[end - 1] == UInt8(ascii: "="), padding < 2 {
            end -= 1
            padding += 1
        }
        guard end % 4 != 1, padding == 0 || (end + padding) % 4 == 0 else { return nil }
        guard end > 0, let input = text.baseAddress else { return [] }
        let values = alphabet == .standard ? standardValues : urlValues
        var valid = true
        let result = [UInt8](unsafeUninitializedCapacity: end * 6 / 8) { out, initialized in
            values.withUnsafeBufferPointer { table in
                let table = table.baseAddress!
                let output = out.baseAddress!
                var index = 0, produced = 0
                // Four characters make three bytes: whole quads first, without a bit loop. A
                // byte outside the alphabet has the high bit set in the table, so one test
                // covers all four.
                var invalid: UInt32 = 0
                while index &+ 4 <= end {
                    let a = UInt32(table[Int(input[index])]), b = UInt32(table[Int(input[index &+ 1])])
                    let c = UInt32(table[Int(input[index &+ 2])]), d = UInt32(table[Int(input[index &+ 3])])
                    invalid |= a | b | c | d
                    let quad = a &<< 18 | b &<< 12 | c &<< 6 | d
                    output[produced] = UInt8(truncatingIfNeeded: quad &>> 16)
                    output[produced &+ 1] = UInt8(truncatingIfNeeded: quad &>> 8)
                    output[produced &+ 2] = UInt8(truncatingIfNeeded: quad)
                    index &+= 4
                    produced &+= 3
                }
                if invalid & 0x80 != 0 {
                    valid = false
                    initialized = 0
                    return
                }
                var accumulator: UInt32 = 0, bits = 0
                while index < end {
                    let value = table[Int(input[index])]
                    guard value & 0x80 == 0 else {
                        valid = false
                        break
                    }
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        output[produced] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                        produced += 1
                    }
                    index += 1
                }
                // RFC 4648 §3.5: bits left over must be zero, so each byte string has one text
                // and a signature cannot be altered in its last character without changing its bytes.
                if accumulator & ((1 << UInt32(bits)) - 1) != 0 { valid = false }
                initialized = produced
            }
        }
        return valid ? result : nil
    }

    /// Each byte's value in the alphabet, 0xFF for a byte outside it.
    private static let standardValues = values(.standard)
    private static let urlValues = values(.url)

    private static func values(_ alphabet: Alphabet) -> [UInt8] {
        (0...255).map { sextet(UInt8($0), alphabet) ?? 0xFF }
    }

    /// The text of `bytes` in `alphabet`, with `=` padding unless `padded` is false.
    public static func encode(_ bytes: some Collection<UInt8>, alphabet: Alphabet = .standard, padded: Bool = true) -> String {
        let table: StaticString = alphabet == .standard
            ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        let digits = UnsafeBufferPointer(start: table.utf8Start, count: 64)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var accumulator: UInt32 = 0, bits = 0
        for byte in bytes {
            accumulator = accumulator << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(digits[Int(accumulator >> UInt32(bits) & 0x3F)])
            }
        }
        if bits > 0 { out.append(digits[Int(accumulator << UInt32(6 - bits) & 0x3F)]) }
        if padded { while out.count % 4 != 0 { out.append(UInt8(ascii: "=")) } }
        return String(decoding: out, as: UTF8.self)
    }

    private static func sextet(_ byte: UInt8, _ alphabet: Alphabet) -> UInt8? {
        switch byte {
        case 65...90: byte - 65
        case 97...122: byte - 71
        case 48...57: byte + 4
        case UInt8(ascii: "+") where alphabet == .standard: 62
        case UInt8(ascii: "/") where alphabet == .standard: 63
        case UInt8(ascii: "-") where alphabet == .url: 62
        case UInt8(ascii: "_") where alphabet == .url: 63
        default: nil
        }
    }
}
