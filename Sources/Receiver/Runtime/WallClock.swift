import System
import CallEvents
import Glibc

/// The real-time clock, in the milliseconds the log uses.
enum WallClock {
    static func now() -> Timestamp {
        Timestamp(milliseconds: SystemClock.epochMilliseconds())
    }
}
