/// Derives an `outcome` from a FreeSWITCH / Q.850 style cause name (call-event.md, "`outcome`
/// vocabulary").
///
/// ```swift
/// HangupCause.outcome(for: "USER_BUSY", answered: false)          // .busy
/// HangupCause.outcome(for: "Normal Clearing", answered: true)     // .answered
/// ```
///
/// Names match in any case, with surrounding white space ignored and spaces or hyphens read as
/// underscores, so VoIPstudio's `Normal Clearing` is `NORMAL_CLEARING`.
enum HangupCause {
    static func outcome(for cause: String?, answered: Bool) -> Outcome {
        guard let cause, let name = normalized(cause) else { return .unknown }
        switch name {
        case "USER_BUSY": return .busy
        case "NO_ANSWER", "NO_USER_RESPONSE": return .noAnswer
        case "ORIGINATOR_CANCEL": return .cancelled
        case "NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION": return .congestion
        case "SUBSCRIBER_ABSENT", "USER_NOT_REGISTERED", "DESTINATION_OUT_OF_ORDER": return .unavailable
        case "NO_ROUTE_DESTINATION", "UNALLOCATED_NUMBER", "CALL_REJECTED": return .failed
        case "NORMAL_CLEARING": return answered ? .answered : .unknown
        default: return .unknown
        }
    }

    /// Upper case, trimmed, spaces and hyphens as underscores; nil when empty or too long to
    /// be one of the names above.
    static func normalized(_ cause: String) -> String? {
        guard let trimmed = ASCII.trimmed(cause), trimmed.utf8.count <= 32 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.utf8.count)
        for b in trimmed.utf8 {
            switch b {
            case 0x20, UInt8(ascii: "-"): bytes.append(UInt8(ascii: "_"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(b - 0x20)
            default: bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
