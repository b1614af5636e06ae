import System
import Glibc
import Synchronization

/// The hand-off between appending threads and the one writer thread.
///
/// Appenders push under a mutex and wake the writer only when it sleeps. The writer swaps the
/// whole queue for its empty spare array in one step, so every line queued while it wrote and
/// synced the last batch becomes the next batch (group commit), and neither array reallocates
/// once warm.
final class WriteQueue: Sendable {
    private struct State {
        var lines: [PendingLine] = []
        /// The writer found nothing to do and sleeps (or is about to) on `wakeup`.
        var writerIdle = false
        var closing = false
        /// Rotations asked for and not yet done, in order.
        var rotations: [Rotation] = []
    }

    /// What `take` found besides lines.
    struct Signals {
        var reopen = false
        /// Rename the file before the batch, once for each (`requestRotation`).
        var rotations: [Rotation] = []
        var closing = false
    }

    /// A rotation's suffix, and what to tell when it is done: the renamed file's path, nil when
    /// it only reopened (the path named another file already), or the error that stopped it.
    struct Rotation: Sendable {
        var suffix: String
        var done: @Sendable (Result<String?, StorageError>) -> Void
    }

    private let state = Locked(State())
    private let wakeup = Semaphore()
    /// Set from any thread (even a raw signal handler) and read by the writer.
    private let reopenRequested = Atomic<Bool>(false)
    /// Posted once when the writer has finished; each `close` passes it on to the next waiter.
    private let finished = Semaphore()
    /// The writer's pthread id, so `close` called from a completion does not wait for itself.
    private let writerThread = Atomic<UInt>(0)

    /// Queues `pending`, or returns false when the log is closing or closed. With `wake` false
    /// a sleeping writer is left asleep until `wakeIfPending`: an event loop queues every line
    /// of one round of events, then wakes the writer once for all of them.
    func enqueue(_ pending: PendingLine, wake: Bool) -> Bool {
        let (accepted, signal) = state.withLock { s -> (Bool, Bool) in
            guard !s.closing else { return (false, false) }
            s.lines.append(pending)
            guard wake, s.writerIdle else { return (true, false) }
            s.writerIdle = false
            return (true, true)
        }
        if signal { wakeup.signal() }
        return accepted
    }

    /// Wakes a sleeping writer when lines wait for it; cheap when there are none.
    func wakeIfPending() {
        let signal = state.withLock { s -> Bool in
            guard s.writerIdle, !s.lines.isEmpty else { return false }
            s.writerIdle = false
            return true
        }
        if signal { wakeup.signal() }
    }

    var depth: Int {
        state.withLock { $0.lines.count }
    }

    /// Async-signal-safe: an atomic store and `sem_post`. An extra wake-up is harmless.
    func requestReopen() {
        reopenRequested.store(true, ordering: .releasing)
        wakeup.signal()
    }

    /// Asks the writer to rename the file to its path plus `suffix` and open a new one, between
    /// two batches. Takes the lock: call it from a signal queue, not a raw signal handler.
    func requestRotation(_ rotation: Rotation) {
        let (accepted, signal) = state.withLock { s -> (Bool, Bool) in
            guard !s.closing else { return (false, false) }
            s.rotations.append(rotation)
            let wasIdle = s.writerIdle
            s.writerIdle = false
            return (true, wasIdle)
        }
        if !accepted { rotation.done(.failure(.closed)) }
        if signal { wakeup.signal() }
    }

    /// Refuses further appends and wakes the writer; true for the first call only.
    func requestClose() -> Bool {
        let first = state.withLock { s -> Bool in
            guard !s.closing else { return false }
            s.closing = true
            s.writerIdle = false
            return true
        }
        wakeup.signal()
        return first
    }

    // MARK: Writer side

    func writerStarted() {
        writerThread.store(UInt(pthread_self()), ordering: .relaxed)
    }

    func writerFinished() {
        finished.signal()
    }

    /// Blocks until the writer has finished, unless called on the writer thread itself.
    func waitUntilFinished() {
        guard writerThread.load(ordering: .relaxed) != UInt(pthread_self()) else { return }
        finished.wait()
        finished.signal()
    }

    /// Swaps everything queued into `batch` (which must be empty). Returns nil, and marks the
    /// writer idle, when there is nothing to do: no lines, no reopen or rotation, not closing.
    func take(into batch: inout [PendingLine]) -> Signals? {
        let reopen = reopenRequested.exchange(false, ordering: .acquiring)
        return state.withLock { s -> Signals? in
            if s.lines.isEmpty && !s.closing && !reopen && s.rotations.isEmpty {
                s.writerIdle = true
                return nil
            }
            swap(&s.lines, &batch)
            s.writerIdle = false
            defer { s.rotations.removeAll() }
            return Signals(reopen: reopen, rotations: s.rotations, closing: s.closing)
        }
    }

    /// Sleeps until an append, reopen, rotation or close arrives.
    func sleep() {
        wakeup.wait()
    }

    /// Sleeps as `sleep()`, or until `nanos` have passed; false on timeout.
    func sleep(atMostNanos nanos: UInt64) -> Bool {
        wakeup.wait(until: SystemClock.realtimeDeadline(afterNanos: nanos))
    }
}
