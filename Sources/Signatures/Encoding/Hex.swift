/// Base 16 (RFC 4648 §8): signatures in `hex` encoding and Zoom's `encryptedToken`.
///
/// ```swift
/// Hex.encode([0xAB, 0x01])        // "ab01"
/// Hex.decode("AB01".utf8)         // [0xAB, 0x01]: either case is read
/// ```
public enum Hex {
    /// Lower-case digits, as the vendors send them.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let digits: StaticString = "0123456789abcdef"
        let table = UnsafeBufferPointer(start: digits.utf8Start, count: 16)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// nil for an odd length or any character that is not a hex digit.
    public static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        withContiguousBytes(text) { decode(bytes: $0) }
    }

    private static func decode(bytes text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var out = [UInt8](repeating: 0, count: text.count / 2)
        var index = 0
        while index < out.count {
            guard let high = nibble(text[2 * index]), let low = nibble(text[2 * index + 1]) else { return nil }
            out[index] = high << 4 | low
            index += 1
        }
        return out
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 97...102: byte - 87
        case 65...70: byte - 55
        default: nil
        }
    }
}
