/// HMAC (RFC 2104) over any `HashFunction`, keyed once: the inner and outer hashes are fed
/// their padded key at `init`, so each code costs only the message's blocks and two more.
///
/// ```swift
/// let mac = HMAC<SHA256>(key: Array("secret".utf8))
/// let code = mac.authenticationCode(for: body)              // 32 bytes
/// HMAC<SHA1>.authenticationCode(for: body, key: key)        // one call, key hashed each time
/// ```
public struct HMAC<Hash: HashFunction>: Sendable {
    // Inlinable so callers in other modules get it specialized for their hash, with no
    // generic metadata looked up per call.
    @usableFromInline var inner: Hash
    @usableFromInline var outer: Hash

    /// RFC 2104 §2: a key longer than the block is hashed first; shorter ones are zero-padded.
    @inlinable
    public init(key: some Collection<UInt8>) {
        var block = [UInt8](repeating: 0, count: Hash.blockSize)
        if key.count > Hash.blockSize {
            let digest = Hash.hash(key)
            block.replaceSubrange(0..<digest.count, with: digest)
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        inner = Hash()
        outer = Hash()
        inner.update(block.map { $0 ^ 0x36 })
        outer.update(block.map { $0 ^ 0x5c })
    }

    /// The code of the concatenation of `parts`, in order (a template's pieces need no copy).
    @inlinable
    public func authenticationCode(forParts parts: [UnsafeRawBufferPointer]) -> [UInt8] {
        var inner = self.inner
        for part in parts { inner.update(part) }
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    @inlinable
    public func authenticationCode(for message: some Sequence<UInt8>) -> [UInt8] {
        var inner = self.inner
        inner.update(message)
        var outer = self.outer
        outer.update(inner.finalize())
        return outer.finalize()
    }

    @inlinable
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        HMAC(key: key).authenticationCode(for: message)
    }
}
