#if canImport(Glibc)
import Glibc
#endif

/// Milliseconds on `CLOCK_MONOTONIC`: what every deadline is measured in. Wall-clock jumps do
/// not move it.
enum MonotonicClock {
    static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
