#if canImport(Glibc)
import Glibc
#endif

/// The package's clocks: `CLOCK_MONOTONIC` for deadlines and intervals (wall-clock jumps do not
/// move it), `CLOCK_REALTIME` for timestamps and `sem_timedwait` deadlines.
///
/// ```swift
/// let deadline = SystemClock.monotonicMilliseconds() + 5_000
/// let stamp = SystemClock.epochMilliseconds()
/// ```
public enum SystemClock {
    /// Monotonic milliseconds: what every connection deadline is measured in.
    @inline(__always)
    public static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }

    /// Monotonic nanoseconds, for intervals and latencies.
    @inline(__always)
    public static func monotonicNanos() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// Wall-clock milliseconds since the Unix epoch.
    @inline(__always)
    public static func epochMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// The CLOCK_REALTIME instant `nanos` from now, as `sem_timedwait` takes it.
    public static func realtimeDeadline(afterNanos nanos: UInt64) -> timespec {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let total = UInt64(ts.tv_nsec) + nanos
        ts.tv_sec += Int(total / 1_000_000_000)
        ts.tv_nsec = Int(total % 1_000_000_000)
        return ts
    }
}
