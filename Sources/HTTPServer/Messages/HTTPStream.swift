import System

/// A response body written over time: the application writes from any thread, the connection's
/// event loop sends it as the socket takes it (EPOLLOUT-driven, no thread per stream). What waits
/// for the socket is bounded by `maxBufferedBytes`: a write that would pass it is refused, and
/// the writer decides what a slow reader gets (usually `finish(final:)` with a last message).
///
/// ```swift
/// let stream = HTTPStream(maxBufferedBytes: 1 << 20) { print("reader gone") }
/// respond(.stream(200, headers: [("Content-Type", "text/event-stream")], stream))
/// if stream.write(Array("data: hi\n\n".utf8)) == .full { stream.finish(final: Array("bye\n".utf8)) }
/// ```
///
/// HTTP/1.1 bodies go out chunked (RFC 9112 §7.1), HTTP/1.0 ones delimited by the close; the
/// connection closes once the stream is finished and sent.
public final class HTTPStream: Sendable {
    /// What `write` did.
    public enum WriteResult: Sendable, Equatable {
        /// Queued for the socket.
        case written
        /// Refused: the reader is more than `maxBufferedBytes` behind.
        case full
        /// Refused: the stream is finished or the connection has gone.
        case closed
    }

    private struct State {
        var queued: [UInt8] = []
        /// Taken by the connection and not yet all sent: still counts against the bound.
        var inFlight = 0
        var finishing = false
        var ended = false
        /// A wake-up is on its way to the loop; later writes need not send another.
        var notified = false
        var waker: (@Sendable () -> Void)?
        var onEnd: (@Sendable () -> Void)?
    }

    public let maxBufferedBytes: Int
    private let state: Locked<State>

    /// `onEnd` runs once, on whichever thread ends the stream: the connection closing (the
    /// reader left, or the server stopped) or the last byte after `finish` going out.
    public init(maxBufferedBytes: Int, onEnd: @escaping @Sendable () -> Void = {}) {
        self.maxBufferedBytes = max(1, maxBufferedBytes)
        state = Locked(State(onEnd: onEnd))
    }

    /// Queues `bytes` whole, or refuses them whole.
    public func write(_ bytes: [UInt8]) -> WriteResult {
        let (result, wake) = state.withLock { state -> (WriteResult, (@Sendable () -> Void)?) in
            if state.finishing || state.ended { return (.closed, nil) }
            if state.queued.count + state.inFlight + bytes.count > maxBufferedBytes { return (.full, nil) }
            // Into an empty queue the array is shared, not copied: one round's fan-out hands
            // the same bytes to every subscriber (Receiver/App/Live/StreamHub.swift).
            if state.queued.isEmpty { state.queued = bytes } else { state.queued.append(contentsOf: bytes) }
            return (.written, Self.wakeUp(&state))
        }
        wake?()
        return result
    }

    /// Ends the body after what is queued and `final` (which the bound does not refuse: it is
    /// the last thing a lagging reader is told). Later writes are refused.
    public func finish(final: [UInt8] = []) {
        let wake = state.withLock { state -> (@Sendable () -> Void)? in
            if state.finishing || state.ended { return nil }
            state.finishing = true
            state.queued.append(contentsOf: final)
            return Self.wakeUp(&state)
        }
        wake?()
    }

    /// The stream can still take writes.
    public var isOpen: Bool { state.withLock { !$0.finishing && !$0.ended } }

    /// Bytes waiting for the reader right now.
    public var bufferedBytes: Int { state.withLock { $0.queued.count + $0.inFlight } }

    // MARK: - The connection's side (its loop thread)

    /// The head went out: from now on writes wake the loop through `waker`.
    func attach(waker: @escaping @Sendable () -> Void) {
        let wake = state.withLock { state -> (@Sendable () -> Void)? in
            state.waker = waker
            return state.queued.isEmpty && !state.finishing ? nil : Self.wakeUp(&state)
        }
        wake?()
    }

    /// Everything queued, and whether nothing will follow it.
    func take() -> (bytes: [UInt8], finished: Bool) {
        state.withLock { state in
            state.notified = false
            let bytes = state.queued
            state.queued = []
            state.inFlight += bytes.count
            return (bytes, state.finishing)
        }
    }

    /// The socket took everything taken so far.
    func flushed() {
        state.withLock { $0.inFlight = 0 }
    }

    /// The connection is done with the stream; idempotent.
    func end() {
        let onEnd = state.withLock { state -> (@Sendable () -> Void)? in
            if state.ended { return nil }
            state.ended = true
            state.queued = []
            state.inFlight = 0
            state.waker = nil
            defer { state.onEnd = nil }
            return state.onEnd
        }
        onEnd?()
    }

    private static func wakeUp(_ state: inout State) -> (@Sendable () -> Void)? {
        guard let waker = state.waker, !state.notified else { return nil }
        state.notified = true
        return waker
    }
}
