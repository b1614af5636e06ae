import Glibc

/// Starts a detached pthread running `body`: one dedicated thread per log, never a shared
/// pool, so a slow `fdatasync` blocks only that log's writer.
enum WriterThread {
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    static func start(_ run: @escaping () -> Void) throws(StorageError) {
        let context = Unmanaged.passRetained(Body(run)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(&thread, nil, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw .io(call: "pthread_create", errno: rc)
        }
        pthread_detach(thread)
    }
}
