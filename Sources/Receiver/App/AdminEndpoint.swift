import CallEvents
import HTTPServer

/// `/healthz` and `/metrics`: readable from loopback (after trusted-proxy resolution) or with
/// `Authorization: Bearer <admin_token>`. They take precedence over routes.
enum AdminEndpoint {
    case health
    case metrics

    init?(path: Substring) {
        switch path {
        case "/healthz": self = .health
        case "/metrics": self = .metrics
        default: return nil
        }
    }

    func screen(_ head: HTTPRequestHead, client: IPAddress?, configuration: Configuration) -> HTTPResponse? {
        guard head.method == "GET" || head.method == "HEAD" else {
            return Responses.error(405, "method not allowed", headers: [("Allow", "GET, HEAD")])
        }
        guard Authenticator.isAdmin(client: client, headers: head.headers, adminToken: configuration.adminToken) else {
            return Responses.error(403, "admin endpoints need loopback or the admin token")
        }
        return nil
    }

    func respond(_ head: HTTPRequestHead, app: ReceiverApp) -> HTTPResponse {
        var response: HTTPResponse
        switch self {
        case .health:
            let stats = app.eventLog.stats
            var writer = JSONWriter(capacity: 128)
            if stats.healthy {
                writer.raw(#"{"ok":true,"storage":"writable"}"#)
            } else {
                writer.raw(#"{"ok":false,"storage":"failing","since":"#)
                writer.string(stats.unhealthySince.map { Timestamp(milliseconds: $0).rfc3339 })
                writer.raw(#","error":"#)
                writer.string(stats.lastError.map { "\($0)" })
                writer.raw("}")
            }
            response = HTTPResponse(status: stats.healthy ? 200 : 503,
                                    headers: [("Content-Type", "application/json")], body: writer.bytes)
        case .metrics:
            let text = app.metrics.render(openConnections: app.openConnections(), openStreams: app.live.streams.openStreams,
                                          eventLog: app.eventLog.stats, rejectsLog: app.rejectsLog.stats)
            response = HTTPResponse(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
                                    body: Array(text.utf8))
        }
        if head.method == "HEAD" { response.body = [] }
        return response
    }
}
