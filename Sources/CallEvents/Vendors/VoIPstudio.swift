/// VoIPstudio webhooks (POST JSON), Documentation.docc/EventSchema.md "VoIPstudio".
///
/// ```swift
/// VoIPstudio.decode(fields, into: &event)
/// ```
///
/// Times are `Y-m-d H:i:s` in UTC. `call_id` is a JSON number, written as its decimal text.
/// SMS events carry `from_no` and `to_no` instead of `src` and `dst`.
enum VoIPstudio {
    static func decode(_ fields: Fields, into event: inout CallEvent) {
        let name = fields.text("event_name")
        let type = name.map(eventType) ?? .unknown
        event.type = type
        event.vendorEvent = name
        event.callID = fields.text("call_id")
        event.direction = fields.text("destination").flatMap { destination in
            if ASCII.equals(destination, "in") { return .inbound }
            if ASCII.equals(destination, "out") { return .outbound }
            return nil
        }
        if type == .smsReceived {
            event.from = Party(number: fields.number("from_no"))
            event.to = Party(number: fields.number("to_no"))
        } else {
            event.from = Party(number: fields.number("src"), name: fields.trimmed("src_name"))
            event.to = Party(number: fields.number("dst"), name: fields.trimmed("dst_name"))
        }
        let eventTime = fields.value("event_time").flatMap { Timestamps.parse($0) }
        event.occurredAt = eventTime
        event.startedAt = fields.value("start_time").flatMap { Timestamps.parse($0) }
        event.answeredAt = fields.value("connected_at").flatMap { Timestamps.parse($0) }
        if type == .hangup || type == .missed { event.endedAt = eventTime }
        event.talkSeconds = fields.integer("duration")
        event.cause = fields.text("t_cause")
        switch type {
        // `connected_at` counts as set only when it reads as a time: PHP writes an unanswered
        // call's as `0000-00-00 00:00:00` or `false`.
        case .hangup: event.outcome = event.answeredAt != nil ? .answered : .missed
        case .missed: event.outcome = .missed
        default: break
        }
        // Each webhook event has its own id.
        event.key = EventKey.make(.voipstudio, fields.text("id")) ?? EventKey.fallback(for: event)
    }

    static func eventType(_ name: String) -> EventType {
        if ASCII.equals(name, "call.initial") { return .initiated }
        if ASCII.equals(name, "call.ringing") { return .ringing }
        if ASCII.equals(name, "call.connected") { return .answered }
        if ASCII.equals(name, "call.hold") { return .hold }
        if ASCII.equals(name, "call.unhold") { return .unhold }
        if ASCII.equals(name, "call.dtmf") { return .dtmf }
        if ASCII.equals(name, "call.missed") { return .missed }
        if ASCII.equals(name, "call.hangup") { return .hangup }
        if ASCII.equals(name, "sms.received") { return .smsReceived }
        if ASCII.equals(name, "queue.wrapup") { return .queueWrapup }
        return .unknown
    }
}
