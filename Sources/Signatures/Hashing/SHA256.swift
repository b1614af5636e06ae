/// SHA-256 (FIPS 180-4 §6.2): HMAC-SHA256 signatures (Zoom, Stripe-style, Twilio's newer
/// setting, JWT HS256) and Twilio's `bodySHA256`.
///
/// ```swift
/// SHA256.hash(Array("abc".utf8))        // ba7816bf…f20015ad
/// ```
public struct SHA256: HashFunction {
    public static let blockSize = 64
    public static let digestSize = 32

    var state = State()
    var buffer = BlockBuffer()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var state = self.state
        buffer.feed(bytes, blockSize: 64) { state.compress($0, blocks: $1) }
        self.state = state
    }

    public mutating func finalize() -> [UInt8] {
        var state = self.state
        buffer.pad(blockSize: 64, lengthBytes: 8) { state.compress($0, blocks: $1) }
        var out = [UInt8](repeating: 0, count: 32)
        for (index, word) in [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7].enumerated() {
            for byte in 0..<4 { out[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - byte * 8)) }
        }
        return out
    }

    struct State: Sendable {
        // FIPS 180-4 §5.3.3.
        var h0: UInt32 = 0x6a09e667, h1: UInt32 = 0xbb67ae85, h2: UInt32 = 0x3c6ef372, h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f, h5: UInt32 = 0x9b05688c, h6: UInt32 = 0x1f83d9ab, h7: UInt32 = 0x5be0cd19

        // FIPS 180-4 §6.2.2, the message schedule kept as a ring of 16 words.
        @inline(__always)
        mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { w in
                SHA256.roundConstants.withUnsafeBufferPointer { k in
                    for block in 0..<blocks {
                        let p = data + block * 64
                        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                        // Eight rounds per pass with the roles of a…h rotated in the arguments
                        // instead of moving eight words each round.
                        var t = 0
                        while t < 16 {
                            SHA256.round(a, b, c, &d, e, f, g, &h, k[t], SHA256.loadWord(t, w, p))
                            SHA256.round(h, a, b, &c, d, e, f, &g, k[t + 1], SHA256.loadWord(t + 1, w, p))
                            SHA256.round(g, h, a, &b, c, d, e, &f, k[t + 2], SHA256.loadWord(t + 2, w, p))
                            SHA256.round(f, g, h, &a, b, c, d, &e, k[t + 3], SHA256.loadWord(t + 3, w, p))
                            SHA256.round(e, f, g, &h, a, b, c, &d, k[t + 4], SHA256.loadWord(t + 4, w, p))
                            SHA256.round(d, e, f, &g, h, a, b, &c, k[t + 5], SHA256.loadWord(t + 5, w, p))
                            SHA256.round(c, d, e, &f, g, h, a, &b, k[t + 6], SHA256.loadWord(t + 6, w, p))
                            SHA256.round(b, c, d, &e, f, g, h, &a, k[t + 7], SHA256.loadWord(t + 7, w, p))
                            t += 8
                        }
                        while t < 64 {
                            SHA256.round(a, b, c, &d, e, f, g, &h, k[t], SHA256.expandWord(t, w, p))
                            SHA256.round(h, a, b, &c, d, e, f, &g, k[t + 1], SHA256.expandWord(t + 1, w, p))
                            SHA256.round(g, h, a, &b, c, d, e, &f, k[t + 2], SHA256.expandWord(t + 2, w, p))
                            SHA256.round(f, g, h, &a, b, c, d, &e, k[t + 3], SHA256.expandWord(t + 3, w, p))
                            SHA256.round(e, f, g, &h, a, b, c, &d, k[t + 4], SHA256.expandWord(t + 4, w, p))
                            SHA256.round(d, e, f, &g, h, a, b, &c, k[t + 5], SHA256.expandWord(t + 5, w, p))
                            SHA256.round(c, d, e, &f, g, h, a, &b, k[t + 6], SHA256.expandWord(t + 6, w, p))
                            SHA256.round(b, c, d, &e, f, g, h, &a, k[t + 7], SHA256.expandWord(t + 7, w, p))
                            t += 8
                        }
                        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    }
                }
            }
        }
    }

    /// FIPS 180-4 §6.2.2 step 1: word t of the schedule, kept as a ring of 16.
    @inline(__always)
    static func loadWord(_ t: Int, _ w: UnsafeMutableBufferPointer<UInt32>, _ p: UnsafeRawPointer) -> UInt32 {
        let word = loadBigEndian32(p, t)
        w[t] = word
        return word
    }

    @inline(__always)
    static func expandWord(_ t: Int, _ w: UnsafeMutableBufferPointer<UInt32>, _ p: UnsafeRawPointer) -> UInt32 {
        let w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15]
        let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 &>> 3)
        let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 &>> 10)
        let word = w[t & 15] &+ s0 &+ w[(t - 7) & 15] &+ s1
        w[t & 15] = word
        return word
    }

    /// FIPS 180-4 §6.2.2 step 3, one round, written for the caller to rotate the names.
    @inline(__always)
    static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                      _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ k: UInt32, _ word: UInt32) {
        let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choose = g ^ (e & (f ^ g))   // (e AND f) XOR (NOT e AND g), one operation fewer
        let t1 = h &+ sum1 &+ choose &+ k &+ word
        let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) ^ (c & (a ^ b))
        d &+= t1
        h = t1 &+ sum0 &+ majority
    }

    // FIPS 180-4 §4.2.2.
    static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}
