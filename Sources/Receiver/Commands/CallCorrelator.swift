/// Groups logged events into calls by vendor and `call_id` (`callhook calls`). Events without
/// a `call_id` belong to no call and are left out.
///
/// ```swift
/// var correlator = CallCorrelator()
/// LogLines(path: "events.jsonl").forEach { if let e = LoggedEvent(line: $0) { correlator.add(e) } }
/// for call in correlator.sorted { print(call.vendor, call.callID, call.state) }
/// ```
struct CallCorrelator {
    private(set) var calls: [CallRecord] = []
    private var index: [String: Int] = [:]

    mutating func add(_ event: LoggedEvent) {
        guard let vendor = event.vendor, let callID = event.callID else { return }
        let id = vendor + "\u{0}" + callID
        if let at = index[id] {
            calls[at].add(event)
        } else {
            var record = CallRecord(vendor: vendor, callID: callID)
            record.add(event)
            index[id] = calls.count
            calls.append(record)
        }
    }

    /// Calls in time order (their start, else the first time known of them), then by vendor
    /// and call id; calls with no time at all come last. The order does not depend on the
    /// order the events were read in.
    var sorted: [CallRecord] {
        calls.sorted { a, b in
            switch (a.time, b.time) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.vendor, a.callID) < (b.vendor, b.callID)
            }
        }
    }
}
