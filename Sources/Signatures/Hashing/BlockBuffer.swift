/// The partial block a hash keeps between `update` calls, and the message length so far.
/// Inline storage (no array) keeps a hash value free of allocations.
struct BlockBuffer: Sendable {
    // 128 bytes: the largest block (SHA-512).
    var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var totalBytes: UInt64 = 0

    /// Feeds `input` through `compress`, which receives whole blocks of `blockSize` bytes,
    /// buffered or straight from `input` when no partial block is pending.
    @inline(__always)
    mutating func feed(_ input: UnsafeRawBufferPointer, blockSize: Int,
                       compress: (UnsafeRawPointer, Int) -> Void) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        totalBytes &+= UInt64(input.count)
        var offset = 0
        if count > 0 {
            let take = min(blockSize - count, input.count)
            withUnsafeMutableBytes(of: &bytes) { $0.baseAddress!.advanced(by: count).copyMemory(from: base, byteCount: take) }
            count += take
            offset = take
            guard count == blockSize else { return }
            withUnsafeBytes(of: &bytes) { compress($0.baseAddress!, 1) }
            count = 0
        }
        let blocks = (input.count - offset) / blockSize
        if blocks > 0 {
            compress(base + offset, blocks)
            offset += blocks * blockSize
        }
        let rest = input.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &bytes) { $0.baseAddress!.copyMemory(from: base + offset, byteCount: rest) }
            count = rest
        }
    }

    /// FIPS 180-4 §5.1: a 1 bit, zeros, and the message length in bits, big-endian, in the last
    /// `lengthBytes` of the final block.
    @inline(__always)
    mutating func pad(blockSize: Int, lengthBytes: Int, compress: (UnsafeRawPointer, Int) -> Void) {
        let bits = totalBytes &* 8
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw[count] = 0x80
            var index = count + 1
            if index > blockSize - lengthBytes {
                while index < blockSize { raw[index] = 0; index += 1 }
                compress(UnsafeRawPointer(raw.baseAddress!), 1)
                index = 0
            }
            while index < blockSize - 8 { raw[index] = 0; index += 1 }
            for shift in 0..<8 { raw[blockSize - 1 - shift] = UInt8(truncatingIfNeeded: bits >> UInt64(shift * 8)) }
            compress(UnsafeRawPointer(raw.baseAddress!), 1)
        }
    }
}

@inline(__always)
func loadBigEndian32(_ pointer: UnsafeRawPointer, _ index: Int) -> UInt32 {
    UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
}

@inline(__always)
func loadBigEndian64(_ pointer: UnsafeRawPointer, _ index: Int) -> UInt64 {
    UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
}
