/// URL Networks HTTP Endpoint Events (POST form), Documentation.docc/EventSchema.md "URL Networks".
///
/// ```swift
/// URLNetworks.decode(fields, hint: nil, into: &event)
/// ```
///
/// The vendor's own examples send `method=extension_ringing` for answered and hangup events,
/// so the type is decided by, strongest first: a route hint (`ringing`, `answered`,
/// `hangup`); `hangup_cause` present (even empty) → hangup; a hangup `method`; `agent_uuid`
/// present → answered; `method`. (`agent_uuid` does not turn a hangup `method` into an answer:
/// the vendor's mistake is only ever `extension_ringing`.)
enum URLNetworks {
    static func decode(_ fields: Fields, hint: String?, into event: inout CallEvent) {
        let method = fields.text("method")
        let methodType = method.map(eventType(method:)) ?? .unknown
        let type: EventType
        if let hint, let hinted = eventType(hint: hint) {
            type = hinted
        } else if fields.has("hangup_cause") || methodType == .hangup {
            type = .hangup
        } else if fields.has("agent_uuid") {
            type = .answered
        } else {
            type = methodType
        }

        event.type = type
        event.vendorEvent = method
        event.callID = fields.text("call_event_uuid")
        event.direction = fields.text("direction").flatMap(direction) ?? fields.text("description").flatMap(direction)
        event.from = Party(number: fields.number("from"), name: fields.trimmed("caller_name"))
        event.to = Party(number: fields.number("external_did"), name: fields.trimmed("extension_name"))
        event.extension = fields.trimmed("extension_user_id")
        event.cause = fields.text("hangup_cause")
        event.startedAt = fields.value("start_time").flatMap { Timestamps.parse($0) }
        event.endedAt = fields.value("end_time").flatMap { Timestamps.parse($0) }
        event.recording = fields.trimmed("recording_url")
        if type == .hangup {
            if let method, ASCII.equals(method, "incoming_hangup_success") {
                event.outcome = .answered
            } else if let method, ASCII.equals(method, "incoming_hangup_missed") {
                event.outcome = .missed
            } else {
                event.outcome = HangupCause.outcome(for: event.cause, answered: event.answeredAt != nil)
            }
        }
        // One call_event_uuid covers the call and each extension's legs of it.
        event.key = EventKey.make(.urlnetworks, event.callID, type.rawValue, event.extension ?? "")
            ?? EventKey.fallback(for: event)
    }

    static func eventType(method: String) -> EventType {
        if ASCII.equals(method, "incoming_ringing") || ASCII.equals(method, "extension_ringing") { return .ringing }
        if ASCII.equals(method, "extension_answered") { return .answered }
        if ASCII.equals(method, "incoming_hangup_success") || ASCII.equals(method, "incoming_hangup_missed")
            || ASCII.equals(method, "extension_hangup") { return .hangup }
        return .unknown
    }

    static func eventType(hint: String) -> EventType? {
        if ASCII.equals(hint, "ringing") { return .ringing }
        if ASCII.equals(hint, "answered") { return .answered }
        if ASCII.equals(hint, "hangup") { return .hangup }
        return nil
    }

    /// `inbound_external` → inbound, `outbound_*` → outbound, `internal*` → internal.
    static func direction(_ text: String) -> Direction? {
        if ASCII.hasPrefix(text, "inbound") { return .inbound }
        if ASCII.hasPrefix(text, "outbound") { return .outbound }
        if ASCII.hasPrefix(text, "internal") { return .internal }
        return nil
    }
}
