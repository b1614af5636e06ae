import HTTPServer

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
    func handleLive(_ head: HTTPRequestHead, respond send: HTTPResponder) -> Bool {
        guard let endpoint = LiveEndpoint(path: head.path) else { return false }
        send(endpoint.respond(head, hub: live))
        return true
    }

    /// Rebuilds calls in progress from the tail of the event log, at start.
    func rebuildLiveViews() {
        let configuration = self.configuration
        live.rebuild(fromTailOf: configuration.eventLog, ttlSeconds: configuration.callsActiveTTLSeconds,
                     nowMilliseconds: WallClock.now().milliseconds)
    }
}
