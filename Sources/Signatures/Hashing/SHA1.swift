/// SHA-1 (FIPS 180-4 §6.1): only for HMAC-SHA1, which Twilio's `X-Twilio-Signature` still uses
/// (HMAC's strength does not rest on SHA-1's collision resistance, RFC 2104 §6).
///
/// ```swift
/// SHA1.hash(Array("abc".utf8))          // a9993e36…9cd0d89d
/// ```
public struct SHA1: HashFunction {
    public static let blockSize = 64
    public static let digestSize = 20

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
        var out = [UInt8](repeating: 0, count: 20)
        for (index, word) in [state.h0, state.h1, state.h2, state.h3, state.h4].enumerated() {
            for byte in 0..<4 { out[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - byte * 8)) }
        }
        return out
    }

    struct State: Sendable {
        // FIPS 180-4 §5.3.1.
        var h0: UInt32 = 0x67452301, h1: UInt32 = 0xEFCDAB89, h2: UInt32 = 0x98BADCFE, h3: UInt32 = 0x10325476
        var h4: UInt32 = 0xC3D2E1F0

        // FIPS 180-4 §6.1.2, the schedule as a ring of 16 words.
        @inline(__always)
        mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { w in
                for block in 0..<blocks {
                    let p = data + block * 64
                    var a = h0, b = h1, c = h2, d = h3, e = h4
                    for t in 0..<80 {
                        let word: UInt32
                        if t < 16 {
                            word = loadBigEndian32(p, t)
                        } else {
                            word = (w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15]).rotatedLeft(1)
                        }
                        w[t & 15] = word
                        let f: UInt32, k: UInt32
                        switch t {
                        case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                        case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                        case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                        default: f = b ^ c ^ d; k = 0xCA62C1D6
                        }
                        let temp = a.rotatedLeft(5) &+ f &+ e &+ k &+ word
                        e = d; d = c; c = b.rotatedLeft(30); b = a; a = temp
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
                }
            }
        }
    }
}

extension FixedWidthInteger {
    // Masking shifts: the generic `>>` checks for over-wide counts on every call.
    @inline(__always) func rotatedRight(_ count: Self) -> Self { (self &>> count) | (self &<< (Self(Self.bitWidth) &- count)) }
    @inline(__always) func rotatedLeft(_ count: Self) -> Self { (self &<< count) | (self &>> (Self(Self.bitWidth) &- count)) }
}
