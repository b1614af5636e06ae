/// An IPv4 or IPv6 network, `203.0.113.0/24` or `2001:db8::/32`.
public struct CIDR: Sendable, Equatable {
    public var text: String
}
