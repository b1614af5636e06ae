import HTTPServer

/// What `ReceiverApp.screen` learned from a head, carried to `handle` with the request
/// (`HTTPScreening.proceed(context:)`): the settings the request started under (a SIGHUP
/// reload in between does not change them), and for a delivery path its route and client.
struct ScreenedRequest: Sendable {
    let settings: ReceiverSettings
    /// The route and hint; nil for the admin and live paths, or when no route matched.
    var match: RouteTable.Match?
    /// The client after trusted-proxy resolution; nil when the peer is not an IP address.
    var client: IPAddress?

    init(settings: ReceiverSettings) {
        self.settings = settings
    }
}
