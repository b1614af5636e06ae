// RingCentral telephony session notifications (JSON): the event payload of RingCentral's
// "Account/Extension Telephony Sessions Event" guide and its SDKs' `TelephonySessionsEvent`
// types (`uuid`, `timestamp`, `body.telephonySessionId`, `body.eventTime`, `body.parties`).
// One notification per status change of a party; the first party is the one the subscription
// is about. The guide lists `Parked`, `FaxReceive` and `VoiceMailScreening` too: a parked call
// is held, the other two are no call state of ours. `status.reason` is the cause; the guide's
// reasons give the outcome. `CallFinished` and `CallDropped` end answered calls, but a
// notification does not say whether the call was answered, so they fall to the cause table.
extension ShippedDefinitions {
    static let ringcentral = #"""
    {
      "body": "json",
      "detect": ["uuid", "event", "body.telephonySessionId"],
      "event": "body.parties.0.status.code",
      "types": {
        "Setup": "call.initiated",
        "Proceeding": "call.ringing",
        "Answered": "call.answered",
        "Hold": "call.hold",
        "Parked": "call.hold",
        "Disconnected": "call.hangup",
        "Gone": "call.hangup",
        "VoiceMail": {"type": "call.missed", "outcome": "missed"},
        "*": "unknown"
      },
      "fields": {
        "call_id": "body.telephonySessionId",
        "direction": {"path": "body.parties.0.direction", "map": {"inbound": "inbound", "outbound": "outbound"}},
        "from.number": "body.parties.0.from.phoneNumber",
        "from.name": "body.parties.0.from.name",
        "to.number": "body.parties.0.to.phoneNumber",
        "to.name": "body.parties.0.to.name",
        "extension": "body.parties.0.extensionId",
        "cause": "body.parties.0.status.reason",
        "outcome": {"path": "body.parties.0.status.reason", "map": {"TargetBusy": "busy", "NoAnswer": "no_answer", "Cancelled": "cancelled", "InvalidNumber": "failed"}},
        "occurred_at": ["body.eventTime", "timestamp"]
      },
      "key": ["uuid"],
      "verify": {"scheme": "header-token", "header": "Verification-Token"}
    }
    """#
}
