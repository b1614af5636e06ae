/// A small deterministic generator (SplitMix64), so a shuffled test is the same on every run
/// and a fuzz input always replays with the same pseudo-random choices.
///
/// ```swift
/// var random = SplitMix64(seed: SplitMix64.seed(of: input))
/// let cut = random.next(below: input.count)
/// events.shuffle(using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`; `bound` must be positive.
    public mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A seed from every byte of the input (FNV-1a), so any change to it changes the splits too.
    public static func seed(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
