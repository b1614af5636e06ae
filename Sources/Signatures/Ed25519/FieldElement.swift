/// An element of GF(2^255 - 19) in five 51-bit limbs (RFC 7748 §5's field, the radix of
/// "ed25519-donna"): products of two limbs fit a `UInt128`, so a multiplication is 25 64×64-bit
/// products and one carry chain. Limbs stay below 2^52 between operations.
struct FieldElement: Sendable {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64

    static let mask: UInt64 = (1 << 51) - 1
    static let zero = FieldElement(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0)
    static let one = FieldElement(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0)

    /// RFC 8032 §5.1.3: 32 bytes little-endian; the top bit (the sign of x) is ignored here.
    init(bytes: UnsafeRawBufferPointer) {
        let w0 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let w3 = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        l0 = w0 & Self.mask
        l1 = (w0 >> 51 | w1 << 13) & Self.mask
        l2 = (w1 >> 38 | w2 << 26) & Self.mask
        l3 = (w2 >> 25 | w3 << 39) & Self.mask
        l4 = (w3 >> 12) & Self.mask
    }

    init(bytes: [UInt8]) { self = bytes.withUnsafeBytes { FieldElement(bytes: $0) } }

    init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4
    }

    /// The canonical encoding: fully reduced below p, little-endian.
    var bytes: [UInt8] {
        var h = self.carried()
        // h < 2p now; subtract p once if h >= p (q is 1 exactly then).
        var q = (h.l0 &+ 19) >> 51
        q = (h.l1 &+ q) >> 51
        q = (h.l2 &+ q) >> 51
        q = (h.l3 &+ q) >> 51
        q = (h.l4 &+ q) >> 51
        h.l0 &+= 19 &* q
        h.l1 &+= h.l0 >> 51; h.l0 &= Self.mask
        h.l2 &+= h.l1 >> 51; h.l1 &= Self.mask
        h.l3 &+= h.l2 >> 51; h.l2 &= Self.mask
        h.l4 &+= h.l3 >> 51; h.l3 &= Self.mask
        h.l4 &= Self.mask
        let words = [h.l0 | h.l1 << 51, h.l1 >> 13 | h.l2 << 38, h.l2 >> 26 | h.l3 << 25, h.l3 >> 39 | h.l4 << 12]
        var out = [UInt8](repeating: 0, count: 32)
        for (index, word) in words.enumerated() {
            for byte in 0..<8 { out[index * 8 + byte] = UInt8(truncatingIfNeeded: word >> UInt64(byte * 8)) }
        }
        return out
    }

    var isNegative: Bool { bytes[0] & 1 == 1 }
    var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    @inline(__always)
    func carried() -> FieldElement {
        var r = self
        r.l1 &+= r.l0 >> 51; r.l0 &= Self.mask
        r.l2 &+= r.l1 >> 51; r.l1 &= Self.mask
        r.l3 &+= r.l2 >> 51; r.l2 &= Self.mask
        r.l4 &+= r.l3 >> 51; r.l3 &= Self.mask
        r.l0 &+= 19 &* (r.l4 >> 51); r.l4 &= Self.mask
        return r
    }

    @inline(__always)
    static func + (a: FieldElement, b: FieldElement) -> FieldElement {
        FieldElement(l0: a.l0 &+ b.l0, l1: a.l1 &+ b.l1, l2: a.l2 &+ b.l2, l3: a.l3 &+ b.l3, l4: a.l4 &+ b.l4).carried()
    }

    /// a + 4p - b, so no limb goes below zero while b's limbs are below 2^53.
    @inline(__always)
    static func - (a: FieldElement, b: FieldElement) -> FieldElement {
        FieldElement(l0: a.l0 &+ 0x1FFFFFFFFFFFB4 &- b.l0, l1: a.l1 &+ 0x1FFFFFFFFFFFFC &- b.l1,
                     l2: a.l2 &+ 0x1FFFFFFFFFFFFC &- b.l2, l3: a.l3 &+ 0x1FFFFFFFFFFFFC &- b.l3,
                     l4: a.l4 &+ 0x1FFFFFFFFFFFFC &- b.l4).carried()
    }

    @inline(__always)
    static prefix func - (a: FieldElement) -> FieldElement { zero - a }

    @inline(__always)
    private static func m(_ a: UInt64, _ b: UInt64) -> UInt128 {
        let (high, low) = a.multipliedFullWidth(by: b)
        return UInt128(high) << 64 | UInt128(low)
    }

    @inline(__always)
    private static func reduce(_ r0: UInt128, _ r1: UInt128, _ r2: UInt128, _ r3: UInt128, _ r4: UInt128) -> FieldElement {
        var r1 = r1, r2 = r2, r3 = r3, r4 = r4
        let c0 = r0 >> 51; r1 &+= c0
        let c1 = r1 >> 51; r2 &+= c1
        let c2 = r2 >> 51; r3 &+= c2
        let c3 = r3 >> 51; r4 &+= c3
        let c4 = UInt64(truncatingIfNeeded: r4 >> 51)
        var h0 = UInt64(truncatingIfNeeded: r0) & mask &+ c4 &* 19
        let h1 = UInt64(truncatingIfNeeded: r1) & mask &+ (h0 >> 51)
        h0 &= mask
        return FieldElement(l0: h0, l1: h1, l2: UInt64(truncatingIfNeeded: r2) & mask,
                            l3: UInt64(truncatingIfNeeded: r3) & mask, l4: UInt64(truncatingIfNeeded: r4) & mask)
    }

    @inline(__always)
    static func * (a: FieldElement, b: FieldElement) -> FieldElement {
        let b1 = b.l1 &* 19, b2 = b.l2 &* 19, b3 = b.l3 &* 19, b4 = b.l4 &* 19
        let r0 = m(a.l0, b.l0) &+ m(a.l1, b4) &+ m(a.l2, b3) &+ m(a.l3, b2) &+ m(a.l4, b1)
        let r1 = m(a.l0, b.l1) &+ m(a.l1, b.l0) &+ m(a.l2, b4) &+ m(a.l3, b3) &+ m(a.l4, b2)
        let r2 = m(a.l0, b.l2) &+ m(a.l1, b.l1) &+ m(a.l2, b.l0) &+ m(a.l3, b4) &+ m(a.l4, b3)
        let r3 = m(a.l0, b.l3) &+ m(a.l1, b.l2) &+ m(a.l2, b.l1) &+ m(a.l3, b.l0) &+ m(a.l4, b4)
        let r4 = m(a.l0, b.l4) &+ m(a.l1, b.l3) &+ m(a.l2, b.l2) &+ m(a.l3, b.l1) &+ m(a.l4, b.l0)
        return reduce(r0, r1, r2, r3, r4)
    }

    @inline(__always)
    func squared() -> FieldElement {
        let d0 = l0 &* 2, d1 = l1 &* 2, d2 = l2 &* 2, d3 = l3 &* 2
        let a3 = l3 &* 19, a4 = l4 &* 19
        let r0 = Self.m(l0, l0) &+ Self.m(d1, a4) &+ Self.m(d2, a3)
        let r1 = Self.m(d0, l1) &+ Self.m(d2, a4) &+ Self.m(l3, a3)
        let r2 = Self.m(d0, l2) &+ Self.m(l1, l1) &+ Self.m(d3, a4)
        let r3 = Self.m(d0, l3) &+ Self.m(d1, l2) &+ Self.m(l4, a4)
        let r4 = Self.m(d0, l4) &+ Self.m(d1, l3) &+ Self.m(l2, l2)
        return Self.reduce(r0, r1, r2, r3, r4)
    }

    func squared(times: Int) -> FieldElement {
        var r = self
        for _ in 0..<times { r = r.squared() }
        return r
    }

    /// (z^(2^250 - 1), z^11): the common start of inversion and the square root.
    private func pow2250() -> (FieldElement, FieldElement) {
        let z2 = squared()
        let z9 = z2.squared(times: 2) * self
        let z11 = z9 * z2
        let z2_5_0 = z11.squared() * z9
        let z2_10_0 = z2_5_0.squared(times: 5) * z2_5_0
        let z2_20_0 = z2_10_0.squared(times: 10) * z2_10_0
        let z2_40_0 = z2_20_0.squared(times: 20) * z2_20_0
        let z2_50_0 = z2_40_0.squared(times: 10) * z2_10_0
        let z2_100_0 = z2_50_0.squared(times: 50) * z2_50_0
        let z2_200_0 = z2_100_0.squared(times: 100) * z2_100_0
        let z2_250_0 = z2_200_0.squared(times: 50) * z2_50_0
        return (z2_250_0, z11)
    }

    /// z^(p-2) = 1/z (Fermat).
    func inverted() -> FieldElement {
        let (z2_250_0, z11) = pow2250()
        return z2_250_0.squared(times: 5) * z11
    }

    /// z^((p-5)/8) = z^(2^252 - 3), for the square root of RFC 8032 §5.1.3.
    func pow22523() -> FieldElement {
        let (z2_250_0, _) = pow2250()
        return z2_250_0.squared(times: 2) * self
    }

    func equals(_ other: FieldElement) -> Bool { bytes == other.bytes }
}
