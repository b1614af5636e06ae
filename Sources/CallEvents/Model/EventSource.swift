/// Where the delivery came from.
public struct EventSource: Sendable, Equatable {
    /// The client IP after trusted-proxy resolution.
    public var addr: String
    public var userAgent: String?

    public init(addr: String, userAgent: String?) {
        self.addr = addr
        self.userAgent = userAgent
    }
}
