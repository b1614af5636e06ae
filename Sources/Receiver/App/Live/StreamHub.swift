import Dispatch
import HTTPServer
import Live
import System

/// The `/stream` subscribers (Documentation.docc/Live.md, "The stream"): fed by `LiveHub` with
/// each line once it is durable, in log order, and fanning it out to every matching stream. A
/// resuming subscriber is registered first and collects live lines while its history is read
/// from the file up to the last durable line seen at registration, so the two meet with no gap
/// and no repeat.
///
/// ```swift
/// let hub = StreamHub(maxStreams: 1_000, bufferBytes: 1 << 20)
/// hub.publish(line: line, event: event, log: .events)          // the write-completion path
/// hub.open(request, eventsPath: "events.jsonl", rejectsPath: "rejects.jsonl", respond: send)
/// ```
final class StreamHub: Sendable {
    enum Log: Sendable { case events, rejects }

    /// Where a subscriber starts.
    enum Start: Sendable, Equatable {
        case live
        case after(String)
        case since(String)
    }

    private struct Subscriber {
        var log: Log
        var filter: StreamFilter
        let stream: HTTPStream
        /// Live lines held back while the history is sent; nil once live.
        var held: [[UInt8]]?
        var heldBytes = 0
    }

    private struct State {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        /// The last durable line's id per log: where a history read stops.
        var lastEventID: String?
        var lastRejectID: String?
    }

    static let keepAliveSeconds = 15
    static let retryMilliseconds = 1_000

    let maxStreams: Int
    let bufferBytes: Int
    private let state = Locked(State())
    /// Set once in `init`; a dispatch source's `cancel` may be called from any thread.
    nonisolated(unsafe) private let timer: DispatchSourceTimer

    init(maxStreams: Int, bufferBytes: Int) {
        self.maxStreams = maxStreams
        self.bufferBytes = bufferBytes
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "callhook.stream-keepalive"))
        let interval = DispatchTimeInterval.seconds(Self.keepAliveSeconds)
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in self?.keepAlive() }
        timer.resume()
    }

    deinit { timer.cancel() }

    var openStreams: Int { state.withLock { $0.subscribers.count } }

    /// The ids of the logs' last lines at start: a history read after a restart stops there.
    func startAfterRestart(lastEventID: String?, lastRejectID: String?) {
        state.withLock {
            $0.lastEventID = lastEventID
            $0.lastRejectID = lastRejectID
        }
    }

    // MARK: - The write-completion path

    /// One durable line, in log order. Queued: the fan-out runs on a queue of its own, so the
    /// write-completion path never waits for a thousand streams, and the lines that arrive
    /// meanwhile go to each stream as one write (one wake-up, one `send`).
    func publish(line: [UInt8], event: LiveEvent, log: Log) {
        // Nobody listening and nothing queued before it: only the history boundary moves. No
        // message is built and the fan-out queue is not woken (the common case, per delivery).
        // Checked under both locks, so a subscriber that registers meanwhile either sees this
        // line in its history or gets it from the queue.
        let unheard = queued.withLock { queued -> Bool in
            guard !queued.scheduled else { return false }
            return state.withLock { state -> Bool in
                guard state.subscribers.isEmpty else { return false }
                if log == .events { state.lastEventID = event.id ?? state.lastEventID }
                else { state.lastRejectID = event.id ?? state.lastRejectID }
                return true
            }
        }
        if unheard { return }
        let message = ServerSentEvent.message(id: event.id, event: log == .rejects ? "reject" : (event.type ?? "event"), data: line)
        let schedule = queued.withLock { queued -> Bool in
            queued.lines.append(Published(event: event, log: log, message: message))
            defer { queued.scheduled = true }
            return !queued.scheduled
        }
        if schedule { fanOut.async { [self] in drain() } }
    }

    private struct Published: Sendable {
        var event: LiveEvent
        var log: Log
        var message: [UInt8]
    }

    private struct Queued {
        var lines: [Published] = []
        var scheduled = false
    }

    private let queued = Locked(Queued())
    private let fanOut = DispatchQueue(label: "callhook.stream-fanout")

    private func drain() {
        let lines = queued.withLock { queued -> [Published] in
            defer { queued.lines = []; queued.scheduled = false }
            return queued.lines
        }
        state.withLock { state in
            for line in lines {
                if line.log == .events { state.lastEventID = line.event.id ?? state.lastEventID }
                else { state.lastRejectID = line.event.id ?? state.lastRejectID }
            }
            var lagging: [Int] = []
            // Most subscribers take everything: their round's bytes are built once per log.
            var everything: [Log: [UInt8]] = [:]
            for (id, subscriber) in state.subscribers {
                let bytes: [UInt8]
                if subscriber.filter.isEmpty, let built = everything[subscriber.log] {
                    bytes = built
                } else {
                    var matched: [UInt8] = []
                    for line in lines where line.log == subscriber.log && subscriber.filter.matches(line.event) {
                        matched.append(contentsOf: line.message)
                    }
                    if subscriber.filter.isEmpty { everything[subscriber.log] = matched }
                    bytes = matched
                }
                guard !bytes.isEmpty else { continue }
                if subscriber.held != nil {
                    state.subscribers[id]!.held!.append(bytes)
                    state.subscribers[id]!.heldBytes += bytes.count
                    if state.subscribers[id]!.heldBytes > bufferBytes { lagging.append(id) }
                } else if subscriber.stream.write(bytes) == .full {
                    lagging.append(id)
                }
            }
            for id in lagging { lag(state.subscribers.removeValue(forKey: id)?.stream) }
        }
    }

    // MARK: - Subscribing

    /// Answers `/stream`: `503` past `maxStreams`, else the stream, its history first when
    /// resuming. Reads the file off the event loop.
    func open(log: Log, filter: StreamFilter, start: Start, path: String, respond: @escaping HTTPResponder) {
        let opened = state.withLock { state -> (id: Int, stream: HTTPStream, boundary: String?)? in
            guard state.subscribers.count < maxStreams else { return nil }
            let id = state.nextID
            state.nextID += 1
            let stream = HTTPStream(maxBufferedBytes: bufferBytes) { [weak self] in self?.remove(id) }
            state.subscribers[id] = Subscriber(log: log, filter: filter, stream: stream, held: start == .live ? nil : [])
            return (id, stream, log == .events ? state.lastEventID : state.lastRejectID)
        }
        guard let (id, stream, boundary) = opened else {
            return respond(Responses.error(503, "too many open streams", headers: [("Retry-After", "5")]))
        }
        _ = stream.write(ServerSentEvent.retry(Self.retryMilliseconds))
        respond(.stream(200, headers: Self.headers, stream))
        guard start != .live else { return }
        DispatchQueue.global().async { [self] in
            HistoryReader(path: path, start: start, boundary: boundary, filter: filter, log: log).send(to: stream)
            goLive(id)
        }
    }

    static let headers: [(name: String, value: String)] = [
        ("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store"),
        ("X-Accel-Buffering", "no"),
    ]

    /// Sends what was held back during the history, then lets live lines through.
    private func goLive(_ id: Int) {
        state.withLock { state in
            guard var subscriber = state.subscribers[id] else { return }
            for message in subscriber.held ?? [] where subscriber.stream.write(message) != .written {
                lag(state.subscribers.removeValue(forKey: id)?.stream)
                return
            }
            subscriber.held = nil
            subscriber.heldBytes = 0
            state.subscribers[id] = subscriber
        }
    }

    private func remove(_ id: Int) {
        state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
    }

    /// Every open stream ends, with what it has queued (a drain).
    func endAll() {
        let streams = state.withLock { state -> [HTTPStream] in
            defer { state.subscribers = [:] }
            return state.subscribers.values.map(\.stream)
        }
        for stream in streams { stream.finish() }
    }

    private func keepAlive() {
        state.withLock { state in
            var lagging: [Int] = []
            for (id, subscriber) in state.subscribers where subscriber.stream.write(ServerSentEvent.keepAlive) == .full {
                lagging.append(id)
            }
            for id in lagging { lag(state.subscribers.removeValue(forKey: id)?.stream) }
        }
    }

    private func lag(_ stream: HTTPStream?) {
        let data = #"{"reason":"the reader fell more than \#(bufferBytes) bytes behind; resume with Last-Event-ID"}"#
        stream?.finish(final: ServerSentEvent.message(id: nil, event: "lag", data: Array(data.utf8)))
    }
}
