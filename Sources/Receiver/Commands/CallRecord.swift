import CallEvents

/// One call, put together from all its events (`callhook calls`). Events may come in any order
/// and more than once, and the record comes out the same whatever the order: a delivery seen
/// twice (same `key`) counts once, at its earliest time; a hangup is final; and a late ringing
/// does not reopen an ended call.
///
/// ```swift
/// var call = CallRecord(vendor: "impactpbx", callID: "460a36b6")
/// for line in lines { if let event = LoggedEvent(line: line) { call.add(event) } }
/// print(call.state, call.talkSeconds ?? 0)
/// ```
struct CallRecord: Sendable, Equatable {
    let vendor: String
    let callID: String

    /// The events seen, by `key`: what each contributes to the row. A redelivery received
    /// later than the first copy changes nothing, whichever copy is read first.
    private var moments: [String: Moment] = [:]

    init(vendor: String, callID: String) {
        self.vendor = vendor
        self.callID = callID
    }

    static let terminalTypes: Set<String> = ["call.hangup", "call.missed", "call.failed"]

    mutating func add(_ event: LoggedEvent) {
        let moment = Moment(event)
        let key = event.key ?? event.string("id") ?? "#\(moments.count)"
        if let seen = moments[key], seen <= moment { return }
        moments[key] = moment
    }

    var eventsSeen: Int { moments.count }

    /// The earliest start reported, else the first ringing or dial-out.
    var started: String? {
        earliest(moments.values.compactMap { $0.startedAt ?? ($0.opensCall ? $0.when : nil) })
    }

    /// The earliest answer time reported, else the first answered event.
    var answered: String? {
        earliest(moments.values.compactMap { $0.answeredAt ?? ($0.type == "call.answered" ? $0.when : nil) })
    }

    /// The latest end among the terminal events.
    var ended: String? {
        moments.values.filter(\.isTerminal).compactMap(\.endTime).max()
    }

    var outcome: String? { deciding?.outcome }

    /// The vendor's talk time from the event that decides the outcome; else, as for one event
    /// (Documentation.docc/EventSchema.md, `talk_seconds`), from answered to ended when both are
    /// known.
    var talkSeconds: Int? {
        if let reported = deciding?.talkSeconds { return reported }
        guard deciding != nil, let answered = answered.flatMap(Timestamp.init(rfc3339:)),
              let ended = ended.flatMap(Timestamp.init(rfc3339:)), ended >= answered else { return nil }
        return Int((ended.milliseconds - answered.milliseconds) / 1000)
    }

    /// The calling and called parties as the earliest event that names them says.
    var from: String? { moments.values.compactMap { m in m.from.map { (m.when ?? "~", $0) } }.min { $0 < $1 }?.1 }
    var to: String? { moments.values.compactMap { m in m.to.map { (m.when ?? "~", $0) } }.min { $0 < $1 }?.1 }

    /// What the row shows: an ended call's outcome; an answered call not yet ended is `in call`.
    var state: String {
        if let outcome { return outcome }
        if ended != nil { return "ended" }
        return answered != nil ? "in call" : "ringing"
    }

    /// When the call is placed in time: its start, else the first thing known of it.
    var time: String? { started ?? answered ?? ended }

    /// The terminal event that decides the outcome: a hangup over a missed or failed event (a
    /// hangup is final), then the latest, then a fixed order of the rest so the result never
    /// depends on the order the events were read in.
    private var deciding: Moment? {
        moments.values.filter(\.isTerminal).max { a, b in
            if (a.type == "call.hangup") != (b.type == "call.hangup") { return b.type == "call.hangup" }
            return (a.endTime ?? "", a.outcome ?? "", a.talkSeconds ?? -1) < (b.endTime ?? "", b.outcome ?? "", b.talkSeconds ?? -1)
        }
    }

    private func earliest(_ times: [String]) -> String? {
        times.min()   // RFC 3339 UTC with fixed digits sorts as text
    }

    /// What one event tells about its call.
    private struct Moment: Sendable, Equatable, Comparable {
        /// When it happened (the vendor's time, else when it was received); nil when the line has neither.
        var when: String?
        var type: String?
        var startedAt: String?
        var answeredAt: String?
        var endedAt: String?
        var outcome: String?
        var talkSeconds: Int?
        var from: String?
        var to: String?

        init(_ event: LoggedEvent) {
            when = event.when
            type = event.type
            startedAt = event.time("started_at")
            answeredAt = event.time("answered_at")
            endedAt = event.time("ended_at")
            outcome = event.outcome
            talkSeconds = event.talkSeconds
            from = event.fromNumber
            to = event.toNumber
        }

        var opensCall: Bool { type == "call.initiated" || type == "call.ringing" }
        var isTerminal: Bool { type.map(CallRecord.terminalTypes.contains) ?? false }
        var endTime: String? { endedAt ?? when }

        /// Copies of one delivery: the one received first counts (then any fixed order).
        static func < (a: Moment, b: Moment) -> Bool {
            (a.when ?? "~", a.endedAt ?? "", a.outcome ?? "") < (b.when ?? "~", b.endedAt ?? "", b.outcome ?? "")
        }
    }
}
