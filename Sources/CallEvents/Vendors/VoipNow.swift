/// VoipNow Call Events (GET query or POST form), Documentation.docc/EventSchema.md "VoipNow".
///
/// ```swift
/// VoipNow.decode(fields, hint: "dial-in", into: &event)
/// ```
///
/// VoipNow does not say which event fired, so a route hint (`dial-in`, `dial-out`, `hangup`,
/// `answer`, any case) decides the type; without one it is derived from `CallStatus` and
/// `CallFlow`. An unknown hint is ignored. The payload has no times.
enum VoipNow {
    static func decode(_ fields: Fields, hint: String?, into event: inout CallEvent) {
        let status = fields.text("callstatus")
        let flow = fields.text("callflow")
        let direction: Direction? = flow.flatMap { flow in
            if ASCII.equals(flow, "in") { return .inbound }
            if ASCII.equals(flow, "out") { return .outbound }
            return nil
        }

        let (type, name) = eventType(hint: hint, status: status, direction: direction)
        event.type = type
        event.vendorEvent = name
        event.callID = fields.text("callid") ?? fields.text("callapiid")
        event.direction = direction
        event.from = Party(number: fields.number("calleridnum"),
                           name: fields.trimmed("calleridname") ?? fields.trimmed("calleridnam"))
        event.to = Party(number: fields.number("callednumber") ?? fields.number("calleddid"))
        switch direction {
        case .inbound: event.extension = fields.trimmed("calledextension")
        case .outbound: event.extension = fields.trimmed("callerextension")
        case .internal, nil: event.extension = nil
        }
        if type == .hangup {
            event.outcome = outcome(status)
            event.cause = status
        }
        // CallID identifies the call; type, extension and status tell its events apart. An
        // event without an extension or status is still keyed, with those parts empty.
        event.key = EventKey.make(.voipnow, event.callID, type.rawValue, event.extension ?? "", status ?? "")
            ?? EventKey.fallback(for: event)
    }

    static func eventType(hint: String?, status: String?, direction: Direction?) -> (EventType, String?) {
        if let hint {
            if ASCII.equals(hint, "dial-in") { return (.ringing, "dial-in") }
            if ASCII.equals(hint, "dial-out") { return (.initiated, "dial-out") }
            if ASCII.equals(hint, "hangup") { return (.hangup, "hangup") }
            if ASCII.equals(hint, "answer") { return (.answered, "answer") }
        }
        guard let status else { return (.unknown, nil) }
        guard ASCII.equals(status, "calling") else { return (.hangup, "hangup") }
        switch direction {
        case .inbound: return (.ringing, "dial-in")
        case .outbound: return (.initiated, "dial-out")
        case .internal, nil: return (.unknown, nil)
        }
    }

    static func outcome(_ status: String?) -> Outcome {
        guard let status else { return .unknown }
        if ASCII.equals(status, "answer") { return .answered }
        if ASCII.equals(status, "busy") { return .busy }
        if ASCII.equals(status, "noanswer") { return .noAnswer }
        if ASCII.equals(status, "cancel") { return .cancelled }
        if ASCII.equals(status, "congestion") { return .congestion }
        if ASCII.equals(status, "chanunavail") { return .unavailable }
        return .unknown
    }
}
