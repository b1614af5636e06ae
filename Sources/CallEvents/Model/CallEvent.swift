/// One line of the event log (Documentation.docc/EventSchema.md). Every field is written, `null`
/// when unknown.
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
        get { payload.value }
        set { payload = RawPayload(newValue) }
    }
    /// `raw`, and its compact text when the decoder had it (`RawPayload`).
    var payload: RawPayload
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
        self.payload = RawPayload(raw)
        self.query = query
    }

    /// An event with only its envelope and payload set, as the decoder starts it. Given here
    /// rather than assigned after, which would copy the whole event.
    init(id: String, receivedAt: Timestamp, route: String, vendor: Vendor, source: EventSource,
         payload: RawPayload, query: JSONValue?) {
        self.id = id
        self.receivedAt = receivedAt
        self.route = route
        self.vendor = vendor
        self.type = .unknown
        self.key = ""
        self.from = Party()
        self.to = Party()
        self.source = source
        self.payload = payload
        self.query = query
    }
}
