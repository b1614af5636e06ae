import Synchronization

/// Event ids: lowercase UUIDv7 (RFC 9562 §5.7), unique across instances and time-ordered.
///
/// ```swift
/// EventID.make(now: Timestamp(milliseconds: 1_700_000_000_000))
/// // "018bcfe5-6800-7a3c-9f1e-5d2b8c0e4a71"
/// ```
///
/// Layout: 48-bit Unix milliseconds, version `7`, a 12-bit counter in `rand_a`, variant `10`,
/// 62 random bits in `rand_b`. The counter (RFC 9562 §6.2, method 1) starts at a random value
/// below 2048 each new millisecond and counts up within it, so the ids of one process are
/// strictly increasing, even when the clock steps back; the random bits keep instances apart.
public enum EventID {
    /// The last millisecond and counter handed out by this process.
    struct Sequence {
        private(set) var milliseconds: Int64 = -1
        private(set) var counter: UInt16 = 0

        /// The millisecond and counter of the next id for `now`: never less than the previous.
        mutating func advance(to now: Int64, using random: inout some RandomNumberGenerator) -> (Int64, UInt16) {
            let requested = min(max(now, 0), 0xFFFF_FFFF_FFFF)   // 48 bits
            if requested > milliseconds {
                milliseconds = requested
                counter = UInt16.random(in: 0..<0x800, using: &random)   // headroom of at least 2048
            } else if counter < 0xFFF {
                counter += 1
            } else {
                // 4096 ids in one millisecond: borrow the next one rather than repeat or go back.
                milliseconds += 1
                counter = 0
            }
            return (milliseconds, counter)
        }
    }

    private static let sequence = Mutex(Sequence())

    /// A new id for an event received at `now`.
    public static func make(now: Timestamp) -> String {
        var random = SystemRandomNumberGenerator()
        let randomB: UInt64 = random.next()
        let (milliseconds, counter) = sequence.withLock { sequence in
            var random = SystemRandomNumberGenerator()
            return sequence.advance(to: now.milliseconds, using: &random)
        }
        return format(milliseconds: UInt64(milliseconds), counter: counter, random: randomB)
    }

    /// `xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx`, lowercase hex.
    static func format(milliseconds: UInt64, counter: UInt16, random: UInt64) -> String {
        let high = milliseconds << 16 | 0x7000 | UInt64(counter & 0x0FFF)
        let low = 0x8000_0000_0000_0000 | random & 0x3FFF_FFFF_FFFF_FFFF
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            var n = 0
            for k in 0..<32 {
                if k == 8 || k == 12 || k == 16 || k == 20 {
                    out[n] = UInt8(ascii: "-")
                    n += 1
                }
                let word = k < 16 ? high : low
                let nibble = Int(word >> UInt64(60 - (k % 16) * 4) & 0xF)
                out[n] = hex.utf8Start[nibble]
                n += 1
            }
            return n
        }
    }
}
