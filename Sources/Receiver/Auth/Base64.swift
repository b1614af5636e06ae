/// Decoding of the base64 alphabet of RFC 4648 §4, for HTTP Basic credentials
/// (RFC 7617 §2). Padding may be left out; any other character, or a length no encoder
/// produces, is refused.
enum Base64 {
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var body = Array(text)
        // At most two `=`, and only at the end.
        var padding = 0
        while body.last == UInt8(ascii: "="), padding < 2 {
            body.removeLast()
            padding += 1
        }
        guard body.count % 4 != 1, padding == 0 || (body.count + padding) % 4 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(body.count * 3 / 4)
        var accumulator: UInt32 = 0, bits = 0
        for byte in body {
            guard let value = sextet(byte) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return result
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte - 65
        case 97...122: byte - 71
        case 48...57: byte + 4
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
