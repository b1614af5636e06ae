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

    /// `body` over the UTF-8 of `text`, in place: decoded text is native, so this neither copies
    /// nor retains it (a `var` copy and `withUTF8` would do both).
    @inline(__always)
    static func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Whether `text`, trimmed, equals `literal` ignoring ASCII case. `literal` is lowercase.
    static func equals(_ text: String, _ literal: StaticString) -> Bool {
        withUTF8(of: text) { equals($0, literal) }
    }

    /// Whether `bytes`, trimmed, equal `literal` ignoring ASCII case. `literal` is lowercase.
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        compare(bytes, literal, prefixOnly: false)
    }

    /// Whether `text`, with leading white space skipped, starts with `literal` ignoring
    /// ASCII case. `literal` is lowercase.
    static func hasPrefix(_ text: String, _ literal: StaticString) -> Bool {
        withUTF8(of: text) { compare($0, literal, prefixOnly: true) }
    }

    private static func compare(_ have: UnsafeBufferPointer<UInt8>, _ literal: StaticString, prefixOnly: Bool) -> Bool {
        let want = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        let (lo, hi) = trimmedRange(have, trailing: !prefixOnly)
        let length = hi - lo
        guard prefixOnly ? length >= want.count : length == want.count else { return false }
        for i in 0..<want.count where lower(have[lo + i]) != want[i] { return false }
        return true
    }

    /// The range of `bytes` without leading (and `trailing`) ASCII white space.
    @inline(__always)
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>, trailing: Bool = true) -> (Int, Int) {
        var lo = 0, hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        if trailing { while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 } }
        return (lo, hi)
    }

    /// `text` without surrounding ASCII white space; nil when nothing is left.
    static func trimmed(_ text: String) -> String? {
        withUTF8(of: text) { bytes -> String? in
            let (lo, hi) = trimmedRange(bytes)
            guard lo < hi else { return nil }
            if lo == 0 && hi == bytes.count { return text }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
        }
    }
}
