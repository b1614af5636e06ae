#if canImport(Glibc)
import System
import Glibc
#endif
import CEpoll

/// How other threads reach an event loop: responses and the stop request go in under a lock,
/// and an `eventfd` wakes the loop. Only the first post after the loop emptied the mailbox
/// writes to the `eventfd`, so a burst of responses costs one wake-up.
///
/// ```swift
/// mailbox.post(.init(fd: 9, generation: 4, request: 1, response: .json(200, "{}")))  // any thread
/// let (deliveries, stop) = mailbox.take()                                           // loop thread
/// ```
final class Mailbox: Sendable {
    /// A response on its way to the connection `(fd, generation)`, for its `request`-th request.
    struct Delivery: Sendable {
        var fd: Int32
        var generation: UInt32
        var request: UInt32
        var response: HTTPResponse
    }

    /// A stream of connection `(fd, generation)` has bytes queued.
    struct StreamWake: Sendable {
        var fd: Int32
        var generation: UInt32
    }

    private struct Contents {
        var deliveries: [Delivery] = []
        var streamWakes: [StreamWake] = []
        var stopDeadline: Int?
        var signalled = false
        var closed = false
    }

    /// Polled by the loop. Closed when the mailbox goes away, not when the loop ends: a responder
    /// still holding the mailbox must never write to a descriptor number reused by someone else.
    let eventFD: Int32
    private let contents = Locked(Contents())

    init() throws(SystemCallError) {
        eventFD = try Syscall.blocking("eventfd") { eventfd(0, CEPOLL_EFD_NONBLOCK | CEPOLL_EFD_CLOEXEC) }
    }

    deinit { Syscall.close(eventFD) }

    /// Dropped once the loop has ended.
    func post(_ delivery: Delivery) {
        let wake = contents.withLock { contents -> Bool in
            guard !contents.closed else { return false }
            contents.deliveries.append(delivery)
            return signal(&contents)
        }
        if wake { self.wake() }
    }

    /// Dropped once the loop has ended.
    func post(stream wake: StreamWake) {
        let wake = contents.withLock { contents -> Bool in
            guard !contents.closed else { return false }
            contents.streamWakes.append(wake)
            return signal(&contents)
        }
        if wake { self.wake() }
    }

    /// The stream wake-ups posted so far; taken right after `take`, which re-arms the signal.
    func takeStreamWakes() -> [StreamWake] {
        contents.withLock { contents in
            let wakes = contents.streamWakes
            contents.streamWakes = []
            return wakes
        }
    }

    func requestStop(deadline: Int) {
        let wake = contents.withLock { contents -> Bool in
            guard !contents.closed, contents.stopDeadline == nil else { return false }
            contents.stopDeadline = deadline
            return signal(&contents)
        }
        if wake { self.wake() }
    }

    /// Everything posted so far; the loop calls it after reading the `eventfd`.
    func take() -> (deliveries: [Delivery], stopDeadline: Int?) {
        contents.withLock { contents in
            contents.signalled = false
            let deliveries = contents.deliveries
            contents.deliveries = []
            return (deliveries, contents.stopDeadline)
        }
    }

    /// The loop has ended; later posts are dropped.
    func close() {
        contents.withLock { contents in
            contents.closed = true
            contents.deliveries = []
            contents.streamWakes = []
        }
    }

    /// Resets the `eventfd` counter so level-triggered epoll stops reporting it.
    func acknowledgeWake() {
        var value: UInt64 = 0
        _ = try? Syscall.call("read(eventfd)") { read(eventFD, &value, 8) }
    }

    private func signal(_ contents: inout Contents) -> Bool {
        if contents.signalled { return false }
        contents.signalled = true
        return true
    }

    private func wake() {
        var one: UInt64 = 1
        _ = try? Syscall.call("write(eventfd)") { write(eventFD, &one, 8) }
    }
}
