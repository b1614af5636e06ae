import System

/// The listener's settings that may change while it runs (a config reload): read by each loop
/// when it admits a connection, so a connection keeps the settings it was accepted under.
///
/// ```swift
/// let settings = ListenerSettings(limits: HTTPLimits())
/// settings.update(limits: newLimits)   // connections accepted from now on use them
/// ```
public final class ListenerSettings: Sendable {
    private let current: Locked<HTTPLimits>
    private let proxy: Locked<(mode: ProxyProtocolMode, trusts: @Sendable (String) -> Bool)>

    public init(limits: HTTPLimits, proxyProtocol: ProxyProtocolMode = .off,
                trustsPeer: @escaping @Sendable (String) -> Bool = { _ in false }) {
        current = Locked(limits)
        proxy = Locked((proxyProtocol, trustsPeer))
    }

    public var limits: HTTPLimits { current.withLock { $0 } }

    /// The PROXY protocol header a connection from `peer` must start with: `.off` when the
    /// listener expects none or the peer is not a trusted proxy (its bytes are then HTTP, and
    /// a header it sends is never believed).
    public func proxyProtocol(forPeer peer: String) -> ProxyProtocolMode {
        let (mode, trusts) = proxy.withLock { $0 }
        return mode != .off && trusts(peer) ? mode : .off
    }

    /// `listen_proxy_protocol` and `trusted_proxies` for connections accepted after this call.
    public func update(proxyProtocol: ProxyProtocolMode, trustsPeer: @escaping @Sendable (String) -> Bool) {
        proxy.withLock { $0 = (proxyProtocol, trustsPeer) }
    }

    /// `maxConnections` is fixed at start (the server's counter is sized by it); the rest apply
    /// to connections accepted after this call.
    public func update(limits: HTTPLimits) {
        current.withLock { $0 = limits }
    }
}
