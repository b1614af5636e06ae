import Glibc

/// A counting POSIX semaphore: the writer thread sleeps on it while its queue is empty.
/// `signal()` is async-signal-safe, so a raw signal handler may wake the writer.
final class Semaphore: @unchecked Sendable {
    private let sem: UnsafeMutablePointer<sem_t>

    init(value: UInt32 = 0) {
        sem = .allocate(capacity: 1)
        sem_init(sem, 0, value)
    }

    deinit {
        sem_destroy(sem)
        sem.deallocate()
    }

    func signal() {
        sem_post(sem)
    }

    func wait() {
        while sem_wait(sem) != 0 && errno == EINTR {}
    }

    /// Waits until signalled or until `deadline` (CLOCK_REALTIME, as `sem_timedwait` wants).
    /// Returns false on timeout.
    func wait(until deadline: timespec) -> Bool {
        var deadline = deadline
        while sem_timedwait(sem, &deadline) != 0 {
            if errno == EINTR { continue }
            return false
        }
        return true
    }
}
