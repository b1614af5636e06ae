import CallEvents
import Glibc
import EventLog
import HTTPServer

/// The parsed config file (Documentation.docc/Receiver.md, "Configuration"), every key with its
/// default. Paths are absolute, resolved against the config file's folder. Build one with
/// ``ConfigurationLoader``; printing one redacts every secret.
///
/// ```swift
/// switch ConfigurationLoader.load(path: "/etc/callhook.json") {
/// case .success(let loaded): print(loaded.configuration.listen)   // "127.0.0.1:8080"
/// case .failure(let errors): errors.messages.forEach { print($0) }
/// }
/// ```
struct Configuration: Sendable, Equatable {
    /// `listen`: an IPv4 literal, an IPv6 literal (without brackets) or `localhost`.
    var listenHost: String
    /// `listen`: 0 picks a free port.
    var listenPort: Int
    /// `event_log`: the JSON Lines file events are appended to.
    var eventLog: String
    /// `rejects_log`: where undecodable bodies go.
    var rejectsLog: String
    /// `fsync` with `fsync_interval_ms`.
    var fsync: FsyncPolicy
    /// `dedupe_window`: how many recent event keys are remembered; 0 turns dedupe off.
    var dedupeWindow: Int
    /// `calls_active_ttl_seconds`: a call with no event for this long leaves `/calls/active`
    /// (Documentation.docc/Live.md).
    var callsActiveTTLSeconds: Int
    /// `trusted_proxies`: peers whose `X-Forwarded-For` / `X-Real-IP` are believed.
    var trustedProxies: [CIDR]
    /// `listen_proxy_protocol`: the PROXY protocol header expected from a peer in
    /// `trusted_proxies` before its HTTP (HAProxy `send-proxy` / `send-proxy-v2`).
    var listenProxyProtocol: ProxyProtocolMode = .off
    /// `admin_token`: opens `/healthz` and `/metrics` from other than loopback.
    var adminToken: Secret?
    /// `limits`.
    var limits: HTTPLimits
    /// `event_loops`: threads serving connections; defaults to the CPUs this process may run on.
    var eventLoops: Int
    /// `routes`, in the file's order.
    var routes: [Route]
    /// `vendors` compiled, with the coded and shipped vendors: what routes and `auto` pick from.
    var vendors: VendorCatalog = .builtIn

    /// A configuration with every default and the given routes.
    init(routes: [Route]) {
        listenHost = "127.0.0.1"
        listenPort = 8080
        eventLog = "events.jsonl"
        rejectsLog = "rejects.jsonl"
        fsync = .always
        dedupeWindow = 100_000
        callsActiveTTLSeconds = 14_400
        trustedProxies = Configuration.defaultTrustedProxies
        adminToken = nil
        limits = HTTPLimits()
        eventLoops = Configuration.usableProcessors
        self.routes = routes
    }

    /// `listen` as written back: `127.0.0.1:8080`, `[::1]:8080`.
    var listen: String {
        listenHost.contains(":") ? "[\(listenHost)]:\(listenPort)" : "\(listenHost):\(listenPort)"
    }

    /// `127.0.0.1/32` and `::1/128`.
    static var defaultTrustedProxies: [CIDR] {
        [try! CIDR(parsing: "127.0.0.1/32"), try! CIDR(parsing: "::1/128")]
    }

    /// The CPUs this process may use (its affinity mask, which `taskset` narrows).
    static var usableProcessors: Int {
        HTTPServer.usableProcessors
    }
}
