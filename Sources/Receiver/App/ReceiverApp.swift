import CallEvents
import EventLog
import HTTPServer
import System

/// The application behind the HTTP server: route and auth at the head, then decode, dedupe,
/// write durably and answer (Documentation.docc/Receiver.md). A delivery travels:
/// `screen` (route, method, auth) → `handle` → `CallEventDecoder` → `EventLogWriter` → `200`.
///
/// ```swift
/// let app = ReceiverApp(configuration: config, eventLog: events, rejectsLog: rejects, dedupe: index)
/// let server = try HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: app)
/// ```
final class ReceiverApp: HTTPHandler {
    let eventLog: EventLogWriter
    let rejectsLog: EventLogWriter
    let dedupe: DedupeIndex
    let metrics: Metrics
    let live: LiveHub
    let refusals: RefusalLog
    private let connectionCount = Locked<(@Sendable () -> Int)?>(nil)
    /// Swapped whole by `apply`; every request reads it once, in `screen`.
    private let current: Locked<ReceiverSettings>

    init(configuration: Configuration, eventLog: EventLogWriter, rejectsLog: EventLogWriter,
                dedupe: DedupeIndex, metrics: Metrics = Metrics(), refusals: RefusalLog = RefusalLog()) {
        current = Locked(ReceiverSettings(configuration))
        self.eventLog = eventLog
        self.rejectsLog = rejectsLog
        self.dedupe = dedupe
        self.metrics = metrics
        self.live = LiveHub(ttlSeconds: configuration.callsActiveTTLSeconds, maxStreams: configuration.limits.maxStreams,
                            streamBufferBytes: configuration.limits.streamBufferBytes)
        self.refusals = refusals
    }

    /// The settings requests that start now are served under.
    var settings: ReceiverSettings { current.withLock { $0 } }
    var configuration: Configuration { settings.configuration }

    /// Serves requests that start after this call under `configuration` (a reload). Requests
    /// already screened finish under the settings they were screened with.
    func apply(_ configuration: Configuration) {
        let settings = ReceiverSettings(configuration)
        current.withLock { $0 = settings }
    }

    /// Lets `/metrics` report the server's open connections.
    func attach(openConnections: @escaping @Sendable () -> Int) {
        connectionCount.withLock { $0 = openConnections }
    }

    func openConnections() -> Int { connectionCount.withLock { $0 }?() ?? 0 }

    // MARK: - The head: route, method, auth

    /// Route, method and auth from the head alone. What it finds (the settings it used, the
    /// route, the client) goes to `handle` with the request, so a reload in between cannot
    /// change the rules a request started under and nothing is worked out twice.
    func screen(_ head: HTTPRequestHead, connection: ConnectionInfo) -> HTTPScreening {
        var screened = ScreenedRequest(settings: settings)
        if let refusal = screen(head, connection: connection, into: &screened) { return .refuse(refusal) }
        return .proceed(context: screened)
    }

    private func screen(_ head: HTTPRequestHead, connection: ConnectionInfo, into screened: inout ScreenedRequest) -> HTTPResponse? {
        let path = head.path
        let settings = screened.settings
        let configuration = settings.configuration
        if let admin = AdminEndpoint(path: path) {
            return admin.screen(head, client: clientAddress(head, connection, configuration), configuration: configuration)
        }
        if let answer = screenLive(head, connection: connection, configuration: configuration) { return answer }
        guard let match = settings.routes.match(path: path) else {
            metrics.countRequest(route: nil, status: 404)
            return Responses.notFound
        }
        switch head.method {
        case "GET", "POST", "HEAD", "OPTIONS": break
        default:
            metrics.countRequest(route: match.route.name, status: 405)
            return Responses.methodNotAllowed
        }
        let client = clientAddress(head, connection, configuration)
        screened.match = match
        screened.client = client
        let decision = Authenticator.check(route: match.route, client: client, query: head.query, headers: head.headers)
        guard decision == .ok else {
            refusals.refused(route: match.route.name, client: client?.description ?? connection.peerAddress,
                             reason: RefusalReason(decision, query: head.query, headers: head.headers))
            metrics.countAuthRefusal(route: match.route.name, status: decision.status)
            metrics.countRequest(route: match.route.name, status: decision.status)
            let message = decision == .forbidden ? "address not allowed" : "missing or wrong secret"
            return Responses.error(decision.status, message, headers: decision.headers)
        }
        return nil
    }

    /// For a request handed to `handle` without its screening (in-process callers).
    private func rescreen(_ head: HTTPRequestHead, connection: ConnectionInfo) -> ScreenedRequest {
        var screened = ScreenedRequest(settings: settings)
        _ = screen(head, connection: connection, into: &screened)
        return screened
    }

    // MARK: - The whole request: decode, dedupe, store, answer

    func handle(_ request: HTTPRequest, connection: ConnectionInfo, respond send: @escaping HTTPResponder) {
        let head = request.head
        let screened = request.context as? ScreenedRequest ?? rescreen(request.head, connection: connection)
        let settings = screened.settings
        if let admin = AdminEndpoint(path: head.path) {
            send(admin.respond(head, app: self))
            return
        }
        if handleLive(head, respond: send) { return }
        // `screen` passed, so the route exists and the method is one we serve.
        guard let match = screened.match else { return send(Responses.notFound) }
        let routeName = match.route.name
        // The whole request has been read: the latency a sender waits for starts now.
        let started = SystemClock.monotonicNanos()
        let respond: HTTPResponder = { [metrics] response in
            // Counted before the answer leaves: a client that reads /metrics next sees it.
            metrics.countRequest(route: routeName, status: response.status)
            metrics.observeLatency(route: routeName, seconds: Double(SystemClock.monotonicNanos() &- started) / 1e9)
            send(response)
        }
        switch head.method {
        case "HEAD": return respond(Responses.head)
        case "OPTIONS": return respond(Responses.options)
        default: break
        }

        let now = WallClock.now()
        let client = screened.client
        if let handshake = Handshake.ringCentral(head: head, route: match.route) {
            metrics.countHandshake(route: routeName, vendor: handshake.vendor)
            return respond(handshake.response)
        }
        // The signature is checked on the body as received, before anything reads it.
        if let verification = match.route.verify,
           case .refused(let reason) = SignatureVerifier.check(verification, head: head, body: request.body,
                                                               now: Int(now.milliseconds / 1000)) {
            refusals.refused(route: routeName, client: client?.description ?? connection.peerAddress,
                             reason: RefusalReason(reason))
            metrics.countSignatureRefusal(route: routeName, reason: reason.rawValue)
            metrics.countAuthRefusal(route: routeName, status: 401)
            return respond(Responses.error(401, reason.rawValue))
        }
        if let handshake = Handshake.zoom(body: request.body, route: match.route) {
            metrics.countHandshake(route: routeName, vendor: handshake.vendor)
            return respond(handshake.response)
        }
        let delivery = Delivery(
            method: head.method, contentType: head.headers["Content-Type"], body: request.body,
            query: head.query.map { Array($0.utf8) }, hint: match.hint,
            // A `jwt` body is decoded once `verify` accepted it, or unverified where there is
            // no secret to verify it with.
            unverifiedJWT: match.route.verify?.verifiesJWTBody == true || match.route.secrets.isEmpty ? .decode : .refuse,
            id: EventID.make(now: now), receivedAt: now, route: routeName,
            source: EventSource(addr: client?.description ?? connection.peerAddress,
                                userAgent: head.headers["User-Agent"]))

        if delivery.isProbe {
            metrics.countProbe(route: routeName)
            return respond(Responses.probe)
        }

        switch CallEventDecoder.decode(delivery, as: match.route.vendor, catalog: settings.configuration.vendors) {
        case .failure(let failure):
            RejectsRecorder(log: rejectsLog, redactor: settings.redactor).record(delivery, failure: failure, durable: { [live] line in live.addReject(line: line) }) { [metrics] result in
                switch result {
                case .success:
                    metrics.countReject(route: routeName, status: failure.status)
                    respond(Responses.rejected(failure, id: delivery.id))
                case .failure(let error):
                    respond(Responses.unavailable(error))
                }
            }
        case .success(var event):
            if let field = match.route.verify?.tokenField { event.raw = event.raw.removingMember(field) }
            store(event, route: routeName, redactor: settings.redactor, respond: respond)
        }
    }

    /// Claims the event's key, then writes its line and answers `200`, or answers as a
    /// duplicate of the copy that claimed the key first: at once when that copy is written,
    /// else once it is (or with its `503` when its write fails).
    private func store(_ event: CallEvent, route routeName: String, redactor: SecretRedactor,
                       respond: @escaping HTTPResponder) {
        let key = event.key
        let claim = dedupe.claim(key) { [metrics] outcome in
            switch outcome {
            case .written(let firstID):
                metrics.countDuplicate(route: routeName)
                respond(Responses.duplicate(firstID: firstID))
            case .failed(let error):
                respond(Responses.unavailable(error))
            }
        }
        switch claim {
        case .written(let firstID):
            metrics.countDuplicate(route: routeName)
            return respond(Responses.duplicate(firstID: firstID))
        case .waiting:
            return
        case .claimed:
            break
        }
        var line = event.jsonLine()
        redactor.redact(&line)
        eventLog.append(line, start: .deferred) { [dedupe, metrics, live, line] result in
            switch result {
            case .success:
                live.add(line: line, event: event)
                metrics.countEvent(route: routeName, vendor: event.vendor, type: event.type)
                respond(Responses.stored(id: event.id))
                dedupe.settle(key, .success(event.id))
            case .failure(let error):
                respond(Responses.unavailable(error))
                dedupe.settle(key, .failure(error))
            }
        }
    }

    /// The lines this round of the event loop queued go to the writers as one batch each.
    func roundEnded() {
        eventLog.startDeferred()
        rejectsLog.startDeferred()
    }

    func serverAnswered(status: Int, connection: ConnectionInfo) {
        metrics.countRequest(route: nil, status: status)
    }

    /// The client after trusted-proxy resolution; nil when the peer address does not parse.
    func clientAddress(_ head: HTTPRequestHead, _ connection: ConnectionInfo,
                       _ configuration: Configuration) -> IPAddress? {
        ClientAddress.resolve(optionalPeer: connection.peer, headers: head.headers,
                              trustedProxies: configuration.trustedProxies)
    }
}
