import CallEvents
import Glibc

/// `callhook replay`: re-decodes every line's `raw` with today's decoders and prints the new
/// lines (same id, route, time and source), without touching the log. A line that cannot be
/// replayed is named on stderr (by line number and id) and makes the exit status 1.
///
/// ```sh
/// callhook replay events.jsonl | diff events.jsonl - # what a decoder fix changes
/// ```
enum ReplayCommand {
    static func run(file: String?, config: String? = nil) -> Int32 {
        let catalog: VendorCatalog
        switch ConfiguredVendors.load(config) {
        case .success(let loaded): catalog = loaded
        case .failure(let status): return status.code
        }
        let path = file ?? "events.jsonl"
        var failures = 0
        var number = 0
        let opened = LogLines(path: path).forEach { line in
            number += 1
            guard let event = LoggedEvent(line: line) else {
                failures += 1
                Diagnostics.log(.warning, "line \(number): not a JSON object")
                return
            }
            switch replay(event, catalog: catalog) {
            case .success(let replayed): Output.write(replayed.jsonLine())
            case .failure(let failure):
                failures += 1
                Diagnostics.log(.warning, "line \(number) (id \(event.string("id") ?? "?")): \(failure.message)")
            }
        }
        guard opened else {
            Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        return failures == 0 ? 0 : 1
    }

    /// The hints URL Networks' decoder takes, by the type each one gives.
    private static let urlNetworksHints = ["call.ringing": "ringing", "call.answered": "answered", "call.hangup": "hangup"]

    /// Decodes a logged line's `raw` and `query` again, with the line's envelope.
    ///
    /// The line does not keep the route's event hint. VoipNow's is its `vendor_event`. URL
    /// Networks' is recovered from the logged type: when the payload alone now decodes to
    /// another type that a hint gives, a hint must have decided it, and it is used again.
    /// A declared vendor's line is decoded with `catalog`'s definition of that name (the
    /// config's, with `--config`), so a fixed definition re-decodes its old lines.
    static func replay(_ event: LoggedEvent, catalog: VendorCatalog = .builtIn) -> Result<CallEvent, DecodeFailure> {
        guard let vendorName = event.vendor else {
            return .failure(DecodeFailure(.notReplayable, "line has no vendor"))
        }
        guard let vendor = catalog.vendor(named: vendorName) else {
            return .failure(DecodeFailure(.notReplayable, "vendor \(quoted(vendorName)) is not known"
                + (catalog.declared.isEmpty ? " (a declared vendor needs --config FILE)" : "")))
        }
        guard let raw = event.value["raw"], !raw.isNull else {
            return .failure(DecodeFailure(.notReplayable, "line has no raw payload"))
        }
        guard let id = event.string("id"), let route = event.string("route"),
              let receivedAt = event.string("received_at").flatMap(Timestamp.init(rfc3339:)) else {
            return .failure(DecodeFailure(.notReplayable, "line has no id, route or received_at"))
        }
        let query = event.value["query"].flatMap { $0.isNull ? nil : $0 }
        let source = EventSource(addr: event.value["source"]?["addr"]?.stringValue ?? "",
                                 userAgent: event.value["source"]?["user_agent"]?.stringValue)
        func decode(hint: String?) -> Result<CallEvent, DecodeFailure> {
            CallEventDecoder.decode(raw: raw, query: query, as: .vendor(vendor), hint: hint, id: id,
                                    receivedAt: receivedAt, route: route, source: source)
        }
        let result = decode(hint: vendor == .voipnow ? event.string("vendor_event") : nil)
        if vendor == .urlnetworks, case .success(let replayed) = result, let type = event.type,
           replayed.type.rawValue != type, let hint = urlNetworksHints[type] {
            return decode(hint: hint)
        }
        return result
    }
}
