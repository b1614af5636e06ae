/// What a PROXY protocol header (HAProxy's proxy-protocol.txt, v1 and v2) said about the
/// connection a proxy relays.
///
/// ```swift
/// var parser = ProxyHeaderParser(accepting: .any)
/// if case .header(let header, let length) = parser.parse(bytes) {
///     header.source?.address   // "203.0.113.7"
/// }
/// ```
public struct ProxyHeader: Sendable, Equatable {
    /// One end of the relayed connection: an address as text (IPv4-mapped IPv6 shown as
    /// IPv4, as ``ConnectionInfo`` does) and a port.
    public struct Endpoint: Sendable, Equatable {
        public var address: String
        public var port: Int

        public init(address: String, port: Int) {
            self.address = address
            self.port = port
        }
    }

    /// The protocol version the header used: 1 (text) or 2 (binary).
    public var version: Int
    /// The client the proxy accepted; nil when the header carries none (v2 `LOCAL`, a health
    /// check by the proxy itself; v1 `UNKNOWN`; v2 families other than INET and INET6): the
    /// socket's own peer then stands.
    public var source: Endpoint?
    /// The address the client connected to, at the proxy.
    public var destination: Endpoint?

    public init(version: Int, source: Endpoint?, destination: Endpoint?) {
        self.version = version
        self.source = source
        self.destination = destination
    }
}
