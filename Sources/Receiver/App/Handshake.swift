import CallEvents
import HTTPServer

/// A sender's check of its webhook URL (vendors.md, "Handshakes"), answered at once and never
/// stored. RingCentral's needs no secret and is answered before the signature check; Zoom's
/// answer is an HMAC under the route's secret, so it is only given to a signed request (else
/// anyone could have the receiver sign text of their choosing).
///
/// ```swift
/// if let handshake = Handshake.zoom(body: request.body, route: route) {
///     metrics.countHandshake(route: route.name, vendor: handshake.vendor)
///     return respond(handshake.response)
/// }
/// ```
struct Handshake {
    /// `zoom` or `ringcentral`, the label counted in `/metrics`.
    let vendor: String
    let response: HTTPResponse

    /// RingCentral: a `Validation-Token` header is echoed in a `200` with an empty body.
    static func ringCentral(head: HTTPRequestHead, route: Configuration.Route) -> Handshake? {
        guard accepts(route, vendor: "ringcentral"), let token = head.headers["Validation-Token"], !token.isEmpty else { return nil }
        return Handshake(vendor: "ringcentral", response: HTTPResponse(status: 200, headers: [("Validation-Token", token)]))
    }

    /// Zoom: `{"event":"endpoint.url_validation","payload":{"plainToken":"…"}}` is answered with
    /// the token and its hex HMAC-SHA256 under the route's first secret.
    static func zoom(body: [UInt8], route: Configuration.Route) -> Handshake? {
        guard accepts(route, vendor: "zoom"), let secret = route.secret, body.first == UInt8(ascii: "{"),
              case .success(let value) = JSONParser.parse(body), value["event"]?.stringValue == "endpoint.url_validation",
              let plain = value["payload"]?["plainToken"]?.stringValue else { return nil }
        let encrypted = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(plain.utf8), key: secret.bytes))
        var writer = JSONWriter(capacity: 64 + plain.utf8.count)
        writer.raw(#"{"plainToken":"#)
        writer.string(plain)
        writer.raw(#","encryptedToken":"#)
        writer.string(encrypted)
        writer.raw("}")
        return Handshake(vendor: "zoom", response: HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: writer.bytes))
    }

    /// The route is the vendor's, or `auto`.
    private static func accepts(_ route: Configuration.Route, vendor: String) -> Bool {
        switch route.vendor {
        case .auto: true
        case .vendor(let chosen): chosen.name == vendor
        }
    }
}
