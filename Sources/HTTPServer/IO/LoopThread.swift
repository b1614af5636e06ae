#if canImport(Glibc)
import Glibc
#endif
import CEpoll

/// A plain POSIX thread for an event loop: it runs one closure and is joined at stop.
///
/// ```swift
/// let thread = try LoopThread.spawn(name: "http-loop-0") { loop.run() }
/// thread.join()
/// ```
struct LoopThread: Sendable {
    private let id: pthread_t

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func spawn(name: String, _ run: @escaping @Sendable () -> Void) throws(SystemCallError) -> LoopThread {
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
        return LoopThread(id: id)
    }

    func join() {
        pthread_join(id, nil)
    }
}
