import CallEvents
import HTTPServer
import Live

// The live paths (Documentation.docc/Live.md): kept apart from the delivery path so each reads on
// its own.
extension ReceiverApp {
    /// `screen` for a live path; nil when the path is not one (the caller goes on to routes).
    func screenLive(_ head: HTTPRequestHead, connection: ConnectionInfo, configuration: Configuration) -> HTTPResponse?? {
        guard let endpoint = LiveEndpoint(path: head.path) else { return nil }
        return .some(endpoint.screen(head, client: clientAddress(head, connection, configuration),
                                     configuration: configuration))
    }

    /// Answers a live path; false when the path is not one.
    func handleLive(_ head: HTTPRequestHead, respond send: @escaping HTTPResponder) -> Bool {
        guard let endpoint = LiveEndpoint(path: head.path) else { return false }
        if endpoint == .stream && head.method == "GET" {
            openStream(head, respond: send)
        } else {
            send(endpoint.respond(head, hub: live))
        }
        return true
    }

    /// `/stream`: filters, the log, and where to start (Documentation.docc/Live.md, "The stream").
    private func openStream(_ head: HTTPRequestHead, respond send: @escaping HTTPResponder) {
        let fields = LiveEndpoint.queryFields(head.query)
        let log: StreamHub.Log
        switch fields["log"] {
        case nil, "events": log = .events
        case "rejects": log = .rejects
        default: return send(Responses.error(400, "log must be events or rejects"))
        }
        let filter = StreamFilter(vendor: fields["vendor"], type: fields["type"], route: fields["route"], call: fields["call"])
        var start = StreamHub.Start.live
        if let id = head.headers["Last-Event-ID"] ?? fields["after"], !id.isEmpty {
            start = .after(id)
        } else if let text = fields["since"] {
            guard let time = Timestamp(rfc3339: text) else { return send(Responses.error(400, "since must be an RFC 3339 time")) }
            start = .since(time.rfc3339)
        }
        live.streams.open(log: log, filter: filter, start: start,
                          path: log == .events ? configuration.eventLog : configuration.rejectsLog, respond: send)
    }

    /// Rebuilds calls in progress from the tail of the event log, at start.
    func rebuildLiveViews() {
        let configuration = self.configuration
        live.rebuild(fromTailOf: configuration.eventLog, ttlSeconds: configuration.callsActiveTTLSeconds,
                     nowMilliseconds: WallClock.now().milliseconds)
        live.resumeStreams(eventLog: configuration.eventLog, rejectsLog: configuration.rejectsLog)
    }
}
