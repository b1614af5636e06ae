/// A point of edwards25519 in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z
/// (RFC 8032 §5.1.4), with the formulas of Hisil, Wong, Carter and Dawson for a = -1.
struct EdwardsPoint: Sendable {
    var x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement

    static let identity = EdwardsPoint(x: .zero, y: .one, z: .one, t: .zero)

    // RFC 8032 §5.1: d = -121665/121666, and sqrt(-1) = 2^((p-1)/4).
    static let d = FieldElement(bytes: Hex.decode("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352".utf8)!)
    static let d2 = FieldElement(bytes: Hex.decode("59f1b226949bd6eb56b183829a14e00030d1f3eef2808e19e7fcdf56dcd90624".utf8)!)
    static let sqrtMinusOne = FieldElement(bytes: Hex.decode("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b".utf8)!)
    // RFC 8032 §5.1: B, y = 4/5 with x positive.
    static let base = EdwardsPoint(decoding: Hex.decode("5866666666666666666666666666666666666666666666666666666666666666".utf8)!)!

    /// RFC 8032 §5.1.3. nil for y >= p (a non-canonical encoding), for a y with no x, and for
    /// x = 0 with the sign bit set.
    init?(decoding bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        let y = FieldElement(bytes: bytes)
        var canonical = bytes
        canonical[31] &= 0x7F
        guard y.bytes == canonical else { return nil }
        let sign = bytes[31] >> 7
        // x^2 = (y^2 - 1) / (d y^2 + 1) = u / v; x = u v^3 (u v^7)^((p-5)/8).
        let y2 = y.squared()
        let u = y2 - .one
        let v = y2 * Self.d + .one
        let v3 = v.squared() * v
        let v7 = v3.squared() * v
        var x = u * v3 * (u * v7).pow22523()
        let check = v * x.squared()
        if check.equals(u) {
        } else if check.equals(-u) {
            x = x * Self.sqrtMinusOne
        } else {
            return nil
        }
        if x.isZero && sign == 1 { return nil }
        if (x.isNegative ? 1 : 0) != sign { x = -x }
        self.init(x: x, y: y, z: .one, t: x * y)
    }

    init(x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement) {
        self.x = x; self.y = y; self.z = z; self.t = t
    }

    /// RFC 8032 §5.1.2: y with the sign of x in the top bit.
    var encoded: [UInt8] {
        let inverse = z.inverted()
        let affineX = x * inverse, affineY = y * inverse
        var out = affineY.bytes
        if affineX.isNegative { out[31] |= 0x80 }
        return out
    }

    var negated: EdwardsPoint { EdwardsPoint(x: -x, y: y, z: z, t: -t) }

    /// dbl-2008-hwcd with a = -1: 4 squarings and 4 multiplications.
    @inline(__always)
    func doubled() -> EdwardsPoint {
        let a = x.squared(), b = y.squared()
        let c = z.squared() + z.squared()
        let h = a + b
        let e = h - (x + y).squared()
        let g = a - b
        let f = c + g
        return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// add-2008-hwcd-3 against a point prepared once (`Cached`): 8 multiplications.
    @inline(__always)
    func adding(_ q: Cached) -> EdwardsPoint {
        let a = (y - x) * q.yMinusX
        let b = (y + x) * q.yPlusX
        let c = t * q.t2d
        let d = z * q.z2
        let e = b - a, f = d - c, g = d + c, h = b + a
        return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    @inline(__always)
    func subtracting(_ q: Cached) -> EdwardsPoint {
        let a = (y - x) * q.yPlusX
        let b = (y + x) * q.yMinusX
        let c = t * q.t2d
        let d = z * q.z2
        let e = b - a, f = d + c, g = d - c, h = b + a
        return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// (Y+X, Y-X, 2dT, 2Z): the operand form of an addition.
    struct Cached: Sendable {
        var yPlusX: FieldElement, yMinusX: FieldElement, t2d: FieldElement, z2: FieldElement
    }

    var cached: Cached { Cached(yPlusX: y + x, yMinusX: y - x, t2d: t * Self.d2, z2: z + z) }
}
