#if canImport(Glibc)
import Glibc
#endif

/// What a listener does after `accept4` fails.
///
/// Out of descriptors (`EMFILE`, `ENFILE`) or kernel memory (`ENOBUFS`, `ENOMEM`), the pending
/// connection stays in the backlog and the listener stays readable, so accepting again at once
/// would spin. The listener stops being polled and is retried after `delayMilliseconds`; it is
/// never given up on. Any other error concerns one connection only (`ECONNABORTED`, `EPERM`
/// from a firewall, `EPROTO`), so the next one is accepted straight away.
///
/// ```swift
/// var backoff = AcceptBackoff()
/// if case .pauseUntil(let when) = backoff.failed(errno: EMFILE, now: now) { stopPolling(until: when) }
/// ```
struct AcceptBackoff: Equatable {
    enum Decision: Equatable {
        /// Accept the next connection now.
        case continueAccepting
        /// Stop polling the listener until this time (monotonic milliseconds).
        case pauseUntil(Int)
    }

    var delayMilliseconds = 100
    /// When polling the listener resumes, while paused.
    private(set) var resumeAt: Int?
    /// How many times accepting has paused (for diagnostics and tests).
    private(set) var pauses = 0

    mutating func failed(errno: Int32, now: Int) -> Decision {
        switch errno {
        case EMFILE, ENFILE, ENOBUFS, ENOMEM:
            let when = now + delayMilliseconds
            resumeAt = when
            pauses += 1
            return .pauseUntil(when)
        default:
            return .continueAccepting
        }
    }

    /// True, once, when a pause is over and the listener should be polled again.
    mutating func resumes(now: Int) -> Bool {
        guard let when = resumeAt, now >= when else { return false }
        resumeAt = nil
        return true
    }
}
