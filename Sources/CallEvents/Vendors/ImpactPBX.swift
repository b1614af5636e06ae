/// ImpactPBX webhooks (POST JSON), Documentation.docc/EventSchema.md "ImpactPBX".
///
/// ```swift
/// ImpactPBX.decode(fields, into: &event)
/// ```
///
/// Each time comes twice: an ISO 8601 string rounded to the second (`call_start`) and its
/// `*_uepoch` twin in microseconds, which adds the precision when both name the same second. A `failed` event's cause is
/// `reason_failed` (`cause` when that is missing).
enum ImpactPBX {
    static func decode(_ fields: Fields, into event: inout CallEvent) {
        let action = fields.text("action")
        let type = action.map(eventType) ?? .unknown
        event.type = type
        event.vendorEvent = action
        event.callID = fields.text("ref")
        event.direction = fields.text("direction").flatMap { direction in
            if ASCII.equals(direction, "inbound") { return .inbound }
            if ASCII.equals(direction, "outbound") { return .outbound }
            if ASCII.equals(direction, "internal") { return .internal }
            return nil
        }
        event.from = Party(number: fields.number("caller_id_number"))
        event.to = Party(number: fields.number("recipient"))
        switch event.direction {
        case .outbound: event.extension = fields.trimmed("ani")
        case .inbound: event.extension = fields.trimmed("dialed_user")
        case .internal, nil: event.extension = nil
        }
        event.startedAt = time(fields, "call_start", "call_start_uepoch")
        event.answeredAt = time(fields, "answer_start", "answer_start_uepoch")
        event.endedAt = time(fields, "call_end", "call_end_uepoch")
        let timestamp = fields.text("timestamp")
        event.occurredAt = timestamp.flatMap { Timestamps.parse($0) }
        event.talkSeconds = fields.integer("duration")
        event.recording = fields.trimmed("recording")
        switch type {
        case .failed:
            event.cause = fields.text("reason_failed") ?? fields.text("cause")
            event.outcome = .failed
        case .hangup:
            event.cause = fields.text("cause")
            event.outcome = event.answeredAt != nil
                ? .answered : HangupCause.outcome(for: event.cause, answered: false)
        default:
            event.cause = fields.text("cause")
        }
        // `ref` names the call, `action` the event, the leg the extension of a ring group it
        // rang (legs ring in the same whole second), `timestamp` (as sent) tells repeats apart.
        let leg = fields.text("channel_uuid") ?? fields.text("dialed_user") ?? ""
        event.key = EventKey.make(.impactpbx, event.callID, action, leg, timestamp)
            ?? EventKey.fallback(for: event)
    }

    static func eventType(_ action: String) -> EventType {
        if ASCII.equals(action, "originate") { return .initiated }
        if ASCII.equals(action, "ring") { return .ringing }
        if ASCII.equals(action, "answer") { return .answered }
        if ASCII.equals(action, "hangup") { return .hangup }
        if ASCII.equals(action, "failed") { return .failed }
        return .unknown
    }

    /// The text time, made precise by its `*_uepoch` twin when both name the same second; the
    /// twin alone when there is no text time. A twin that disagrees (a sender writing another
    /// unit, or a bad clock) loses to the text (Documentation.docc/EventSchema.md "Times as senders
    /// write them").
    private static func time(_ fields: Fields, _ iso: StaticString, _ uepoch: StaticString) -> Timestamp? {
        let text = fields.value(iso).flatMap { Timestamps.parse($0) }
        guard let twin = fields.value(uepoch).flatMap({ Timestamps.parse($0) }) else { return text }
        guard let text else { return twin }
        let second = Timestamps.floorDivide(text.milliseconds, 1000).quotient
        return Timestamps.floorDivide(twin.milliseconds, 1000).quotient == second ? twin : text
    }
}
