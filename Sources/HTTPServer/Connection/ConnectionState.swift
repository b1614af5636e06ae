/// One connection's protocol state, without any I/O: it is told what happened (bytes parsed, a
/// response ready, output flushed, a deadline passed) and returns what to do. Times are
/// milliseconds on a clock the caller supplies, so tests drive it with a fake one.
///
/// ```swift
/// var state = ConnectionState(limits: limits, now: clock.now)
/// switch state.receivedHead(head, now: clock.now) {
/// case .screen(let head): perform(state.screened(refusal: handler.screen(head), now: clock.now))
/// default: break
/// }
/// ```
///
/// Deadlines are totals (Documentation.docc/HTTPConformance.md "Connections"): the head has
/// `headerTimeoutMilliseconds` from its first byte, the body `bodyTimeoutMilliseconds` from the
/// end of the head, an idle keep-alive connection `idleTimeoutMilliseconds` from the last
/// response. None applies while the handler holds the request.
struct ConnectionState {
    /// After the last response of a closing connection: how long, and how many bytes, to read and
    /// discard so the peer sees the response instead of a reset.
    static let lingerMilliseconds = 1_000
    static let lingerBytes = 65_536

    /// What the response to the current request needs to know about it.
    struct RequestFacts: Equatable {
        var version: HTTPVersion
        var keepAlive: Bool
        var isHEAD: Bool

        init(_ head: HTTPRequestHead) {
            version = head.version
            keepAlive = head.keepAlive
            isHEAD = head.method == "HEAD"
        }
    }

    enum Phase: Equatable {
        /// Between requests: no byte of the next one yet.
        case idle(since: Int)
        /// Part of a head has arrived.
        case readingHead(since: Int)
        /// The head is with the handler's `screen`.
        case screening(HTTPRequestHead)
        /// The head passed; the body is on its way.
        case readingBody(since: Int, head: HTTPRequestHead)
        /// The head was refused and announced no body: the (empty) body event is awaited.
        case refused(HTTPResponse, RequestFacts)
        /// The handler holds the request; the next pipelined request waits.
        case responding(RequestFacts)
        /// A streamed body is being written (`HTTPStream`); no timeout applies, nothing more is
        /// read as requests, and the connection closes once the stream ends.
        case streaming(chunked: Bool)
        /// The last response is queued; once it is out the write side shuts down.
        case closing(since: Int)
        /// Write side shut down; reading and discarding until EOF, the deadline or the byte budget.
        case lingering(until: Int, budget: Int)
        case closed
    }

    private(set) var phase: Phase
    /// The server is stopping: requests that complete now get `503` and every response closes.
    private(set) var stopping = false
    /// No request has started yet: the wait for the first byte is held to the header timeout too.
    private var fresh = true
    /// What the handler's `screen` handed on for the request whose body is being read.
    private var screenedContext: (any Sendable)?
    private let limits: HTTPLimits

    init(limits: HTTPLimits, now: Int) {
        self.limits = limits
        phase = .idle(since: now)
    }

    /// When `timedOut` next has something to do; nil while none applies.
    var deadline: Int? {
        switch phase {
        case .idle(let since):
            let wait = fresh ? min(limits.idleTimeoutMilliseconds, limits.headerTimeoutMilliseconds) : limits.idleTimeoutMilliseconds
            return since + wait
        case .readingHead(let since): return since + limits.headerTimeoutMilliseconds
        case .readingBody(let since, _): return since + limits.bodyTimeoutMilliseconds
        case .closing(let since): return since + limits.idleTimeoutMilliseconds
        case .lingering(let until, _): return until
        case .screening, .refused, .responding, .streaming, .closed: return nil
        }
    }

    /// Request bytes are wanted and buffered ones may be parsed.
    var readsRequests: Bool {
        switch phase {
        case .idle, .readingHead, .readingBody, .refused: true
        case .screening, .responding, .streaming, .closing, .lingering, .closed: false
        }
    }

    var isResponding: Bool {
        if case .responding = phase { return true }
        return false
    }

    /// The streamed body's pieces go out as chunks (an HTTP/1.1 request); nil when not streaming.
    var streamChunked: Bool? {
        if case .streaming(let chunked) = phase { return chunked }
        return nil
    }

    var isLingering: Bool {
        if case .lingering = phase { return true }
        return false
    }

    var isClosed: Bool { phase == .closed }

    // MARK: - Parser events

    /// The parser needs more bytes; `parserPhase` says whether a head has started, which starts
    /// the header deadline once (later bytes do not move it).
    mutating func needsMoreData(parserPhase: HTTPRequestParser.Phase, now: Int) {
        if case .idle = phase, parserPhase != .idle {
            phase = .readingHead(since: now)
        }
    }

    mutating func receivedHead(_ head: HTTPRequestHead, now: Int) -> ConnectionAction {
        switch phase {
        case .idle, .readingHead: break
        default: return close()
        }
        fresh = false
        if stopping {
            return refuse(head, ResponseEncoder.errorResponse(status: 503, message: "shutting down"), now: now)
        }
        phase = .screening(head)
        return .screen(head)
    }

    /// The handler's verdict on the head: nil lets it through, with `context` for `handle`.
    mutating func screened(refusal: HTTPResponse?, context: (any Sendable)? = nil, now: Int) -> ConnectionAction {
        guard case .screening(let head) = phase else { return .none }
        if let refusal { return refuse(head, refusal, now: now) }
        phase = .readingBody(since: now, head: head)
        screenedContext = context
        // RFC 9110 §10.1.1, §15.2: only to HTTP/1.1, and only when a body is to come.
        if head.expectsContinue && head.version == .http1_1 && Self.announcesBody(head.framing) {
            return .sendContinue
        }
        return .none
    }

    mutating func receivedBody(_ body: [UInt8], now: Int) -> ConnectionAction {
        switch phase {
        case .refused(let response, let facts):
            return finish(response, facts, now: now)
        case .readingBody(_, let head):
            if stopping {
                return finish(ResponseEncoder.errorResponse(status: 503, message: "shutting down"), RequestFacts(head), now: now)
            }
            phase = .responding(RequestFacts(head))
            defer { screenedContext = nil }
            return .handle(HTTPRequest(head: head, body: body, context: screenedContext))
        default:
            return close()
        }
    }

    /// The request broke a rule: answer its status and close (Documentation.docc/HTTPConformance.md
    /// "400c").
    mutating func receivedError(_ error: HTTPParserError, now: Int) -> ConnectionAction {
        phase = .closing(since: now)
        return .send(ResponseEncoder.errorResponse(status: error.status, message: error.message), .closing)
    }

    // MARK: - I/O and application events

    /// The handler's response; dropped (`.none`) unless a request is waiting for one.
    mutating func responded(_ response: HTTPResponse, now: Int) -> ConnectionAction {
        guard case .responding(let facts) = phase else { return .none }
        return finish(response, facts, now: now)
    }

    /// Everything queued has been written.
    mutating func outputFlushed(now: Int) -> ConnectionAction {
        guard case .closing = phase else { return .none }
        phase = .lingering(until: now + Self.lingerMilliseconds, budget: Self.lingerBytes)
        return .shutdownWrite
    }

    /// The streamed body has been finished and its last piece queued: close once it is out.
    mutating func streamEnded(now: Int) -> ConnectionAction {
        guard case .streaming = phase else { return .none }
        phase = .closing(since: now)
        return .none
    }

    /// Bytes read and thrown away while lingering.
    mutating func discarded(_ count: Int, now: Int) -> ConnectionAction {
        guard case .lingering(let until, let budget) = phase else { return .none }
        if budget - count <= 0 { return close() }
        phase = .lingering(until: until, budget: budget - count)
        return .none
    }

    /// End of stream from the peer. Mid-request nothing is answered: nothing was handled.
    mutating func peerClosed() -> ConnectionAction { close() }

    /// The socket failed (reset, error on send).
    mutating func failed() -> ConnectionAction { close() }

    mutating func timedOut(now: Int) -> ConnectionAction {
        guard let deadline, deadline <= now else { return .none }
        switch phase {
        case .readingHead:
            phase = .closing(since: now)
            return .send(ResponseEncoder.errorResponse(status: 408, message: "request head not received in time"), .closing)
        case .readingBody:
            phase = .closing(since: now)
            return .send(ResponseEncoder.errorResponse(status: 408, message: "request body not received in time"), .closing)
        default:
            return close()
        }
    }

    /// The server stops: an idle connection closes now, the others finish what they started.
    mutating func stop(now: Int) -> ConnectionAction {
        stopping = true
        if case .idle = phase { return close() }
        return .none
    }

    // MARK: - Helpers

    private mutating func close() -> ConnectionAction {
        phase = .closed
        return .close
    }

    /// A refused head: with a body announced the connection closes after the answer (the body
    /// is never read); without one the answer waits for the parser's empty body event.
    private mutating func refuse(_ head: HTTPRequestHead, _ response: HTTPResponse, now: Int) -> ConnectionAction {
        let facts = RequestFacts(head)
        if Self.announcesBody(head.framing) {
            phase = .closing(since: now)
            return .send(response, ResponseFraming(keepAlive: false, version: facts.version, omitsBody: facts.isHEAD))
        }
        phase = .refused(response, facts)
        return .none
    }

    private mutating func finish(_ response: HTTPResponse, _ facts: RequestFacts, now: Int) -> ConnectionAction {
        if response.stream != nil && !facts.isHEAD {
            phase = .streaming(chunked: facts.version == .http1_1)
            return .send(response, ResponseFraming(keepAlive: false, version: facts.version))
        }
        let keepAlive = facts.keepAlive && !response.closesConnection && !stopping
        phase = keepAlive ? .idle(since: now) : .closing(since: now)
        return .send(response, ResponseFraming(keepAlive: keepAlive, version: facts.version, omitsBody: facts.isHEAD))
    }

    private static func announcesBody(_ framing: HTTPBodyFraming) -> Bool {
        switch framing {
        case .none: false
        case .contentLength(let length): length > 0
        case .chunked: true
        }
    }
}
