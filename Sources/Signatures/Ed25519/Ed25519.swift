/// Ed25519 signature verification (RFC 8032 §5.1.7), for Telnyx's `telnyx-signature-ed25519`.
///
/// ```swift
/// guard let key = Ed25519.PublicKey(Base64.decode(route.publicKey)!) else { … }
/// key.isValidSignature(signature, for: Array("\(timestamp)|".utf8) + body)
/// ```
///
/// Refused: a key that is not a canonical point encoding, an S not below L, an R that is not
/// the canonical encoding of [S]B - [k]A. The check is the cofactorless [S]B = R + [k]A, which
/// RFC 8032 §5.1.7 allows.
public enum Ed25519 {
    public struct PublicKey: Sendable {
        let bytes: [UInt8]
        // Odd multiples -A, -3A, …, -15A, ready to add.
        let negatedMultiples: [EdwardsPoint.Cached]

        /// nil unless `bytes` is 32 bytes encoding a point (RFC 8032 §5.1.3) of large order. A
        /// key of small order (one of the 8 points with [8]A the identity) would accept forged
        /// signatures under the cofactorless check (R = -[k]A, S = 0), so it is refused.
        public init?(_ bytes: some Collection<UInt8>) {
            let bytes = Array(bytes)
            guard let point = EdwardsPoint(decoding: bytes),
                  point.doubled().doubled().doubled().encoded != EdwardsPoint.identity.encoded else { return nil }
            self.bytes = bytes
            self.negatedMultiples = Ed25519.oddMultiples(of: point.negated, count: 8)
        }

        public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
            let signature = Array(signature)
            guard signature.count == 64, let s = Scalar(canonical: signature[32...]) else { return false }
            var hash = SHA512()
            hash.update(signature[0..<32])
            hash.update(bytes)
            hash.update(message)
            let k = Scalar(reducing: hash.finalize())
            let check = Ed25519.doubleScalarMultiply(k: k, negatedA: negatedMultiples, s: s)
            return ConstantTime.equals(check.encoded, signature[0..<32])
        }
    }

    /// Odd multiples B, 3B, …, 127B for a window of 8 bits on S, computed once.
    static let baseMultiples: [EdwardsPoint.Cached] = oddMultiples(of: .base, count: 64)

    static func oddMultiples(of point: EdwardsPoint, count: Int) -> [EdwardsPoint.Cached] {
        var result = [point.cached]
        let twice = point.doubled().cached
        var current = point
        for _ in 1..<count {
            current = current.adding(twice)
            result.append(current.cached)
        }
        return result
    }

    /// [k](-A) + [s]B by Straus' method over the two sliding-window forms: one run of doublings.
    static func doubleScalarMultiply(k: Scalar, negatedA: [EdwardsPoint.Cached], s: Scalar) -> EdwardsPoint {
        let kDigits = k.slidingWindow(width: 5), sDigits = s.slidingWindow(width: 8)
        let base = baseMultiples
        var top = 255
        while top >= 0, kDigits[top] == 0, sDigits[top] == 0 { top -= 1 }
        var r = EdwardsPoint.identity
        var i = top
        while i >= 0 {
            r = r.doubled()
            let a = Int(kDigits[i]), b = Int(sDigits[i])
            if a > 0 { r = r.adding(negatedA[a / 2]) } else if a < 0 { r = r.subtracting(negatedA[-a / 2]) }
            if b > 0 { r = r.adding(base[b / 2]) } else if b < 0 { r = r.subtracting(base[-b / 2]) }
            i -= 1
        }
        return r
    }
}
