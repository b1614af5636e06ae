/// Finds bytes of interest eight at a time (SWAR: the "has zero byte" and "has byte less than
/// n" tests of Hacker's Delight §6-1, on one `UInt64`).
///
/// ```swift
/// ByteScan.firstSpecial(bytes, from: 0, stopOnNonASCII: false)   // the first `"`, `\` or control byte
/// ByteScan.firstMatch(bytes) { ByteScan.equal($0, UInt8(ascii: "%")) }
/// ```
///
/// Payload text is mostly plain ASCII, so the JSON reader, the writer and the form decoder skip
/// whole words and only look at single bytes around a hit. In a word the lowest flagged byte is
/// always a real hit (a borrow only runs upward), so the index returned is exact.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that is `"`, `\`, below 0x20 or, when
    /// `stopOnNonASCII`, 0x80 or above; `bytes.count` when there is none.
    @inline(__always)
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopOnNonASCII: Bool) -> Int {
        firstMatch(bytes, from: start) { specials($0, stopOnNonASCII: stopOnNonASCII) }
    }

    /// The word test of `firstSpecial`.
    @inline(__always)
    static func specials(_ word: UInt64, stopOnNonASCII: Bool) -> UInt64 {
        var mask = equal(word, UInt8(ascii: "\"")) | equal(word, UInt8(ascii: "\\")) | less(word, 0x20)
        if stopOnNonASCII { mask |= word & highs }
        return mask
    }

    /// Whether every byte is below 0x80.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstMatch(bytes, from: 0) { $0 & highs } == bytes.count
    }

    /// The index of the first byte at or after `start` whose word `flags` marks (the high bit
    /// of a byte, at least for the lowest such byte); `bytes.count` when there is none.
    @inline(__always)
    static func firstMatch(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                           _ flags: (UInt64) -> UInt64) -> Int {
        let count = bytes.count
        guard start < count, let base = bytes.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i &+ 8 <= count {
            let mask = flags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) & highs
            if mask != 0 { return i &+ mask.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        if i < count {
            let (word, valid) = tail(raw, from: i, count: count)
            let mask = flags(word) & valid & highs
            if mask != 0 { return i &+ mask.trailingZeroBitCount &>> 3 }
        }
        return count
    }

    /// How many bytes `flags` marks, or a few more (a flag may show above a marked byte in its
    /// word): enough to size a buffer.
    @inline(__always)
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ flags: (UInt64) -> UInt64) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var total = 0
        var i = 0
        while i &+ 8 <= bytes.count {
            total &+= (flags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) & highs).nonzeroBitCount
            i &+= 8
        }
        if i < bytes.count {
            let (word, valid) = tail(raw, from: i, count: bytes.count)
            total &+= (flags(word) & valid & highs).nonzeroBitCount
        }
        return total
    }

    /// The bytes from `i` to `count` (1 to 7 of them) in the low bytes of a word, read with
    /// loads that stay inside `start..<start + count`, and a mask of those bytes.
    @inline(__always)
    static func tail(_ start: UnsafeRawPointer, from i: Int, count: Int) -> (word: UInt64, valid: UInt64) {
        let rest = count &- i
        let word: UInt64
        if count >= 8 {
            word = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) &>> UInt64(64 &- 8 &* rest)
        } else if rest >= 4 {
            let low = UInt64(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: start.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            word = low | high &<< UInt64(8 &* (rest &- 4))
        } else {
            let middle = rest &>> 1
            word = UInt64(start.load(fromByteOffset: i, as: UInt8.self))
                | UInt64(start.load(fromByteOffset: i &+ middle, as: UInt8.self)) &<< UInt64(8 &* middle)
                | UInt64(start.load(fromByteOffset: count &- 1, as: UInt8.self)) &<< UInt64(8 &* (rest &- 1))
        }
        return (word, UInt64.max &>> UInt64(64 &- 8 &* rest))
    }

    // MARK: - Word tests: the high bit of the lowest matching byte, maybe of some above it

    /// Bytes equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        zero(word ^ (ones &* UInt64(byte)))
    }

    /// Bytes below `limit` (at most 0x80).
    @inline(__always)
    static func less(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    /// Bytes equal to zero.
    @inline(__always)
    static func zero(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }
}
