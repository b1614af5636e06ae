// Telnyx Call Control (v2) webhooks (JSON): the envelope and payloads of Telnyx's callback
// reference (`call.hangup`: `data.event_type`, `data.id`, `data.occurred_at`, `data.payload`)
// and telnyx-python / telnyx-ruby's `CallInitiated`, `CallAnswered`, `CallHangup` and
// `CallDtmfReceived` models. `direction` is `incoming` or `outgoing`; `hangup_cause` is
// lowercase Q.850-style (`normal_clearing`, `user_busy`, `originator_cancel`, `call_rejected`),
// which the cause table reads in any case. The reference gives `start_time` on the hangup but no
// answer time, so a `normal_clearing` hangup alone says `unknown`.
extension ShippedDefinitions {
    static let telnyx = #"""
    {
      "body": "json",
      "detect": ["data.event_type", "data.payload.call_control_id"],
      "event": "data.event_type",
      "types": {
        "call.initiated": "call.initiated",
        "call.answered": "call.answered",
        "call.hangup": "call.hangup",
        "call.dtmf.received": "call.dtmf",
        "*": "unknown"
      },
      "fields": {
        "call_id": "data.payload.call_session_id",
        "direction": {"path": "data.payload.direction", "map": {"incoming": "inbound", "outgoing": "outbound"}},
        "from.number": "data.payload.from",
        "from.name": "data.payload.caller_id_name",
        "to.number": "data.payload.to",
        "cause": "data.payload.hangup_cause",
        "occurred_at": "data.occurred_at",
        "started_at": "data.payload.start_time",
        "ended_at": "data.payload.end_time"
      },
      "key": ["data.id"],
      "verify": {"scheme": "ed25519", "signed": "{header:telnyx-timestamp}|{body}", "header": "telnyx-signature-ed25519",
                 "timestamp_header": "telnyx-timestamp"}
    }
    """#
}
