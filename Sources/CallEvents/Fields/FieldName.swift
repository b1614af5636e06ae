/// Field names as `Fields` compares them (Documentation.docc/EventSchema.md, "Fields"): ASCII case
/// folded, spaces skipped, so `CallerID Num`, `CallerIDNum` and `callerid num` are one name.
///
/// ```swift
/// FieldName.hash("CallerID Num") == FieldName.hash("calleridnum" as StaticString)   // true
/// FieldName.matches("CallerID Num", wanted)   // wanted: the bytes of "calleridnum"
/// ```
///
/// The hash is only ever compared within one process, so it is free to be fast rather than
/// standard: eight bytes at a time, lowercased with SWAR arithmetic (Hacker's Delight §6-1).
enum FieldName {
    private static let ones = ByteScan.ones
    private static let highs = ByteScan.highs
    private static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of the name in `bytes` as compared.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return mix(seed, count: 0) }
        return hashWithoutSpaces(UnsafeRawPointer(base), count: bytes.count) ?? hashSkippingSpaces(bytes)
    }

    /// Rare (VoipNow's `CallerID Num`): the hash of a copy without the spaces.
    @inline(never)
    private static func hashSkippingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { copy in
            var n = 0
            for b in bytes where b != 0x20 {
                copy[n] = b
                n += 1
            }
            return n == 0 ? mix(seed, count: 0) : hashWithoutSpaces(UnsafeRawPointer(copy.baseAddress!), count: n)!
        }
    }

    /// The hash of the name in `text` as compared.
    static func hash(_ text: String) -> UInt64 {
        ASCII.withUTF8(of: text) { hash($0) }
    }

    /// The hash of a wanted name (lowercase, no spaces): the same as any spelling of it.
    @inline(__always)
    static func hash(_ name: StaticString) -> UInt64 {
        hashWithoutSpaces(UnsafeRawPointer(name.utf8Start), count: name.utf8CodeUnitCount) ?? 0
    }

    /// Whether `key` is `want` as compared; `want` is lowercase without spaces.
    static func matches(_ key: String, _ want: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.withUTF8(of: key) { matches($0, want) }
    }

    /// Whether the name in `bytes` is `want` as compared; `want` is lowercase without spaces.
    @inline(__always)
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ want: UnsafeBufferPointer<UInt8>) -> Bool {
        // The usual case, a key spelled without spaces: compared a word at a time, lowercased.
        if bytes.count == want.count, let have = bytes.baseAddress, let wanted = want.baseAddress {
            let have = UnsafeRawPointer(have), wanted = UnsafeRawPointer(wanted)
            var i = 0
            var spaces: UInt64 = 0
            var differ: UInt64 = 0
            while i &+ 8 <= want.count {
                let word = UInt64(littleEndian: have.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                spaces |= ByteScan.equal(word, 0x20)
                differ |= lowercased(word) ^ UInt64(littleEndian: wanted.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i &+= 8
            }
            if i < want.count {
                let (word, valid) = ByteScan.tail(have, from: i, count: want.count)
                spaces |= ByteScan.equal(word, 0x20) & valid
                differ |= lowercased(word) ^ ByteScan.tail(wanted, from: i, count: want.count).word
            }
            if spaces == 0 { return differ == 0 }
        }
        var i = 0
        let count = want.count
        for b in bytes {
            if b == 0x20 { continue }
            if i == count || ASCII.lower(b) != want[i] { return false }
            i += 1
        }
        return i == count
    }

    // MARK: - Words

    /// The hash of the `count` (at least one) bytes at `start`, lowercased, a word at a time;
    /// nil when they hold a space.
    @inline(__always)
    private static func hashWithoutSpaces(_ start: UnsafeRawPointer, count: Int) -> UInt64? {
        var h = seed
        var spaces: UInt64 = 0
        var i = 0
        while i &+ 8 <= count {
            let word = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            spaces |= ByteScan.equal(word, 0x20)
            h = step(h, lowercased(word))
            i &+= 8
        }
        if i < count {
            let (word, valid) = ByteScan.tail(start, from: i, count: count)
            spaces |= ByteScan.equal(word, 0x20) & valid
            h = step(h, lowercased(word))
        }
        return spaces == 0 ? mix(h, count: count) : nil
    }

    /// The hash built a word at a time by a caller that reads the words anyway (the JSON
    /// reader, scanning a member name): the same value as `hash` of those bytes.
    struct Hasher {
        private var h = FieldName.seed
        private var spaces: UInt64 = 0

        /// The next eight bytes, or the last 1 to 7 in the low bytes of `word` (zero above,
        /// `valid` marking them).
        @inline(__always)
        mutating func add(_ word: UInt64, valid: UInt64 = .max) {
            spaces |= ByteScan.equal(word, 0x20) & valid
            h = FieldName.step(h, FieldName.lowercased(word))
        }

        /// The hash of the `count` bytes added; nil when they hold a space (hash those with
        /// `FieldName.hash` instead).
        @inline(__always)
        func finish(count: Int) -> UInt64? {
            spaces == 0 ? FieldName.mix(h, count: count) : nil
        }
    }

    @inline(__always)
    private static func step(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let x = (h ^ word) &* 0xFF51_AFD7_ED55_8CCD
        return x ^ (x &>> 29)
    }

    @inline(__always)
    private static func mix(_ h: UInt64, count: Int) -> UInt64 {
        var x = h ^ UInt64(truncatingIfNeeded: count)
        x = (x ^ (x &>> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x &>> 33)
    }

    /// Each ASCII capital of the word with 0x20 added; every other byte as it is.
    @inline(__always)
    private static func lowercased(_ word: UInt64) -> UInt64 {
        let low7 = word & ~highs
        let atLeastA = (low7 &+ ones &* 0x3F) & highs   // byte >= 0x41
        let pastZ = (low7 &+ ones &* 0x25) & highs      // byte >= 0x5B
        let capitals = atLeastA & ~pastZ & ~word        // and below 0x80
        return word | (capitals &>> 2)
    }
}
