/// A Merkle–Damgård hash fed in pieces: what `HMAC` is generic over.
///
/// ```swift
/// var hash = SHA256()
/// hash.update(header)
/// hash.update(body)
/// let digest = hash.finalize()          // 32 bytes
/// SHA256.hash(body)                     // the same in one call
/// ```
public protocol HashFunction: Sendable {
    /// Bytes per compression block (64 for SHA-1 and SHA-256, 128 for SHA-512).
    static var blockSize: Int { get }
    /// Bytes of the digest.
    static var digestSize: Int { get }
    init()
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// The digest; the value is spent afterwards.
    mutating func finalize() -> [UInt8]
}

extension HashFunction {
    @inlinable
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        let copy = Array(bytes)
        copy.withUnsafeBytes { update($0) }
    }

    /// The digest of `bytes` in one call.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hash = Self()
        hash.update(bytes)
        return hash.finalize()
    }
}
