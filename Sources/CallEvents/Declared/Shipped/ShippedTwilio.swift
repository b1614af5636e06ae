// Twilio Voice status callbacks (form POST): the CallStatus values and parameters of Twilio's
// "Call Resource" status callback documentation, and twilio-node's CallInstance status type.
// Doc and SDK agree on the statuses; `Timestamp` (RFC 2822) is given only in the callback
// parameters, so `occurred_at` follows the documentation.
extension ShippedDefinitions {
    static let twilio = #"""
    {
      "body": "form",
      "detect": ["CallSid", "AccountSid"],
      "event": "CallStatus",
      "types": {
        "queued": "call.initiated",
        "initiated": "call.initiated",
        "ringing": "call.ringing",
        "in-progress": "call.answered",
        "completed": {"type": "call.hangup", "outcome": "answered"},
        "busy": {"type": "call.hangup", "outcome": "busy"},
        "no-answer": {"type": "call.hangup", "outcome": "no_answer"},
        "canceled": {"type": "call.hangup", "outcome": "cancelled"},
        "failed": {"type": "call.hangup", "outcome": "failed"},
        "*": "unknown"
      },
      "fields": {
        "call_id": "CallSid",
        "direction": {"path": "Direction", "map": {"inbound": "inbound", "outbound*": "outbound"}},
        "from.number": "From",
        "from.name": "CallerName",
        "to.number": "To",
        "occurred_at": "Timestamp",
        "talk_seconds": "CallDuration",
        "recording": "RecordingUrl"
      },
      "key": ["CallSid", "CallStatus", "SequenceNumber"],
      "verify": {"scheme": "twilio"}
    }
    """#
}
