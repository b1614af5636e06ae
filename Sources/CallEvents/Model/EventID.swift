import Glibc   // arc4random_buf
import System

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

    /// Random bits drawn from the system a batch at a time: one `getrandom` per 32 ids rather
    /// than one per id (each is a system call of some 250 ns). The words live on the heap for
    /// the process's life; only the one pool behind the lock exists.
    struct RandomPool: RandomNumberGenerator {
        private static let size = 32
        private let words = UnsafeMutablePointer<UInt64>.allocate(capacity: RandomPool.size)
        private var used = RandomPool.size

        mutating func next() -> UInt64 {
            if used == Self.size {
                arc4random_buf(UnsafeMutableRawPointer(words), Self.size * MemoryLayout<UInt64>.size)   // glibc: getrandom(2)
                used = 0
            }
            defer { used += 1 }
            return words[used]
        }
    }

    private struct State {
        var sequence = Sequence()
        var random = RandomPool()
    }

    private static let state = Locked(State())

    /// A new id for an event received at `now`.
    public static func make(now: Timestamp) -> String {
        let (milliseconds, counter, randomB) = state.withLock { state in
            // The pool, not `SystemRandomNumberGenerator`: an `inout` of that empty struct points
            // nowhere, and ThreadSanitizer faults recording an access to it.
            let (milliseconds, counter) = state.sequence.advance(to: now.milliseconds, using: &state.random)
            return (milliseconds, counter, state.random.next())
        }
        return format(milliseconds: UInt64(milliseconds), counter: counter, random: randomB)
    }

    /// `xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx`, lowercase hex.
    static func format(milliseconds: UInt64, counter: UInt16, random: UInt64) -> String {
        let high = milliseconds << 16 | 0x7000 | UInt64(counter & 0x0FFF)
        let low = 0x8000_0000_0000_0000 | random & 0x3FFF_FFFF_FFFF_FFFF
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            // Each word is 16 hex digits, written from its last one back around the dashes at 8, 13, 18, 23.
            func digits(_ word: UInt64, _ positions: (Int, Int, Int, Int)) {
                var word = word
                var n = positions.3
                while n >= positions.0 {
                    if n == positions.1 || n == positions.2 {
                        n -= 1
                        continue
                    }
                    out[n] = hex.utf8Start[Int(word & 0xF)]
                    word >>= 4
                    n -= 1
                }
            }
            digits(high, (0, 8, 13, 17))
            digits(low, (19, 23, 23, 35))
            out[8] = UInt8(ascii: "-"); out[13] = UInt8(ascii: "-"); out[18] = UInt8(ascii: "-"); out[23] = UInt8(ascii: "-")
            return 36
        }
    }
}
