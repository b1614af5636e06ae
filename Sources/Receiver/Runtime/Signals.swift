import Dispatch
import Glibc

/// Turns SIGTERM/SIGINT into a stop, SIGHUP into a log reopen and SIGUSR1 into a rotation done
/// by the writers themselves, on a queue of their own
/// rather than in an async-signal context, so the handlers may lock, allocate and log.
final class Signals: @unchecked Sendable {
    // Written once in init, then only cancelled in deinit.
    private var sources: [any DispatchSourceSignal] = []

    init(onStop: @escaping @Sendable (Int32) -> Void, onReopen: @escaping @Sendable () -> Void,
         onRotate: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "callhook.signals")
        let actions: [(Int32, @Sendable () -> Void)] = [
            (SIGTERM, { onStop(SIGTERM) }), (SIGINT, { onStop(SIGINT) }), (SIGHUP, onReopen),
            (SIGUSR1, onRotate),
        ]
        for (signo, action) in actions {
            // The default action must be off, or the signal kills the process before the source sees it.
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler(handler: action)
            source.resume()
            sources.append(source)
        }
    }

    deinit { sources.forEach { $0.cancel() } }
}
