#if canImport(Glibc)
import Glibc
#endif
import CEpoll

/// A plain POSIX thread running one closure: an event loop, a log writer. Never a shared pool,
/// so a slow `fdatasync` blocks only the thread that made it.
///
/// ```swift
/// let thread = try SystemThread.spawn(name: "http-loop-0") { loop.run() }
/// thread.join()
/// ```
public struct SystemThread: Sendable {
    private let id: pthread_t

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Starts the thread. `detached` threads are never joined and free themselves on exit.
    /// `run` is not required to be `Sendable`: it is handed over whole and runs only there, the
    /// caller keeping no reference it calls (a writer's loop, owned by its thread from now on).
    public static func spawn(name: String, detached: Bool = false, _ run: @escaping () -> Void) throws(SystemCallError) -> SystemThread {
        let label = String(name.prefix(15))   // Linux limits thread names to 15 bytes
        let body = Unmanaged.passRetained(Body {
            _ = cepoll_set_thread_name(label)
            run()
        }).toOpaque()
        var id = pthread_t()
        let result = pthread_create(&id, nil, { argument in
            let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
            body.run()
            return nil
        }, body)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(body).release()
            throw SystemCallError(call: "pthread_create", errno: result)
        }
        if detached { pthread_detach(id) }
        return SystemThread(id: id)
    }

    /// Waits for the thread to finish. Only for threads spawned without `detached`.
    public func join() {
        pthread_join(id, nil)
    }
}
