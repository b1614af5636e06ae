import CallEvents
import EventLog
import HTTPServer

// Printing a configuration (or `dump`, or `String(reflecting:)`) must never show a secret:
// every form goes through these, and `Secret` prints `<redacted>` on its own as well.

extension Configuration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String {
        let routeList = routes.map(\.description).joined(separator: ", ")
        return "Configuration(listen: \(listen), event_log: \(eventLog), rejects_log: \(rejectsLog), "
            + "fsync: \(Configuration.describe(fsync)), dedupe_window: \(dedupeWindow), "
            + "trusted_proxies: [\(trustedProxies.map(\.description).joined(separator: ", "))], "
            + "admin_token: \(adminToken == nil ? "none" : "<redacted>"), event_loops: \(eventLoops), "
            + "limits: \(Configuration.describe(limits)), routes: [\(routeList)])"
    }

    var debugDescription: String { description }

    var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }

    static func describe(_ policy: FsyncPolicy) -> String {
        switch policy {
        case .always: "always"
        case .interval(let milliseconds): "interval(\(milliseconds) ms)"
        case .never: "never"
        }
    }

    static func describe(_ limits: HTTPLimits) -> String {
        "{max_connections: \(limits.maxConnections), max_header_bytes: \(limits.maxHeaderBytes), "
            + "max_headers: \(limits.maxHeaders), max_target_bytes: \(limits.maxTargetBytes), "
            + "max_body_bytes: \(limits.maxBodyBytes), header_timeout_ms: \(limits.headerTimeoutMilliseconds), "
            + "body_timeout_ms: \(limits.bodyTimeoutMilliseconds), idle_timeout_ms: \(limits.idleTimeoutMilliseconds), "
            + "drain_timeout_ms: \(limits.drainTimeoutMilliseconds)}"
    }
}

extension Configuration.Route: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String {
        var text = "\(name) \(path) \(Configuration.Route.describe(vendor))"
        if secrets.count == 1 { text += " secret: <redacted>" }
        if secrets.count > 1 { text += " secrets: \(secrets.count) <redacted>" }
        if let verify { text += " verify: \(verify.scheme)\(verify.isVendorDefault ? " (vendor default)" : "")" }
        if let allow { text += " allow: [\(allow.map(\.description).joined(separator: ", "))]" }
        if isOpen { text += " (open)" }
        return text
    }

    var debugDescription: String { "Route(\(description))" }

    var customMirror: Mirror {
        Mirror(self, children: ["description": description], displayStyle: .struct)
    }

    /// `voipnow`, ..., `auto`: the config file's spelling.
    static func describe(_ vendor: VendorChoice) -> String {
        switch vendor {
        case .auto: "auto"
        case .vendor(let vendor): vendor.rawValue
        }
    }
}

// The compiled schemes hold the keys: a dump shows the scheme's name only.
extension Configuration.Verification: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { scheme }
    var debugDescription: String { "Verification(\(scheme))" }
    var customMirror: Mirror { Mirror(self, children: ["scheme": scheme], displayStyle: .struct) }
}
