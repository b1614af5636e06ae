/// `listen_proxy_protocol`: which PROXY protocol header the listener expects before HTTP.
///
/// ```swift
/// let mode = ProxyProtocolMode(rawValue: "v2")   // .v2
/// ```
public enum ProxyProtocolMode: String, Sendable, Equatable, CaseIterable {
    /// No header: the connection starts with HTTP (the default).
    case off
    /// The text header only (HAProxy `send-proxy`).
    case v1
    /// The binary header only (HAProxy `send-proxy-v2`, AWS NLB).
    case v2
    /// Either, told apart by their first bytes.
    case any
}
