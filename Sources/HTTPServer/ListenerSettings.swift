import Synchronization

/// The listener's settings that may change while it runs (a config reload): read by each loop
/// when it admits a connection, so a connection keeps the settings it was accepted under.
///
/// ```swift
/// let settings = ListenerSettings(limits: HTTPLimits())
/// settings.update(limits: newLimits)   // connections accepted from now on use them
/// ```
public final class ListenerSettings: Sendable {
    private let current: Mutex<HTTPLimits>

    public init(limits: HTTPLimits) {
        current = Mutex(limits)
    }

    public var limits: HTTPLimits { current.withLock { $0 } }

    /// `maxConnections` is fixed at start (the server's counter is sized by it); the rest apply
    /// to connections accepted after this call.
    public func update(limits: HTTPLimits) {
        current.withLock { $0 = limits }
    }
}
