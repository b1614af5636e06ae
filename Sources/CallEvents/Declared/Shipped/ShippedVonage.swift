// Vonage Voice API event webhooks (JSON): the fields and statuses of Vonage's "Voice API
// Webhooks Reference" (`uuid`, `conversation_uuid`, `status`, `direction`, `from`, `to`,
// `timestamp`, and on `completed` `start_time`, `end_time`, `duration` in seconds as a string).
// The reference also lists `disconnected`, `machine`/`human`, `record`, `input` and `transfer`:
// no call state of ours, so `unknown`. Unsuccessful calls carry the reason in `detail`
// (`invalid_number`, `declined`, ...), kept as the cause. Numbers are sent without `+`.
extension ShippedDefinitions {
    static let vonage = #"""
    {
      "body": "json",
      "detect": ["uuid", "conversation_uuid", "status"],
      "event": "status",
      "types": {
        "started": "call.initiated",
        "ringing": "call.ringing",
        "answered": "call.answered",
        "completed": {"type": "call.hangup", "outcome": "answered"},
        "busy": {"type": "call.hangup", "outcome": "busy"},
        "cancelled": {"type": "call.hangup", "outcome": "cancelled"},
        "unanswered": {"type": "call.hangup", "outcome": "no_answer"},
        "timeout": {"type": "call.hangup", "outcome": "no_answer"},
        "rejected": {"type": "call.hangup", "outcome": "failed"},
        "failed": {"type": "call.hangup", "outcome": "failed"},
        "*": "unknown"
      },
      "fields": {
        "call_id": "uuid",
        "direction": {"path": "direction", "map": {"inbound": "inbound", "outbound": "outbound"}},
        "from.number": "from",
        "to.number": "to",
        "cause": "detail",
        "occurred_at": "timestamp",
        "started_at": "start_time",
        "ended_at": "end_time",
        "talk_seconds": "duration"
      },
      "key": ["uuid", "status", "timestamp"],
      "verify": {"scheme": "jwt-hs256", "in": "authorization", "payload_hash": true}
    }
    """#
}
