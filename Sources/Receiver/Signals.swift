import Dispatch
import Glibc

/// Turns SIGTERM/SIGINT into a stop and SIGHUP into a log reopen, on a queue of their own
/// rather than in an async-signal context, so the handlers may lock, allocate and log.
final class Signals: Sendable {
    private let sources: [any DispatchSourceSignal]

    init(onStop: @escaping @Sendable (Int32) -> Void, onReopen: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "callhook.signals")
        var sources: [any DispatchSourceSignal] = []
        for (signo, action) in [(SIGTERM, { onStop(SIGTERM) }), (SIGINT, { onStop(SIGINT) }), (SIGHUP, onReopen)] as [(Int32, @Sendable () -> Void)] {
            // The default action must be off, or the signal kills the process before the source sees it.
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: queue)
            source.setEventHandler(handler: action)
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    deinit { sources.forEach { $0.cancel() } }
}
