import CallEvents
import EventLog
import System

/// Counters for `/metrics`, shared by every event loop. One short lock per update.
final class Metrics: Sendable {
    private struct Counters {
        var requests: [LabelPair: UInt64] = [:]     // route, status
        var events: [LabelPair: UInt64] = [:]       // vendor, type
        var rejects: [LabelPair: UInt64] = [:]      // route, status
        var authRefusals: [LabelPair: UInt64] = [:] // route, status
        var signatureRefusals: [LabelPair: UInt64] = [:] // route, reason
        var handshakes: [LabelPair: UInt64] = [:]   // route, vendor
        var duplicates: [String: UInt64] = [:]      // route
        var probes: [String: UInt64] = [:]          // route
        var latency: [String: LatencyHistogram] = [:] // route
        var reloadsOK: UInt64 = 0
        var reloadsFailed: UInt64 = 0
    }

    private struct LabelPair: Hashable {
        var first: String
        var second: String
    }

    private let counters = Locked(Counters())

    init() {}

    func countRequest(route: String?, status: Int) {
        counters.withLock { $0.requests[LabelPair(first: route ?? "", second: String(status)), default: 0] += 1 }
    }

    func countEvent(route: String, vendor: Vendor, type: EventType) {
        counters.withLock { $0.events[LabelPair(first: vendor.rawValue, second: type.rawValue), default: 0] += 1 }
    }

    func countReject(route: String, status: Int) {
        counters.withLock { $0.rejects[LabelPair(first: route, second: String(status)), default: 0] += 1 }
    }

    func countAuthRefusal(route: String, status: Int) {
        counters.withLock { $0.authRefusals[LabelPair(first: route, second: String(status)), default: 0] += 1 }
    }

    /// A delivery refused by its route's `verify`, by the reason answered (`bad signature`).
    func countSignatureRefusal(route: String, reason: String) {
        counters.withLock { $0.signatureRefusals[LabelPair(first: route, second: reason), default: 0] += 1 }
    }

    /// A vendor's URL check answered (vendors.md, "Handshakes"): `zoom`, `ringcentral`.
    func countHandshake(route: String, vendor: String) {
        counters.withLock { $0.handshakes[LabelPair(first: route, second: vendor), default: 0] += 1 }
    }

    func countDuplicate(route: String) {
        counters.withLock { $0.duplicates[route, default: 0] += 1 }
    }

    func countProbe(route: String) {
        counters.withLock { $0.probes[route, default: 0] += 1 }
    }

    /// Bounds for request latency: senders give up after 3 to 15 s (Documentation.docc/Receiver.md,
    /// "Operating"), so the buckets reach past that.
    static let latencyBounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15]

    /// A routed request, from the end of its read to its response handed to the connection.
    func observeLatency(route: String, seconds: Double) {
        counters.withLock {
            $0.latency[route, default: LatencyHistogram(upperBounds: Self.latencyBounds)].observe(seconds: seconds)
        }
    }

    /// A `SIGHUP` reload applied (`ok`) or refused for errors in the file (`failed`).
    func countConfigReload(ok: Bool) {
        counters.withLock { ok ? ($0.reloadsOK += 1) : ($0.reloadsFailed += 1) }
    }

    /// The Prometheus text exposition format (version 0.0.4).
    func render(openConnections: Int, openStreams: Int = 0, eventLog: EventLogStats, rejectsLog: EventLogStats) -> String {
        let c = counters.withLock { $0 }
        var out = ""
        func family(_ name: String, _ help: String, _ type: String = "counter") {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        }
        func pairs(_ name: String, _ labels: (String, String), _ values: [LabelPair: UInt64]) {
            for (key, value) in values.sorted(by: { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }) {
                out += "\(name){\(labels.0)=\"\(escape(key.first))\",\(labels.1)=\"\(escape(key.second))\"} \(value)\n"
            }
        }
        family("callhook_requests_total", "Requests answered, by route and status.")
        pairs("callhook_requests_total", ("route", "status"), c.requests)
        family("callhook_events_total", "Events written, by vendor and type.")
        pairs("callhook_events_total", ("vendor", "type"), c.events)
        family("callhook_rejects_total", "Deliveries kept in the rejects log, by route and status.")
        pairs("callhook_rejects_total", ("route", "status"), c.rejects)
        family("callhook_auth_refusals_total", "Requests refused by secret or address, by route and status.")
        pairs("callhook_auth_refusals_total", ("route", "status"), c.authRefusals)
        family("callhook_signature_refusals_total", "Deliveries refused by their route's verify, by route and reason.")
        pairs("callhook_signature_refusals_total", ("route", "reason"), c.signatureRefusals)
        family("callhook_handshakes_total", "Vendor URL checks answered without storing, by route and vendor.")
        pairs("callhook_handshakes_total", ("route", "vendor"), c.handshakes)
        family("callhook_duplicates_total", "Deliveries answered as duplicates, by route.")
        for (route, value) in c.duplicates.sorted(by: { $0.key < $1.key }) {
            out += "callhook_duplicates_total{route=\"\(escape(route))\"} \(value)\n"
        }
        family("callhook_probes_total", "Empty deliveries (a sender's URL test) answered without storing, by route.")
        for (route, value) in c.probes.sorted(by: { $0.key < $1.key }) {
            out += "callhook_probes_total{route=\"\(escape(route))\"} \(value)\n"
        }
        family("callhook_config_reloads_total", "Config reloads on SIGHUP, by result.")
        out += "callhook_config_reloads_total{result=\"ok\"} \(c.reloadsOK)\n"
        out += "callhook_config_reloads_total{result=\"failed\"} \(c.reloadsFailed)\n"
        // A histogram family is written once it has a series: an empty one reads as malformed to some parsers.
        if !c.latency.isEmpty {
            family("callhook_request_duration_seconds",
                   "Routed requests, from the end of the request read to the response written, by route.", "histogram")
        }
        for (route, histogram) in c.latency.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(escape(route))\""
            for (bound, count) in zip(histogram.upperBounds, histogram.cumulativeCounts) {
                out += "callhook_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(count)\n"
            }
            out += "callhook_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)\n"
            out += "callhook_request_duration_seconds_sum{\(label)} \(histogram.sum)\n"
            out += "callhook_request_duration_seconds_count{\(label)} \(histogram.count)\n"
        }
        family("callhook_open_connections", "Connections open now.", "gauge")
        out += "callhook_open_connections \(openConnections)\n"
        family("callhook_streams_open", "Open /stream subscribers.", "gauge")
        out += "callhook_streams_open \(openStreams)\n"
        let logs = [("events", eventLog), ("rejects", rejectsLog)]
        family("callhook_log_lines_written_total", "Lines written, by log.")
        for (log, stats) in logs { out += metricLine("callhook_log_lines_written_total", log, stats.linesWritten) }
        family("callhook_log_bytes_written_total", "Bytes written, by log.")
        for (log, stats) in logs { out += metricLine("callhook_log_bytes_written_total", log, stats.bytesWritten) }
        family("callhook_log_batches_written_total", "Batches written with one write(2) each, by log.")
        for (log, stats) in logs { out += metricLine("callhook_log_batches_written_total", log, stats.batchesWritten) }
        family("callhook_storage_healthy", "1 when the event log accepts writes.", "gauge")
        out += "callhook_storage_healthy \(eventLog.healthy ? 1 : 0)\n"
        family("callhook_fsync_seconds", "fdatasync latency of the event log.", "histogram")
        let histogram = eventLog.fsyncLatency
        for (bound, count) in zip(histogram.upperBounds, histogram.cumulativeCounts) {
            out += "callhook_fsync_seconds_bucket{le=\"\(bound)\"} \(count)\n"
        }
        out += "callhook_fsync_seconds_bucket{le=\"+Inf\"} \(histogram.count)\n"
        out += "callhook_fsync_seconds_sum \(histogram.sum)\n"
        out += "callhook_fsync_seconds_count \(histogram.count)\n"
        return out
    }

    private func metricLine(_ name: String, _ log: String, _ value: UInt64) -> String {
        "\(name){log=\"\(log)\"} \(value)\n"
    }

    /// Label values escape `\`, `"` and newline (exposition format).
    private func escape(_ value: String) -> String {
        var out = ""
        for ch in value {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }
}
