/// The HTTP/1.1 server: listening sockets, event loops and connections.
///
/// ```swift
/// let server = try HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: app)
/// let address = try server.start()          // "127.0.0.1:43121"
/// server.stop(drainMilliseconds: 10_000)    // stop accepting, finish in-flight, close
/// ```
public final class HTTPServer: Sendable {
    public struct Configuration: Sendable {
        /// An IPv4 or IPv6 literal, or `localhost`.
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var limits: HTTPLimits
        /// Event loops (threads) serving connections; each accepts on its own `SO_REUSEPORT` socket.
        public var eventLoops: Int

        public init(host: String, port: Int, limits: HTTPLimits = HTTPLimits(), eventLoops: Int = 1) {
            self.host = host
            self.port = port
            self.limits = limits
            self.eventLoops = eventLoops
        }
    }

    public init(configuration: Configuration, handler: any HTTPHandler) throws {
        fatalError("not implemented")
    }

    /// Binds, listens and starts the loops; returns the bound address as `HOST:PORT` / `[V6]:PORT`.
    public func start() throws -> String { fatalError("not implemented") }

    /// Stops accepting, answers requests that arrive meanwhile with `503` + `Connection: close`,
    /// waits up to `drainMilliseconds` for responses in flight, then closes every connection.
    /// Blocks until done.
    public func stop(drainMilliseconds: Int) { fatalError("not implemented") }

    /// Open connections right now (for metrics).
    public var openConnections: Int { fatalError("not implemented") }
}
