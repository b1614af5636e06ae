import Foundation

/// A server config for the end-to-end tests, written as JSON into the test's folder. Defaults:
/// loopback on a free port, logs next to the config, `fsync: "always"`, one route per vendor
/// with the secret ``TestConfiguration/secret``, and `guarded`, an ImpactPBX route that also
/// requires an address in 203.0.113.0/24.
///
/// ```swift
/// var config = TestConfiguration()
/// config.limits["header_timeout_ms"] = 800
/// let server = try startServer(config)
/// ```
struct TestConfiguration {
    /// Chosen so that it cannot turn up in a log by chance.
    static let secret = "Sx7-q9Zt-4kWp"

    var listen = "127.0.0.1:0"
    var eventLog = "events.jsonl"
    var rejectsLog = "rejects.jsonl"
    var fsync = "always"
    var dedupeWindow: Int? = nil
    var trustedProxies: [String]? = ["127.0.0.1/32", "::1/128"]
    var limits: [String: Int] = [:]
    var routes: [[String: Any]] = TestConfiguration.defaultRoutes
    /// More top-level keys (`admin_token`, ...), written as they are.
    var extra: [String: Any] = [:]

    static var defaultRoutes: [[String: Any]] { [
        ["name": "voipnow", "path": "/hooks/voipnow", "vendor": "voipnow", "secret": secret],
        ["name": "urlnetworks", "path": "/hooks/urlnetworks", "vendor": "urlnetworks", "secret": secret],
        ["name": "voipstudio", "path": "/hooks/voipstudio", "vendor": "voipstudio", "secret": secret],
        ["name": "impactpbx", "path": "/hooks/impactpbx", "vendor": "impactpbx", "secret": secret],
        ["name": "guarded", "path": "/hooks/guarded", "vendor": "impactpbx", "secret": secret,
         "allow": ["203.0.113.0/24"]],
        ["name": "any", "path": "/hooks/any", "vendor": "auto", "secret": secret],
    ] }

    var jsonObject: [String: Any] {
        var object: [String: Any] = [
            "listen": listen, "event_log": eventLog, "rejects_log": rejectsLog, "fsync": fsync,
            "routes": routes,
        ]
        if let dedupeWindow { object["dedupe_window"] = dedupeWindow }
        if let trustedProxies { object["trusted_proxies"] = trustedProxies }
        if !limits.isEmpty { object["limits"] = limits }
        object.merge(extra) { _, new in new }
        return object
    }

    func write(to url: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys])
        try data.write(to: url)
    }
}
