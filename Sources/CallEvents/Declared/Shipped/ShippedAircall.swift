// Aircall call webhooks (JSON): the event names and Call object of Aircall's developer
// documentation ("Webhooks" and "Call" reference). Times are epoch seconds; `raw_digits` is the
// outside number, so it is `from` on an inbound call and `to` on an outbound one.
extension ShippedDefinitions {
    static let aircall = #"""
    {
      "body": "json",
      "detect": ["event", "resource", "data.id"],
      "event": "event",
      "types": {
        "call.created": "call.initiated",
        "call.ringing_on_agent": "call.ringing",
        "call.answered": "call.answered",
        "call.hold": "call.hold",
        "call.unhold": "call.unhold",
        "call.hungup": "call.hangup",
        "call.ended": "call.hangup",
        "call.voicemail_left": {"type": "call.missed", "outcome": "missed"},
        "*": "unknown"
      },
      "fields": {
        "call_id": "data.id",
        "direction": "data.direction",
        "from.number": {"inbound": "data.raw_digits", "outbound": "data.number.digits"},
        "to.number": {"inbound": "data.number.digits", "outbound": "data.raw_digits"},
        "from.name": {"outbound": "data.user.name"},
        "to.name": {"inbound": "data.user.name"},
        "extension": "data.user.id",
        "outcome": {"path": "data.missed_call_reason", "map": {"agents_did_not_answer": "no_answer", "no_available_agent": "unavailable", "abandoned_in_ivr": "cancelled", "abandoned_in_classic": "cancelled", "short_abandoned": "cancelled", "out_of_opening_hours": "unavailable"}},
        "occurred_at": "timestamp",
        "started_at": "data.started_at",
        "answered_at": "data.answered_at",
        "ended_at": "data.ended_at",
        "talk_seconds": "data.duration",
        "recording": "data.recording"
      },
      "key": ["data.id", "event", "timestamp"],
      "verify": {"scheme": "token-field", "field": "token"}
    }
    """#
}
