#if canImport(Glibc)
import System
import Glibc
#endif

/// The HTTP/1.1 server: listening sockets, event loops and connections.
///
/// ```swift
/// let server = try HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: app)
/// let address = try server.start()          // "127.0.0.1:43121"
/// server.stop(drainMilliseconds: 10_000)    // stop accepting, finish in-flight, close
/// ```
///
/// Each of `eventLoops` threads runs its own epoll instance with its own `SO_REUSEPORT`
/// listener on the same address, so the kernel spreads new connections over the loops and a
/// connection stays on the loop that accepted it.
public final class HTTPServer: Sendable {
    public struct Configuration: Sendable {
        /// An IPv4 or IPv6 literal, or `localhost`.
        public var host: String
        /// 0 picks a free port.
        public var port: Int
        public var limits: HTTPLimits
        /// Event loops (threads) serving connections; each accepts on its own `SO_REUSEPORT` socket.
        public var eventLoops: Int
        /// The PROXY protocol header expected before HTTP from peers `trustsPeer` accepts.
        public var proxyProtocol: ProxyProtocolMode
        /// Whether a peer address (as ``ConnectionInfo/peerAddress`` shows it) is a trusted proxy.
        public var trustsPeer: @Sendable (String) -> Bool

        public init(host: String, port: Int, limits: HTTPLimits = HTTPLimits(), eventLoops: Int = 1,
                    proxyProtocol: ProxyProtocolMode = .off,
                    trustsPeer: @escaping @Sendable (String) -> Bool = { _ in false }) {
            self.host = host
            self.port = port
            self.limits = limits
            self.eventLoops = eventLoops
            self.proxyProtocol = proxyProtocol
            self.trustsPeer = trustsPeer
        }
    }

    private enum Lifecycle {
        case created
        case running([EventLoop], [SystemThread])
        case stopped
    }

    private let configuration: Configuration
    private let handler: any HTTPHandler
    private let counters: ServerCounters
    private let settings: ListenerSettings
    private let lifecycle = Locked(Lifecycle.created)

    public init(configuration: Configuration, handler: any HTTPHandler) throws(SystemCallError) {
        var configuration = configuration
        configuration.eventLoops = max(1, configuration.eventLoops)
        _ = try SocketAddress(host: configuration.host, port: configuration.port)
        self.configuration = configuration
        self.handler = handler
        counters = ServerCounters(maxConnections: configuration.limits.maxConnections)
        settings = ListenerSettings(limits: configuration.limits, proxyProtocol: configuration.proxyProtocol,
                                    trustsPeer: configuration.trustsPeer)
    }

    /// The PROXY protocol mode and trusted proxies for connections accepted from now on.
    public func update(proxyProtocol: ProxyProtocolMode, trustsPeer: @escaping @Sendable (String) -> Bool) {
        settings.update(proxyProtocol: proxyProtocol, trustsPeer: trustsPeer)
    }

    /// New limits for connections accepted from now on (a config reload); those open keep
    /// theirs. `maxConnections` stays as it was at start.
    public func update(limits: HTTPLimits) {
        var limits = limits
        limits.maxConnections = counters.maxConnections
        settings.update(limits: limits)
    }

    /// A server dropped without `stop` still ends its threads.
    deinit { stop(drainMilliseconds: 0) }

    /// Binds, listens and starts the loops; returns the bound address as `HOST:PORT` / `[V6]:PORT`.
    public func start() throws(SystemCallError) -> String {
        try lifecycle.withLock { lifecycle throws(SystemCallError) -> String in
            guard case .created = lifecycle else {
                throw SystemCallError(call: "start: the server was already started", errno: EALREADY)
            }
            // A peer that closes early must cost an EPIPE, never the process (sends also use MSG_NOSIGNAL).
            signal(SIGPIPE, SIG_IGN)
            let (listeners, bound) = try Self.listen(configuration)
            var loops: [EventLoop] = []
            do throws(SystemCallError) {
                for (index, listener) in listeners.enumerated() {
                    loops.append(try EventLoop(index: index, listener: listener, handler: handler,
                                               limits: configuration.limits, counters: counters,
                                               settings: settings))
                }
            } catch {
                for listener in listeners { listener.close() }
                throw error
            }
            var threads: [SystemThread] = []
            for loop in loops {
                do throws(SystemCallError) {
                    threads.append(try SystemThread.spawn(name: "http-loop-\(loop.index)") { loop.run() })
                } catch {
                    Self.stop(loops: Array(loops[..<threads.count]), threads: threads, drainMilliseconds: 0)
                    throw error
                }
            }
            lifecycle = .running(loops, threads)
            return bound.description
        }
    }

    /// Stops accepting, answers requests that arrive meanwhile with `503` + `Connection: close`,
    /// waits up to `drainMilliseconds` for responses in flight, then closes every connection.
    /// Blocks until done.
    public func stop(drainMilliseconds: Int) {
        let running = lifecycle.withLock { lifecycle -> ([EventLoop], [SystemThread])? in
            defer { lifecycle = .stopped }
            if case .running(let loops, let threads) = lifecycle { return (loops, threads) }
            return nil
        }
        guard let (loops, threads) = running else { return }
        Self.stop(loops: loops, threads: threads, drainMilliseconds: drainMilliseconds)
    }

    /// Open connections right now (for metrics).
    public var openConnections: Int { counters.openConnections.load(ordering: .relaxed) }

    /// Times accepting paused because the process or system ran out of descriptors or memory.
    public var acceptPauses: Int { counters.acceptPauses.load(ordering: .relaxed) }

    // MARK: - Helpers

    /// One listener per loop on the same address; with port 0 the first picks it for the rest.
    private static func listen(_ configuration: Configuration) throws(SystemCallError) -> ([Socket], SocketAddress) {
        var address = try SocketAddress(host: configuration.host, port: configuration.port)
        if configuration.port != 0 {
            // SO_REUSEPORT would let us share the port with another server run by the same user
            // (a second instance started by mistake): check it is free with a plain socket first.
            let probe = try Socket.listen(on: address, reusePort: false, backlog: 1)
            probe.close()
        }
        var listeners: [Socket] = []
        do {
            let first = try Socket.listen(on: address, reusePort: true)
            listeners.append(first)
            let bound = try first.localAddress()
            address = try SocketAddress(host: configuration.host, port: bound.port)
            for _ in 1..<configuration.eventLoops {
                listeners.append(try Socket.listen(on: address, reusePort: true))
            }
            return (listeners, bound)
        } catch {
            for listener in listeners { listener.close() }
            throw error
        }
    }

    private static func stop(loops: [EventLoop], threads: [SystemThread], drainMilliseconds: Int) {
        let deadline = SystemClock.monotonicMilliseconds() + max(0, drainMilliseconds)
        for loop in loops { loop.mailbox.requestStop(deadline: deadline) }
        for thread in threads { thread.join() }
    }
}
