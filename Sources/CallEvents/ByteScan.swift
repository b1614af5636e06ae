/// Finds the bytes that end a plain run of JSON string text, eight at a time (SWAR: the
/// "has zero byte" and "has byte less than n" tests of Hacker's Delight §6-1, on one `UInt64`).
///
/// ```swift
/// ByteScan.firstSpecial(bytes, from: 0, stopOnNonASCII: false)   // index of the first `"`, `\` or control byte
/// ```
///
/// Payload strings are mostly plain ASCII, so the parser and the writer skip whole words and
/// only look at single bytes around the first hit. In a word the lowest flagged byte is always
/// a real hit (a borrow only runs upward), so the index returned is exact.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first byte at or after `start` that is `"`, `\`, below 0x20 or, when
    /// `stopOnNonASCII`, 0x80 or above; `bytes.count` when there is none.
    @inline(__always)
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, stopOnNonASCII: Bool) -> Int {
        let count = bytes.count
        guard start < count, let base = bytes.baseAddress else { return count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i &+ 8 <= count {
            let mask = flags(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)), stopOnNonASCII)
            if mask != 0 { return i &+ mask.trailingZeroBitCount &>> 3 }
            i &+= 8
        }
        if i < count {
            let (word, valid) = tail(raw, from: i, count: count)
            let mask = flags(word, stopOnNonASCII) & valid
            if mask != 0 { return i &+ mask.trailingZeroBitCount &>> 3 }
        }
        return count
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

    /// The high bit of the lowest special byte of `word` (bytes in memory order), maybe of
    /// some above it; 0 when none is special.
    @inline(__always)
    private static func flags(_ word: UInt64, _ nonASCII: Bool) -> UInt64 {
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        var mask = (quote &- ones) & ~quote
        mask |= (backslash &- ones) & ~backslash
        mask |= (word &- ones &* 0x20) & ~word   // bytes below 0x20
        if nonASCII { mask |= word }
        return mask & highs
    }
}
