// Dialpad call events: the `CallProto` of Dialpad's API spec as dialpad-python-sdk types it
// (`call_id`, `state`, `direction`, `contact`, `target`, `date_*`, `event_timestamp`,
// `duration`) and the states of the "Call Events" guide. With a webhook secret Dialpad sends the
// event as a compact JWT (HS256), without one as plain JSON; `jwt` reads both. `contact` is the
// outside party and `target` the Dialpad user, so they swap sides with the direction. Times and
// `duration` are epoch milliseconds (the SDK says so; the guide does not give units). The
// guide's call events carry no hangup cause, so a hangup's outcome is `unknown`.
extension ShippedDefinitions {
    static let dialpad = #"""
    {
      "body": "jwt",
      "detect": ["call_id", "state", "event_timestamp"],
      "event": "state",
      "types": {
        "calling": "call.initiated",
        "ringing": "call.ringing",
        "queued": "call.ringing",
        "preanswer": "call.ringing",
        "connected": "call.answered",
        "hold": "call.hold",
        "hangup": "call.hangup",
        "missed": {"type": "call.missed", "outcome": "no_answer"},
        "voicemail": {"type": "call.missed", "outcome": "missed"},
        "postcall": "queue.wrapup",
        "*": "unknown"
      },
      "fields": {
        "call_id": "call_id",
        "direction": {"path": "direction", "map": {"inbound": "inbound", "outbound": "outbound", "internal": "internal"}},
        "from.number": {"inbound": ["contact.phone", "external_number"], "outbound": ["target.phone", "internal_number"]},
        "from.name": {"inbound": "contact.name", "outbound": "target.name"},
        "to.number": {"inbound": ["target.phone", "internal_number"], "outbound": ["contact.phone", "external_number"]},
        "to.name": {"inbound": "target.name", "outbound": "contact.name"},
        "extension": "target.id",
        "occurred_at": "event_timestamp",
        "started_at": "date_started",
        "answered_at": "date_connected",
        "ended_at": "date_ended",
        "talk_seconds": {"path": "duration", "unit": "ms"},
        "recording": "recording_details.0.url"
      },
      "key": ["call_id", "state", "event_timestamp"],
      "verify": {"scheme": "jwt-hs256", "in": "body"}
    }
    """#
}
