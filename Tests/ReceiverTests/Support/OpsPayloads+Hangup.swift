/// One ImpactPBX hangup as a body, for the tests that need a single delivery with a known key.
///
/// ```swift
/// let body = OpsPayloads.impactpbxHangup(ref: "r1")       // key: OpsPayloads.impactpbxKey(ref: "r1")
/// ```
extension OpsPayloads {
    /// The ImpactPBX hangup of the vendor docs, with `ref` replaced; the key is
    /// `impactpbx:REF:hangup::2020-01-29T07:45:40.000+00:00` (no leg: neither `channel_uuid` nor `dialed_user`).
    static func impactpbxHangup(ref: String, extra: String = "") -> String {
        #"{"ref":"\#(ref)","recipient":"0035799123456","caller_id_number":"+442035040000","ani":"1002","#
            + #""direction":"outbound","call_start":"2020-01-29T07:45:19.000+00:00","#
            + #""call_start_uepoch":1580283919489709,"answer_start_uepoch":1580283935169797,"#
            + #""call_end_uepoch":1580283939549758,"duration":4,"recording":"\#(ref)","#
            + #""cause":"NORMAL_CLEARING","timestamp":"2020-01-29T07:45:40.000+00:00","action":"hangup"\#(extra)}"#
    }

    static func impactpbxKey(ref: String) -> String {
        "impactpbx:\(ref):hangup::2020-01-29T07:45:40.000+00:00"
    }
}
