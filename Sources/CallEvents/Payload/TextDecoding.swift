/// Text from bytes that should be UTF-8 but may not be (Documentation.docc/EventSchema.md, "Raw"):
/// valid UTF-8 is read as such, anything else as ISO-8859-1, so that no byte is lost.
///
/// ```swift
/// TextDecoding.string([0x63, 0x61, 0x66, 0xE9])   // "café" (0xE9 alone is not UTF-8)
/// ```
enum TextDecoding {
    /// The bytes as UTF-8 when they are valid UTF-8, else as ISO-8859-1.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Most fields are ASCII: one cheap scan, a word at a time, then no second validation worth the name.
        if ByteScan.isASCII(bytes) || isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return latin1(bytes)
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// Each byte as the code point of the same value (ISO-8859-1 maps bytes 1:1 onto U+0000-U+00FF).
    static func latin1(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            var n = 0
            for byte in bytes {
                if byte < 0x80 {
                    out[n] = byte
                    n += 1
                } else {
                    out[n] = 0xC0 | (byte >> 6)
                    out[n + 1] = 0x80 | (byte & 0x3F)
                    n += 2
                }
            }
            return n
        }
    }

    /// Strict UTF-8 (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 < 0xC2 { return false }   // continuation byte first, or overlong C0/C1
            if b0 < 0xE0 {
                guard i + 1 < count, bytes[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
                continue
            }
            if b0 < 0xF0 {
                guard i + 2 < count else { return false }
                let b1 = bytes[i + 1]
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80   // overlong
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF  // surrogates U+D800-U+DFFF
                guard b1 >= low, b1 <= high, bytes[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
                continue
            }
            if b0 < 0xF5 {
                guard i + 3 < count else { return false }
                let b1 = bytes[i + 1]
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80   // overlong
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF  // above U+10FFFF
                guard b1 >= low, b1 <= high, bytes[i + 2] & 0xC0 == 0x80, bytes[i + 3] & 0xC0 == 0x80 else {
                    return false
                }
                i += 4
                continue
            }
            return false
        }
        return true
    }
}
