import Glibc

/// A counting POSIX semaphore: the writer thread sleeps on it while its queue is empty.
/// `signal()` is async-signal-safe, so a raw signal handler may wake the writer.
///
/// ```swift
/// let wake = Semaphore()
/// wake.signal()                       // from any thread, or a signal handler
/// _ = wake.wait(until: SystemClock.realtimeDeadline(afterNanos: 1_000_000))
/// ```
public final class Semaphore: @unchecked Sendable {
    private let sem: UnsafeMutablePointer<sem_t>

    public init(value: UInt32 = 0) {
        sem = .allocate(capacity: 1)
        sem_init(sem, 0, value)
    }

    deinit {
        sem_destroy(sem)
        sem.deallocate()
    }

    public func signal() {
        sem_post(sem)
    }

    public func wait() {
        // Only EINTR can fail sem_wait on a valid semaphore.
        _ = try? Syscall.blocking("sem_wait") { sem_wait(sem) }
    }

    /// Waits until signalled or until `deadline` (CLOCK_REALTIME, as `sem_timedwait` wants).
    /// Returns false on timeout.
    public func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        // ETIMEDOUT is the only failure left once EINTR is retried.
        return (try? Syscall.blocking("sem_timedwait") { sem_timedwait(sem, &deadline) }) != nil
    }
}
