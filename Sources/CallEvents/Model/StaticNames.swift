// The enums' JSON names as StaticStrings, so the line encoder writes them as raw chunks
// without building a String. Kept in step with the raw values by CallEventLineTests.

extension Vendor {
    var staticName: StaticString {
        switch kind {
        case .voipnow: "voipnow"
        case .urlnetworks: "urlnetworks"
        case .voipstudio: "voipstudio"
        case .impactpbx: "impactpbx"
        case .declared: "declared"   // not written: a declared vendor's line carries `name`
        }
    }
}

extension EventType {
    var staticName: StaticString {
        switch self {
        case .initiated: "call.initiated"
        case .ringing: "call.ringing"
        case .answered: "call.answered"
        case .hold: "call.hold"
        case .unhold: "call.unhold"
        case .dtmf: "call.dtmf"
        case .missed: "call.missed"
        case .hangup: "call.hangup"
        case .failed: "call.failed"
        case .smsReceived: "sms.received"
        case .queueWrapup: "queue.wrapup"
        case .unknown: "unknown"
        }
    }
}

extension Direction {
    var staticName: StaticString {
        switch self {
        case .inbound: "inbound"
        case .outbound: "outbound"
        case .internal: "internal"
        }
    }
}

extension Outcome {
    var staticName: StaticString {
        switch self {
        case .answered: "answered"
        case .busy: "busy"
        case .noAnswer: "no_answer"
        case .cancelled: "cancelled"
        case .congestion: "congestion"
        case .unavailable: "unavailable"
        case .missed: "missed"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }
}
