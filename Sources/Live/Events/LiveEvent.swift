import CallEvents

/// One event log line as the live views read it: the fields that place it in a call and in the
/// numbers, and the line itself, untouched, for the stream.
///
/// ```swift
/// if let event = LiveEvent(line: Array(#"{"id":"1","type":"call.ringing"}"#.utf8)) {
///     print(event.type ?? "-", event.callID ?? "-")
/// }
/// ```
public struct LiveEvent: Sendable {
    public let line: [UInt8]
    public let id: String?
    public let key: String?
    public let type: String?
    public let vendor: String?
    public let route: String?
    public let callID: String?
    public let direction: String?
    public let from: String?
    public let to: String?
    public let `extension`: String?
    public let outcome: String?
    public let talkSeconds: Int?
    public var receivedAt: String? { received.text }
    public var occurredAt: String? { occurred.text }
    public var startedAt: String? { started.text }
    public var answeredAt: String? { answered.text }
    public var endedAt: String? { ended.text }

    /// When it was received, without a round trip through text where the event is at hand.
    public var receivedTimestamp: Timestamp? {
        switch received {
        case .text(let text): text.flatMap(Timestamp.init(rfc3339:))
        case .stamp(let stamp): stamp
        }
    }

    /// A time as the line has it, or as the event has it and formatted only when asked: most
    /// events written never have their times read here (their call ended already).
    private enum Time: Sendable {
        case text(String?)
        case stamp(Timestamp?)

        var text: String? {
            switch self {
            case .text(let text): text
            case .stamp(let stamp): stamp?.rfc3339
            }
        }
    }

    private let received: Time, occurred: Time, started: Time, answered: Time, ended: Time

    /// Parses a line; nil for a line that is not a JSON object (readers skip those).
    public init?(line: [UInt8]) {
        guard case .success(let value) = JSONParser.parse(line), case .object = value else { return nil }
        self.init(line: line, value: value)
    }

    public init(line: [UInt8], value: JSONValue) {
        self.line = line
        func text(_ name: String) -> String? { value[name]?.stringValue }
        id = text("id"); key = text("key"); type = text("type"); vendor = text("vendor")
        route = text("route"); callID = text("call_id"); direction = text("direction")
        from = value["from"]?["number"]?.stringValue ?? value["from"]?["name"]?.stringValue
        to = value["to"]?["number"]?.stringValue ?? value["to"]?["name"]?.stringValue
        self.extension = text("extension"); outcome = text("outcome")
        talkSeconds = value["talk_seconds"]?.numberLiteral.flatMap { Int($0) }
        received = .text(text("received_at")); occurred = .text(text("occurred_at"))
        started = .text(text("started_at")); answered = .text(text("answered_at")); ended = .text(text("ended_at"))
    }

    /// The fields of an event just written as `line`, taken from the event itself: the writer
    /// path feeds the live views without parsing back the line it has just encoded.
    public init(line: [UInt8], event: CallEvent) {
        self.line = line
        id = event.id; key = event.key; type = event.type.rawValue; vendor = event.vendor.name
        route = event.route; callID = event.callID; direction = event.direction?.rawValue
        from = event.from.number ?? event.from.name
        to = event.to.number ?? event.to.name
        self.extension = event.extension; outcome = event.outcome?.rawValue
        talkSeconds = event.talkSeconds
        received = .stamp(event.receivedAt); occurred = .stamp(event.occurredAt)
        started = .stamp(event.startedAt); answered = .stamp(event.answeredAt); ended = .stamp(event.endedAt)
    }

    /// When it happened: the vendor's own time, else when it was received.
    public var when: String? { occurredAt ?? receivedAt }

    /// `call.hangup`, `call.missed` and `call.failed` end a call (Documentation.docc/Live.md).
    public var isTerminal: Bool { type == "call.hangup" || type == "call.missed" || type == "call.failed" }

    /// `call.initiated` and `call.ringing` open one.
    public var opensCall: Bool { type == "call.initiated" || type == "call.ringing" }
}
