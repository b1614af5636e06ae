/// A vendor definition compiled once into lookups (Documentation.docc/Vendors.md): what
/// `CallEventDecoder` applies to a declared vendor's payloads.
///
/// ```swift
/// let definition = try DeclaredCompiler.compile(name: "acme", json, at: "vendors.acme")
/// CallEventDecoder.decode(delivery, as: .vendor(.declared(definition)))
/// ```
public final class DeclaredDefinition: Sendable {
    /// How the body is read.
    public enum Body: String, Sendable { case json, form, jwt }

    /// One `types` entry: the type, and the outcome and direction the event name implies.
    struct TypeEntry: Sendable {
        var type: EventType
        var outcome: Outcome?
        var direction: Direction?
    }

    /// The CallEvent fields a definition may map, by their line names.
    enum Target: String, Sendable, CaseIterable {
        case callID = "call_id", direction, fromNumber = "from.number", fromName = "from.name"
        case toNumber = "to.number", toName = "to.name", `extension`, outcome, cause
        case occurredAt = "occurred_at", startedAt = "started_at", answeredAt = "answered_at"
        case endedAt = "ended_at", talkSeconds = "talk_seconds", recording

        /// The position in `allCases`.
        var ordinal: Int {
            switch self {
            case .callID: 0
            case .direction: 1
            case .fromNumber: 2
            case .fromName: 3
            case .toNumber: 4
            case .toName: 5
            case .extension: 6
            case .outcome: 7
            case .cause: 8
            case .occurredAt: 9
            case .startedAt: 10
            case .answeredAt: 11
            case .endedAt: 12
            case .talkSeconds: 13
            case .recording: 14
            }
        }
    }

    public let name: String
    public let body: Body
    /// The definition as written, for `callhook vendors show`.
    public let source: JSONValue
    /// `verify` as written; checked by the signature stage, not here.
    public let verify: JSONValue?
    let detect: [DeclaredPath]
    let event: DeclaredPath?
    let types: DeclaredValueMap<TypeEntry>
    /// Indexed by `Target`'s position in `allCases`.
    let fields: [DeclaredSource?]
    let key: [DeclaredPath]

    init(name: String, body: Body, source: JSONValue, verify: JSONValue?, detect: [DeclaredPath],
         event: DeclaredPath?, types: DeclaredValueMap<TypeEntry>, fields: [DeclaredSource?], key: [DeclaredPath]) {
        self.name = name
        self.body = body
        self.source = source
        self.verify = verify
        self.detect = detect
        self.event = event
        self.types = types
        self.fields = fields
        self.key = key
    }

    /// Whether every `detect` path is present (an `auto` route's test); false with none.
    func detects(_ fields: Fields) -> Bool {
        guard !detect.isEmpty else { return false }
        let lookup = DeclaredLookup(fields)
        return detect.allSatisfy { lookup.value($0) != nil }
    }

    /// A definition reads some fifteen targets per event: by position, not through a hashed lookup.
    private func source(_ target: Target) -> DeclaredSource? { fields[target.ordinal] }

    func decode(_ lookup: DeclaredLookup, into event: inout CallEvent) {
        let vendorEvent = self.event.flatMap { lookup.value($0) }.flatMap(Fields.text(of:))
        event.vendorEvent = vendorEvent
        let entry = self.event == nil ? nil : types.lookup(vendorEvent)
        event.type = entry?.type ?? .unknown
        var direction = entry?.direction
        if direction == nil, let text = source(.direction)?.text(in: lookup, direction: nil) {
            direction = Direction(rawValue: text)
        }
        event.direction = direction
        func text(_ target: Target) -> String? {
            source(target)?.text(in: lookup, direction: direction).flatMap(ASCII.trimmed)
        }
        func number(_ target: Target) -> String? {
            source(target)?.text(in: lookup, direction: direction).flatMap(Fields.phoneNumber)
        }
        func time(_ target: Target) -> Timestamp? {
            source(target)?.value(in: lookup, direction: direction).flatMap { Timestamps.parse($0) }
        }
        event.callID = text(.callID)
        event.from = Party(number: number(.fromNumber), name: text(.fromName))
        event.to = Party(number: number(.toNumber), name: text(.toName))
        event.extension = text(.extension)
        event.cause = text(.cause)
        event.occurredAt = time(.occurredAt)
        event.startedAt = time(.startedAt)
        event.answeredAt = time(.answeredAt)
        event.endedAt = time(.endedAt)
        event.talkSeconds = source(.talkSeconds)?.seconds(in: lookup, direction: direction)
        event.recording = text(.recording)
        switch event.type {
        case .hangup, .missed, .failed:
            if let outcome = entry?.outcome ?? text(.outcome).flatMap(Outcome.init(rawValue:)) {
                event.outcome = outcome
            } else if event.type == .hangup {
                event.outcome = HangupCause.outcome(for: event.cause, answered: event.answeredAt != nil)
            } else {
                event.outcome = .unknown
            }
        default:
            event.outcome = nil
        }
        event.key = makeKey(lookup, type: event.type, vendor: event.vendor) ?? EventKey.fallback(for: event)
    }

    /// `vendor:first:type:rest...`, like the coded vendors' call id then type; the fallback
    /// hash when a part is missing.
    private func makeKey(_ lookup: DeclaredLookup, type: EventType, vendor: Vendor) -> String? {
        var parts: [String?] = []
        parts.reserveCapacity(key.count + 1)
        for (i, path) in key.enumerated() {
            parts.append(lookup.value(path).flatMap(Fields.text(of:)))
            if i == 0 { parts.append(type.rawValue) }
        }
        return key.isEmpty ? nil : EventKey.make(vendor, parts)
    }
}
