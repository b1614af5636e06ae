/// Tells the vendor from the payload, for `auto` routes (Documentation.docc/Receiver.md, "Routes").
///
/// ```swift
/// VendorDetection.detect(Fields(raw: raw, query: query))   // .impactpbx, or nil
/// ```
///
/// Checked in this order, names matched like every field (any case, spaces ignored):
/// ImpactPBX has `ref` and `action`; VoIPstudio `event_name`; URL Networks `call_event_uuid`,
/// or `method` with `service_id`; VoipNow `CallID`, `CallFlow` or `CallStatus`.
enum VendorDetection {
    static func detect(_ fields: Fields) -> Vendor? {
        if fields.has("ref") && fields.has("action") { return .impactpbx }
        if fields.has("event_name") { return .voipstudio }
        if fields.has("call_event_uuid") || (fields.has("method") && fields.has("service_id")) {
            return .urlnetworks
        }
        if fields.has("callid") || fields.has("callflow") || fields.has("callstatus") { return .voipnow }
        return nil
    }
}
