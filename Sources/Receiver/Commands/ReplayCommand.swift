import CallEvents
import Glibc

/// `callhook replay`: re-decodes every line's `raw` with today's decoders and prints the new
/// lines (same id, route, time and source), without touching the log.
public enum ReplayCommand {
    public static func run(file: String?) -> Int32 {
        let path = file ?? "events.jsonl"
        var failures = 0
        let opened = LogLines(path: path).forEach { line in
            guard let event = LoggedEvent(line: line) else {
                failures += 1
                return
            }
            switch replay(event) {
            case .success(let replayed): Output.write(replayed.jsonLine())
            case .failure(let failure):
                failures += 1
                Diagnostics.log(.warning, "\(event.string("id") ?? "?"): \(failure.message)")
            }
        }
        guard opened else {
            Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        return failures == 0 ? 0 : 1
    }

    static func replay(_ event: LoggedEvent) -> Result<CallEvent, DecodeFailure> {
        guard let vendorName = event.vendor, let vendor = Vendor(rawValue: vendorName),
              let raw = event.value["raw"] else {
            return .failure(DecodeFailure(status: 422, message: "line has no vendor or raw"))
        }
        let query = event.value["query"].flatMap { $0.isNull ? nil : $0 }
        // VoipNow's vendor_event is its route hint (or derived from the payload the same way).
        let hint = vendor == .voipnow ? event.string("vendor_event") : nil
        let source = EventSource(addr: event.value["source"]?["addr"]?.stringValue ?? "",
                                 userAgent: event.value["source"]?["user_agent"]?.stringValue)
        let receivedAt = event.string("received_at").flatMap(Timestamp.init(rfc3339:)) ?? Timestamp(milliseconds: 0)
        return CallEventDecoder.decode(raw: raw, query: query, as: .vendor(vendor), hint: hint,
                                       id: event.string("id") ?? "", receivedAt: receivedAt,
                                       route: event.string("route") ?? "", source: source)
    }
}
