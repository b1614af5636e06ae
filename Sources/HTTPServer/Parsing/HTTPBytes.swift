/// Byte classes and small byte-level helpers of the HTTP/1.1 grammar, shared by the head
/// parser and the chunked body decoder.
enum HTTPBytes {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B

    /// tchar (RFC 9110 §5.6.2) as two bit masks, for bytes 0–63 and 64–127.
    private static let tokenLow: UInt64 = 0x03FF_6CFA_0000_0000
    private static let tokenHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    /// tchar: the bytes of a method or a header name (RFC 9110 §5.6.2).
    @inline(__always)
    static func isToken(_ b: UInt8) -> Bool {
        if b < 64 { return (tokenLow >> UInt64(b)) & 1 != 0 }
        if b < 128 { return (tokenHigh >> UInt64(b &- 64)) & 1 != 0 }
        return false
    }

    /// A byte of a request target: visible ASCII only (RFC 9112 §3.2, RFC 3986).
    @inline(__always)
    static func isTargetByte(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }

    /// field-vchar (RFC 9110 §5.5): visible ASCII or obs-text.
    @inline(__always)
    static func isFieldVisible(_ b: UInt8) -> Bool { b > 0x20 && b != 0x7F }

    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool { b == space || b == tab }

    /// The value of a hex digit, or nil.
    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt64? {
        switch b {
        case 0x30...0x39: UInt64(b &- 0x30)
        case 0x41...0x46: UInt64(b &- 0x41 &+ 10)
        case 0x61...0x66: UInt64(b &- 0x61 &+ 10)
        default: nil
        }
    }

    @inline(__always)
    static func lowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Whether `bytes[range]` equals `lowercase` ignoring ASCII case; `lowercase` must be lowercase.
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ lowercase: StaticString) -> Bool {
        guard range.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        var i = 0
        for index in range {
            if lowercased(bytes[index]) != expected[i] { return false }
            i += 1
        }
        return true
    }

    /// `range` without the spaces and tabs at either end.
    static func trimmed(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The elements of a comma-separated list (RFC 9110 §5.6.1), each trimmed; empty ones kept.
    static func listElements(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where bytes[index] == comma {
            elements.append(trimmed(bytes, start..<index))
            start = index + 1
        }
        elements.append(trimmed(bytes, start..<range.upperBound))
        return elements
    }

    /// The bytes as a String: UTF-8 when valid, otherwise ISO-8859-1 byte for byte.
    static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[range])
        if let utf8 = String(validating: slice, as: UTF8.self) { return utf8 }
        return String(decoding: slice.map { UInt32($0) }, as: UTF32.self)
    }

    /// ASCII bytes (a token or a target, already checked) as a String.
    static func asciiString(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

extension HTTPBytes {
    /// Whether `bytes[range]` starts with `prefix`, case-sensitive.
    static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        let expected = prefix.utf8Start
        for i in 0..<count where bytes[range.lowerBound + i] != expected[i] { return false }
        return true
    }
}
