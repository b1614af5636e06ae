/// Integers modulo the group order L = 2^252 + 27742317777372353535851937790883648493
/// (RFC 8032 §5.1), as four little-endian 64-bit words.
struct Scalar: Sendable {
    var words: (UInt64, UInt64, UInt64, UInt64)

    static let order: (UInt64, UInt64, UInt64, UInt64) = (0x5812631a5cf5d3ed, 0x14def9dea2f79cd6, 0, 0x1000000000000000)

    /// RFC 8032 §5.1.7: S is read as-is and must be below L (`nil` otherwise), which is what
    /// makes a signature non-malleable.
    init?(canonical bytes: ArraySlice<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var w: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() { w[index / 8] |= UInt64(byte) << UInt64(index % 8 * 8) }
        words = (w[0], w[1], w[2], w[3])
        guard Scalar.less(words, Scalar.order) else { return nil }
    }

    /// A little-endian number of any length, reduced mod L (for SHA-512(R || A || M)), bit by
    /// bit from the top: r = 2r + bit, less L when it reaches L.
    init(reducing bytes: [UInt8]) {
        var r: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for index in stride(from: bytes.count * 8 - 1, through: 0, by: -1) {
            let bit = UInt64(bytes[index / 8] >> UInt8(index % 8) & 1)
            r = (r.0 << 1 | bit, r.1 << 1 | r.0 >> 63, r.2 << 1 | r.1 >> 63, r.3 << 1 | r.2 >> 63)
            if !Scalar.less(r, Scalar.order) { r = Scalar.subtract(r, Scalar.order) }
        }
        words = r
    }

    var bits: [Int8] {
        var out = [Int8](repeating: 0, count: 256)
        let w = [words.0, words.1, words.2, words.3]
        for index in 0..<256 { out[index] = Int8(truncatingIfNeeded: w[index / 64] >> UInt64(index % 64) & 1) }
        return out
    }

    /// A signed sliding window form: odd digits of magnitude at most `2^(width-1) - 1`, each
    /// followed by zeros (the `slide` of SUPERCOP's ref10).
    func slidingWindow(width: Int) -> [Int8] {
        var r = bits
        let limit = (1 << (width - 1)) - 1
        for i in 0..<256 where r[i] != 0 {
            var b = 1
            while b < width + 1, i + b < 256 {
                if r[i + b] != 0 {
                    let shifted = Int(r[i + b]) << b
                    if Int(r[i]) + shifted <= limit {
                        r[i] = Int8(Int(r[i]) + shifted); r[i + b] = 0
                    } else if Int(r[i]) - shifted >= -limit {
                        r[i] = Int8(Int(r[i]) - shifted)
                        for k in (i + b)..<256 {
                            if r[k] == 0 { r[k] = 1; break }
                            r[k] = 0
                        }
                    } else {
                        break
                    }
                }
                b += 1
            }
        }
        return r
    }

    private static func less(_ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        if a.3 != b.3 { return a.3 < b.3 }
        if a.2 != b.2 { return a.2 < b.2 }
        if a.1 != b.1 { return a.1 < b.1 }
        return a.0 < b.0
    }

    private static func subtract(_ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64)) -> (UInt64, UInt64, UInt64, UInt64) {
        let (r0, o0) = a.0.subtractingReportingOverflow(b.0)
        let (s1, o1a) = a.1.subtractingReportingOverflow(b.1)
        let (r1, o1b) = s1.subtractingReportingOverflow(o0 ? 1 : 0)
        let (s2, o2a) = a.2.subtractingReportingOverflow(b.2)
        let (r2, o2b) = s2.subtractingReportingOverflow(o1a || o1b ? 1 : 0)
        let r3 = a.3 &- b.3 &- (o2a || o2b ? 1 : 0)
        return (r0, r1, r2, r3)
    }
}
