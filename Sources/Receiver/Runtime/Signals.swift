import Glibc
import System

/// Turns SIGTERM/SIGINT into a stop, SIGHUP into a log reopen and SIGUSR1 into a rotation done
/// by the writers themselves, on a thread of its own rather than in an async-signal context, so
/// the actions may lock, allocate and log.
///
/// The signals are blocked in every thread (``blockInEveryThread()``, called before the first
/// thread starts, so each inherits the mask) and taken with `sigwait(3)`. A signal sent at any
/// moment after the block stays pending until the thread takes it: none is lost at start-up,
/// however early it comes, and none kills the process with its default action.
enum Signals {
    private static let handled = [SIGTERM, SIGINT, SIGHUP, SIGUSR1]

    /// Blocks the handled signals in the calling thread; threads it starts afterwards inherit
    /// the mask. Must run before the server's and the writers' threads are spawned.
    static func blockInEveryThread() {
        var set = signalSet()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Starts the thread that waits for the signals and runs their actions, one at a time.
    static func handle(onStop: @escaping @Sendable (Int32) -> Void, onReopen: @escaping @Sendable () -> Void,
                       onRotate: @escaping @Sendable () -> Void) throws(SystemCallError) {
        _ = try SystemThread.spawn(name: "signals", detached: true) {
            var set = signalSet()
            while true {
                var signo: Int32 = 0
                guard sigwait(&set, &signo) == 0 else { continue }
                switch signo {
                case SIGTERM, SIGINT: onStop(signo)
                case SIGHUP: onReopen()
                case SIGUSR1: onRotate()
                default: break
                }
            }
        }
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signo in handled { sigaddset(&set, signo) }
        return set
    }
}
