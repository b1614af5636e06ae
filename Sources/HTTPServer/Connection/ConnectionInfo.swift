/// Where a request came from, as the socket saw it.
public struct ConnectionInfo: Sendable, Equatable {
    /// The peer's IP address as text: `127.0.0.1`, `::1` (IPv4-mapped IPv6 shown as IPv4).
    public var peerAddress: String {
        didSet { peer = IPAddress(peerAddress) }
    }
    public var peerPort: Int
    /// `peerAddress` parsed, once per connection rather than once per request; nil when it is
    /// not an IP address.
    public private(set) var peer: IPAddress?

    public init(peerAddress: String, peerPort: Int) {
        self.peerAddress = peerAddress
        self.peerPort = peerPort
        self.peer = IPAddress(peerAddress)
    }
}

/// Hands a response back to the connection; call it exactly once, from any thread.
public typealias HTTPResponder = @Sendable (HTTPResponse) -> Void
