import CallEvents
import EventLog
import HTTPServer

// The top level and `limits`: each key, its type, its range, its default.
extension ConfigurationLoader {
    static let topLevelKeys = [
        "listen", "event_log", "rejects_log", "fsync", "fsync_interval_ms", "dedupe_window",
        "trusted_proxies", "admin_token", "event_loops", "limits", "routes", "calls_active_ttl_seconds",
        "vendors",
        "listen_proxy_protocol",
    ]

    // Upper bounds are far past any real use; they catch a misplaced digit or unit.
    static let maximumMilliseconds = 3_600_000

    static func read(_ document: JSONValue, into reader: inout ConfigurationReader,
                     baseDirectory: String) -> Configuration {
        var configuration = Configuration(routes: [])
        let root = JSONPath.root
        guard let fields = reader.object(document, at: root, known: topLevelKeys) else { return configuration }

        if let value = fields["listen"], let text = reader.string(value, at: root.key("listen")) {
            do {
                let address = try ListenAddress(parsing: text)
                configuration.listenHost = address.host
                configuration.listenPort = address.port
            } catch {
                reader.error(root.key("listen"), error.description)
            }
        }
        configuration.eventLog = logPath(fields["event_log"], key: "event_log", default: configuration.eventLog,
                                         reader: &reader, baseDirectory: baseDirectory)
        configuration.rejectsLog = logPath(fields["rejects_log"], key: "rejects_log", default: configuration.rejectsLog,
                                           reader: &reader, baseDirectory: baseDirectory)
        if configuration.eventLog == configuration.rejectsLog {
            reader.error(root.key("rejects_log"), "is the same file as event_log (\(configuration.eventLog))")
        }

        var interval = 200
        if let value = fields["fsync_interval_ms"],
           let number = reader.integer(value, at: root.key("fsync_interval_ms"), in: 1...maximumMilliseconds) {
            interval = number
        }
        if let value = fields["fsync"], let text = reader.string(value, at: root.key("fsync")) {
            switch text {
            case "always": configuration.fsync = .always
            case "interval": configuration.fsync = .interval(milliseconds: interval)
            case "never": configuration.fsync = .never
            default: reader.error(root.key("fsync"), "expected \"always\", \"interval\" or \"never\", got \(quoted(text))")
            }
        }
        if let value = fields["calls_active_ttl_seconds"],
           let number = reader.integer(value, at: root.key("calls_active_ttl_seconds"), in: 1...31_536_000) {
            configuration.callsActiveTTLSeconds = number
        }
        if let value = fields["dedupe_window"],
           let number = reader.integer(value, at: root.key("dedupe_window"), in: 0...10_000_000) {
            configuration.dedupeWindow = number
        }
        if let value = fields["trusted_proxies"],
           let networks = reader.cidrs(value, at: root.key("trusted_proxies"), nonEmpty: false) {
            configuration.trustedProxies = networks
        }
        if let value = fields["listen_proxy_protocol"], let text = reader.string(value, at: root.key("listen_proxy_protocol")) {
            if let mode = ProxyProtocolMode(rawValue: text) {
                configuration.listenProxyProtocol = mode
            } else {
                reader.error(root.key("listen_proxy_protocol"), "expected \"off\", \"v1\", \"v2\" or \"any\", got \(quoted(text))")
            }
            if configuration.listenProxyProtocol != .off, configuration.trustedProxies.isEmpty {
                reader.warning("listen_proxy_protocol is \(text) but trusted_proxies is empty: no peer's header is read")
            }
        }
        if let value = fields["admin_token"], value != .null {
            if case .string(let token) = value, !token.isEmpty {
                configuration.adminToken = Secret(token)
            } else {
                reader.error(root.key("admin_token"), "expected a non-empty string or null")
            }
        }
        if let value = fields["event_loops"],
           let number = reader.integer(value, at: root.key("event_loops"), in: 1...1_024) {
            configuration.eventLoops = number
        }
        if let value = fields["limits"] {
            configuration.limits = readLimits(value, into: &reader)
        }
        // Before the routes, which may name them.
        if let value = fields["vendors"] {
            configuration.vendors = readVendors(value, into: &reader)
        }
        if let value = fields["routes"] {
            configuration.routes = readRoutes(value, vendors: configuration.vendors, into: &reader)
        } else {
            reader.error(root.key("routes"), "missing (required): a list of routes such as "
                + "[{\"name\": \"voipnow\", \"path\": \"/hooks/voipnow\", \"vendor\": \"voipnow\", \"secret\": \"...\"}]")
        }
        return configuration
    }

    private static func logPath(_ value: JSONValue?, key: String, default defaultPath: String,
                                reader: inout ConfigurationReader, baseDirectory: String) -> String {
        let path = JSONPath.root.key(key)
        guard let value else { return FilePath.resolve(defaultPath, against: baseDirectory) }
        guard let text = reader.string(value, at: path, nonEmpty: false) else { return defaultPath }
        if let problem = FilePath.problem(with: text) {
            reader.error(path, problem)
            return defaultPath
        }
        return FilePath.resolve(text, against: baseDirectory)
    }

    /// Each limit: its key, its range, and where it goes in `HTTPLimits`.
    static var limitKeys: [(key: String, range: ClosedRange<Int>, field: WritableKeyPath<HTTPLimits, Int>)] {
        [
        ("max_connections", 1...1_000_000, \.maxConnections),
        ("max_header_bytes", 1...1_048_576, \.maxHeaderBytes),
        ("max_headers", 1...10_000, \.maxHeaders),
        ("max_target_bytes", 1...1_048_576, \.maxTargetBytes),
        ("max_body_bytes", 1...1_073_741_824, \.maxBodyBytes),
        ("header_timeout_ms", 1...maximumMilliseconds, \.headerTimeoutMilliseconds),
        ("body_timeout_ms", 1...maximumMilliseconds, \.bodyTimeoutMilliseconds),
        ("idle_timeout_ms", 1...maximumMilliseconds, \.idleTimeoutMilliseconds),
        ("drain_timeout_ms", 0...maximumMilliseconds, \.drainTimeoutMilliseconds),
        ("max_streams", 0...1_000_000, \.maxStreams),
        ("stream_buffer_bytes", 4_096...1_073_741_824, \.streamBufferBytes),
        ]
    }

    private static func readLimits(_ value: JSONValue, into reader: inout ConfigurationReader) -> HTTPLimits {
        var limits = HTTPLimits()
        let path = JSONPath.root.key("limits")
        guard let fields = reader.object(value, at: path, known: limitKeys.map(\.key)) else { return limits }
        for limit in limitKeys {
            if let value = fields[limit.key], let number = reader.integer(value, at: path.key(limit.key), in: limit.range) {
                limits[keyPath: limit.field] = number
            }
        }
        return limits
    }
}
