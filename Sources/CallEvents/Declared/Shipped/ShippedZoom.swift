// Zoom Phone call webhooks (JSON): the event names and payload types of Zoom's `rivet-javascript`
// phone module (`PhoneCalleeRingingEvent`, `PhoneCallerConnectedEvent`, ...). Each event
// exists twice, sent to the account of the side it names: `callee_*` is the user receiving the
// call (inbound), `caller_*` the user placing it (outbound). `caller` is always the calling party.
// `event_ts` is epoch milliseconds; the `*_time` fields ISO 8601. The SDK types give
// `answer_start_time` (callee) and `connected_start_time` (caller) for the same moment, so
// `answered_at` reads both. `handup_result` (the SDK's spelling) is the cause, kept verbatim.
// `endpoint.url_validation` is a handshake, answered before decoding (Documentation.docc/Vendors.md).
extension ShippedDefinitions {
    static let zoom = #"""
    {
      "body": "json",
      "detect": ["event", "event_ts", "payload.object.call_id"],
      "event": "event",
      "types": {
        "phone.callee_ringing": {"type": "call.ringing", "direction": "inbound"},
        "phone.caller_ringing": {"type": "call.ringing", "direction": "outbound"},
        "phone.callee_answered": {"type": "call.answered", "direction": "inbound"},
        "phone.caller_connected": {"type": "call.answered", "direction": "outbound"},
        "phone.callee_hold": {"type": "call.hold", "direction": "inbound"},
        "phone.caller_hold": {"type": "call.hold", "direction": "outbound"},
        "phone.callee_unhold": {"type": "call.unhold", "direction": "inbound"},
        "phone.caller_unhold": {"type": "call.unhold", "direction": "outbound"},
        "phone.callee_missed": {"type": "call.missed", "outcome": "no_answer", "direction": "inbound"},
        "phone.callee_rejected": {"type": "call.missed", "outcome": "busy", "direction": "inbound"},
        "phone.callee_ended": {"type": "call.hangup", "direction": "inbound"},
        "phone.caller_ended": {"type": "call.hangup", "direction": "outbound"},
        "*": "unknown"
      },
      "fields": {
        "call_id": "payload.object.call_id",
        "from.number": "payload.object.caller.phone_number",
        "from.name": "payload.object.caller.name",
        "to.number": "payload.object.callee.phone_number",
        "to.name": "payload.object.callee.name",
        "extension": {"inbound": "payload.object.callee.extension_number", "outbound": "payload.object.caller.extension_number"},
        "cause": "payload.object.handup_result",
        "occurred_at": "event_ts",
        "started_at": "payload.object.ringing_start_time",
        "answered_at": ["payload.object.answer_start_time", "payload.object.connected_start_time"],
        "ended_at": "payload.object.call_end_time"
      },
      "key": ["payload.object.call_id", "event", "event_ts"],
      "verify": {"scheme": "hmac-sha256", "signed": "v0:{header:x-zm-request-timestamp}:{body}", "header": "x-zm-signature",
                 "prefix": "v0=", "encoding": "hex", "timestamp_header": "x-zm-request-timestamp"}
    }
    """#
}
