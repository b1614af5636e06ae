#if canImport(Glibc)
import Glibc
#endif

/// A value that threads share, reached only under a `pthread_mutex_t`.
///
/// The standard library's `Synchronization.Mutex` hands a contended lock from one thread to the
/// next inside the kernel (a PI futex), where ThreadSanitizer sees no release and no acquire, so
/// every contended critical section looks like a race. A pthread mutex is one ThreadSanitizer
/// knows, which keeps its reports to real races (.ci/run runs the suite under it).
///
/// ```swift
/// let counts = Locked([String: Int]())
/// counts.withLock { $0["200", default: 0] += 1 }
/// let total = counts.withLock { $0.values.reduce(0, +) }
/// ```
public final class Locked<Value>: @unchecked Sendable {
    @usableFromInline let mutex: UnsafeMutablePointer<pthread_mutex_t>
    @usableFromInline var value: Value

    public init(_ value: sending Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        // A default mutex cannot fail to initialise on Linux (glibc returns 0 always).
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value while holding the lock. `body` must not call `withLock` on
    /// the same value (the mutex is not recursive).
    @inlinable
    public func withLock<Result, Failure: Error>(_ body: (inout sending Value) throws(Failure) -> sending Result) throws(Failure) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
