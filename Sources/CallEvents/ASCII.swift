/// Small byte-level text helpers for the decoders: case-insensitive comparison against
/// literals and trimming, without Foundation and without allocating in the common case.
enum ASCII {
    /// `b` lowercased when it is an ASCII capital letter.
    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b &- 0x41) < 26 ? b | 0x20 : b }

    /// Space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { (b &- 0x30) < 10 }

    /// Whether `text`, trimmed, equals `literal` ignoring ASCII case. `literal` is lowercase.
    static func equals(_ text: String, _ literal: StaticString) -> Bool {
        compare(text, literal, prefixOnly: false)
    }

    /// Whether `text`, with leading white space skipped, starts with `literal` ignoring
    /// ASCII case. `literal` is lowercase.
    static func hasPrefix(_ text: String, _ literal: StaticString) -> Bool {
        compare(text, literal, prefixOnly: true)
    }

    private static func compare(_ text: String, _ literal: StaticString, prefixOnly: Bool) -> Bool {
        literal.withUTF8Buffer { want in
            var text = text
            return text.withUTF8 { have in
                var lo = 0, hi = have.count
                while lo < hi, isSpace(have[lo]) { lo += 1 }
                if !prefixOnly { while hi > lo, isSpace(have[hi - 1]) { hi -= 1 } }
                let length = hi - lo
                guard prefixOnly ? length >= want.count : length == want.count else { return false }
                for i in 0..<want.count where lower(have[lo + i]) != want[i] { return false }
                return true
            }
        }
    }

    /// `text` without surrounding ASCII white space; nil when nothing is left.
    static func trimmed(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if !isSpace(first) && !isSpace(last) { return text }
        var text = text
        return text.withUTF8 { bytes -> String? in
            var lo = 0, hi = bytes.count
            while lo < hi, isSpace(bytes[lo]) { lo += 1 }
            while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
            guard lo < hi else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }
    }
}
