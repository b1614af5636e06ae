/// The normalized event type (Documentation.docc/EventSchema.md, "`type` vocabulary").
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
