/// Tells the vendor from the payload, for `auto` routes (Documentation.docc/Receiver.md, "Routes",
/// and Documentation.docc/Vendors.md, "detect").
///
/// ```swift
/// VendorDetection.detect(Fields(raw: raw, query: query))                      // .impactpbx, or nil
/// VendorDetection.detect(fields, catalog: configuration.vendors)              // declared ones too
/// ```
///
/// Checked in this order, names matched like every field (any case, spaces ignored):
/// ImpactPBX has `ref` and `action`; VoIPstudio `event_name`; URL Networks `call_event_uuid`,
/// or `method` with `service_id`; then each shipped definition's `detect` (all its paths
/// present); VoipNow `CallID`, `CallFlow` or `CallStatus`; then the config's declared vendors in
/// the config's order. The shipped definitions come before VoipNow because their `detect` is
/// specific, and VoipNow's `CallStatus` is also Twilio's.
enum VendorDetection {
    static func detect(_ fields: Fields, catalog: VendorCatalog = .builtIn) -> Vendor? {
        catalog.detect(fields)
    }

    static func detectBeforeShipped(_ fields: Fields) -> Vendor? {
        if fields.has("ref") && fields.has("action") { return .impactpbx }
        if fields.has("event_name") { return .voipstudio }
        if fields.has("call_event_uuid") || (fields.has("method") && fields.has("service_id")) {
            return .urlnetworks
        }
        return nil
    }

    static func isVoipNow(_ fields: Fields) -> Bool {
        fields.has("callid") || fields.has("callflow") || fields.has("callstatus")
    }

    /// What `callhook vendors` shows for a coded vendor's rule.
    static func rule(of vendor: Vendor) -> String? {
        switch vendor.kind {
        case .impactpbx: "ref + action"
        case .voipstudio: "event_name"
        case .urlnetworks: "call_event_uuid, or method + service_id"
        case .voipnow: "CallID, CallFlow or CallStatus"
        case .declared: vendor.definition.map { $0.detect.map(\.text).joined(separator: " + ") }
        }
    }
}
