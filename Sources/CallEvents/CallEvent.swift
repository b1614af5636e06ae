/// The vendors callhook understands.
public enum Vendor: String, Sendable, CaseIterable {
    case voipnow, urlnetworks, voipstudio, impactpbx
}

/// A route's vendor: one of the four, or `auto` (detected from the payload).
public enum VendorChoice: Sendable, Equatable {
    case vendor(Vendor)
    case auto
}

/// The normalized event type (call-event.md, "`type` vocabulary").
public enum EventType: String, Sendable, CaseIterable {
    case initiated = "call.initiated"
    case ringing = "call.ringing"
    case answered = "call.answered"
    case hold = "call.hold"
    case unhold = "call.unhold"
    case dtmf = "call.dtmf"
    case missed = "call.missed"
    case hangup = "call.hangup"
    case failed = "call.failed"
    case smsReceived = "sms.received"
    case queueWrapup = "queue.wrapup"
    case unknown
}

public enum Direction: String, Sendable, CaseIterable {
    case inbound, outbound, `internal`
}

/// How a call ended (call-event.md, "`outcome` vocabulary").
public enum Outcome: String, Sendable, CaseIterable {
    case answered, busy
    case noAnswer = "no_answer"
    case cancelled, congestion, unavailable, missed, failed, unknown
}

/// A calling or called party.
public struct Party: Sendable, Equatable {
    public var number: String?
    public var name: String?

    public init(number: String? = nil, name: String? = nil) {
        self.number = number
        self.name = name
    }
}

/// Where the delivery came from.
public struct EventSource: Sendable, Equatable {
    /// The client IP after trusted-proxy resolution.
    public var addr: String
    public var userAgent: String?

    public init(addr: String, userAgent: String?) {
        self.addr = addr
        self.userAgent = userAgent
    }
}

/// A point in time, in milliseconds since the Unix epoch (UTC). Written as RFC 3339 with
/// exactly three fractional digits and `Z`.
public struct Timestamp: Sendable, Equatable, Comparable, Hashable {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }
}

/// One line of the event log (call-event.md). Every field is written, `null` when unknown.
public struct CallEvent: Sendable, Equatable {
    public var id: String
    public var receivedAt: Timestamp
    public var route: String
    public var vendor: Vendor
    public var type: EventType
    public var vendorEvent: String?
    public var key: String
    public var callID: String?
    public var direction: Direction?
    public var from: Party
    public var to: Party
    public var `extension`: String?
    public var outcome: Outcome?
    public var cause: String?
    public var occurredAt: Timestamp?
    public var startedAt: Timestamp?
    public var answeredAt: Timestamp?
    public var endedAt: Timestamp?
    public var durationSeconds: Int?
    public var talkSeconds: Int?
    public var recording: String?
    public var source: EventSource
    /// The payload as received, decoded but not interpreted.
    public var raw: JSONValue {
        didSet { rawText = RawText() }
    }
    /// `raw` as compact JSON text, when the decoder had it at hand (a JSON body that writes
    /// back as its own text without white space): the line encoder copies it.
    var rawText = RawText()
    /// Query fields of a POST (the auth `token` removed); nil when none.
    public var query: JSONValue?

    public init(id: String, receivedAt: Timestamp, route: String, vendor: Vendor, type: EventType = .unknown,
                vendorEvent: String? = nil, key: String = "", callID: String? = nil, direction: Direction? = nil,
                from: Party = Party(), to: Party = Party(), extension: String? = nil, outcome: Outcome? = nil,
                cause: String? = nil, occurredAt: Timestamp? = nil, startedAt: Timestamp? = nil,
                answeredAt: Timestamp? = nil, endedAt: Timestamp? = nil, durationSeconds: Int? = nil,
                talkSeconds: Int? = nil, recording: String? = nil, source: EventSource, raw: JSONValue,
                query: JSONValue? = nil) {
        self.id = id
        self.receivedAt = receivedAt
        self.route = route
        self.vendor = vendor
        self.type = type
        self.vendorEvent = vendorEvent
        self.key = key
        self.callID = callID
        self.direction = direction
        self.from = from
        self.to = to
        self.extension = `extension`
        self.outcome = outcome
        self.cause = cause
        self.occurredAt = occurredAt
        self.startedAt = startedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.durationSeconds = durationSeconds
        self.talkSeconds = talkSeconds
        self.recording = recording
        self.source = source
        self.raw = raw
        self.query = query
    }

    /// An event with only its envelope and payload set, as the decoder starts it; `rawText` is
    /// `raw` as compact JSON text when known (`RawText`). Given here rather than assigned after,
    /// which would copy the whole event.
    init(id: String, receivedAt: Timestamp, route: String, vendor: Vendor, source: EventSource, raw: JSONValue,
         rawText: ArraySlice<UInt8>?, query: JSONValue?) {
        self.id = id
        self.receivedAt = receivedAt
        self.route = route
        self.vendor = vendor
        self.type = .unknown
        self.key = ""
        self.from = Party()
        self.to = Party()
        self.source = source
        self.raw = raw
        self.rawText = RawText(bytes: rawText)
        self.query = query
    }
}

