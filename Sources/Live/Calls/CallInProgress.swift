import CallEvents

/// One call put together from its events as they arrive, in any order and more than once: a
/// delivery seen again (same `key`) changes nothing; times take the earliest report; the state
/// never steps back (a late ringing does not undo an answer).
///
/// ```swift
/// var call = CallInProgress(vendor: "voipnow", callID: "abc")
/// call.add(ringing); call.add(answered)
/// print(call.state)   // answered
/// ```
public struct CallInProgress: Sendable, Equatable {
    public enum State: String, Sendable, Comparable {
        case initiated, ringing, answered, hold
        private var rank: Int { switch self { case .initiated: 0; case .ringing: 1; case .answered: 2; case .hold: 3 } }
        public static func < (a: State, b: State) -> Bool { a.rank < b.rank }
    }

    public let vendor: String
    public let callID: String
    public private(set) var state: State = .initiated
    public private(set) var route: String?
    public private(set) var direction: String?
    public private(set) var from: String?
    public private(set) var to: String?
    public private(set) var `extension`: String?
    /// The earliest `started_at` reported.
    public private(set) var reportedStart: String?
    /// The earliest ringing or dial-out seen.
    public private(set) var openedAt: String?
    public private(set) var firstSeenAt: String?
    public private(set) var answeredAt: String?
    public private(set) var lastEventAt: String?
    /// `received_at` of the latest event, in milliseconds: what the TTL counts from.
    public private(set) var lastReceived: Int64 = 0
    public private(set) var events = 0
    /// The terminal event's numbers, once one came.
    public private(set) var outcome: String?
    public private(set) var talkSeconds: Int?
    public private(set) var endedAt: String?
    public private(set) var ended = false
    private var keys: Set<String> = []

    public init(vendor: String, callID: String) {
        self.vendor = vendor
        self.callID = callID
    }

    /// Adds an event; false (and nothing changes) for a redelivery already counted.
    @discardableResult
    public mutating func add(_ event: LiveEvent) -> Bool {
        let key = event.key ?? event.id ?? "#\(events)"
        let isNew = keys.insert(key).inserted
        // Times take the earliest report, so a copy of a delivery may still move them: which
        // copy is read first then does not matter.
        mergeTimes(event)
        guard isNew else { return false }
        events += 1
        if route == nil { route = event.route }
        if direction == nil { direction = event.direction }
        if from == nil { from = event.from }
        if to == nil { to = event.to }
        if self.extension == nil { self.extension = event.extension }
        switch event.type {
        case "call.initiated": advance(to: .initiated)
        case "call.ringing": advance(to: .ringing)
        case "call.answered": advance(to: .answered)
        case "call.unhold": if state == .hold { state = .answered }
        case "call.hold": state = .hold
        default: break
        }
        if event.isTerminal {
            // A hangup is final; a missed or failed event decides only until one comes.
            if !ended || event.type == "call.hangup" {
                outcome = event.outcome ?? outcome
                talkSeconds = event.talkSeconds ?? talkSeconds
            }
            ended = true
        }
        return true
    }

    /// When the call started: the reported start, else its first ringing or dial-out, else
    /// the first thing known of it.
    public var startedAt: String? { reportedStart ?? openedAt ?? firstSeenAt }

    /// Seconds from the start (ringing or reported) to the answer, when both are known.
    public var secondsToAnswer: Double? {
        guard let answered = answeredAt.flatMap(Timestamp.init(rfc3339:)),
              let start = (openedAt ?? reportedStart).flatMap(Timestamp.init(rfc3339:)),
              answered >= start else { return nil }
        return Double(answered.milliseconds - start.milliseconds) / 1000
    }

    /// Talk time: the vendor's, else answered to ended.
    public var talk: Int? {
        if let talkSeconds { return talkSeconds }
        guard let a = answeredAt.flatMap(Timestamp.init(rfc3339:)),
              let e = endedAt.flatMap(Timestamp.init(rfc3339:)), e >= a else { return nil }
        return Int((e.milliseconds - a.milliseconds) / 1000)
    }

    private mutating func mergeTimes(_ event: LiveEvent) {
        // Each time is worked out once: an event from the writer formats it on asking.
        let when = event.when
        reportedStart = Self.earliest(reportedStart, event.startedAt)
        firstSeenAt = Self.earliest(firstSeenAt, when)
        if event.opensCall { openedAt = Self.earliest(openedAt, when) }
        answeredAt = Self.earliest(answeredAt, event.answeredAt ?? (event.type == "call.answered" ? when : nil))
        if event.isTerminal { endedAt = Self.earliest(endedAt, event.endedAt ?? when) }
        if let when, when > (lastEventAt ?? "") { lastEventAt = when }
        if let received = event.receivedTimestamp {
            lastReceived = max(lastReceived, received.milliseconds)
        }
    }

    private mutating func advance(to next: State) {
        if state != .hold && state < next { state = next }
    }

    private static func earliest(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)   // RFC 3339 UTC with fixed digits sorts as text
    }
}
