/// One call, put together from all its events (`callhook calls`). Events may come in any order
/// and more than once: a delivery seen twice (same `key`) counts once, a hangup is final, and
/// a late ringing does not reopen an ended call.
struct CallRecord: Sendable, Equatable {
    var vendor: String
    var callID: String
    var started: String?
    var answered: String?
    var ended: String?
    var outcome: String?
    var talkSeconds: Int?
    var from: String?
    var to: String?
    var eventsSeen = 0

    private var keys: Set<String> = []
    /// The time of the terminal event that set `outcome`; the latest one wins.
    private var endedBy: String?

    init(vendor: String, callID: String) {
        self.vendor = vendor
        self.callID = callID
    }

    static let terminalTypes: Set<String> = ["call.hangup", "call.missed", "call.failed"]

    mutating func add(_ event: LoggedEvent) {
        if let key = event.key {
            guard keys.insert(key).inserted else { return }
        }
        eventsSeen += 1
        from = from ?? event.fromNumber
        to = to ?? event.toNumber
        started = earliest(started, event.time("started_at") ?? (event.type == "call.initiated" || event.type == "call.ringing" ? event.when : nil))
        answered = earliest(answered, event.time("answered_at") ?? (event.type == "call.answered" ? event.when : nil))
        guard let type = event.type, Self.terminalTypes.contains(type) else { return }
        let time = event.time("ended_at") ?? event.when ?? ""
        ended = latest(ended, time)
        if endedBy == nil || time >= endedBy! {
            endedBy = time
            outcome = event.outcome ?? outcome
            talkSeconds = event.talkSeconds ?? talkSeconds
        }
    }

    /// What the row shows: an ended call's outcome; an answered call not yet ended is `in call`.
    var state: String {
        if let outcome { return outcome }
        if ended != nil { return "ended" }
        return answered != nil ? "in call" : "ringing"
    }

    private func earliest(_ a: String?, _ b: String?) -> String? {
        guard let b else { return a }
        guard let a else { return b }
        return min(a, b)   // RFC 3339 UTC with fixed digits sorts as text
    }

    private func latest(_ a: String?, _ b: String) -> String? {
        guard let a else { return b }
        return max(a, b)
    }
}

/// Groups events into calls by vendor and `call_id`, in the order calls were first seen.
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

    /// Calls ordered by when they started (calls with no known start last, in first-seen order).
    var sorted: [CallRecord] {
        calls.enumerated().sorted { a, b in
            switch (a.element.started, b.element.started) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
