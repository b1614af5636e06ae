/// Builds a CallEvent's idempotency `key` (call-event.md, "Keys").
///
/// ```swift
/// EventKey.make(.impactpbx, [ref, action, timestamp])   // "impactpbx:<ref>:hangup:<timestamp>"
/// EventKey.fallback(.voipnow, raw: .object([]))           // "voipnow:raw:28e0a11f7c87a64a"
/// ```
///
/// The fallback, used when the identifying parts are missing, hashes the vendor and the raw
/// payload with 64-bit FNV-1a over a type-tagged, length-prefixed walk of the value: stable across
/// processes, machines and releases (unlike `Hasher`, which is seeded per process), and
/// independent of how the payload is written back. Member order counts; a retry sends the
/// same bytes in the same order.
enum EventKey {
    /// `vendor:part:part...`; nil when any part is nil (the caller falls back).
    static func make(_ vendor: Vendor, _ parts: [String?]) -> String? {
        var key = vendor.rawValue
        for part in parts {
            guard let part else { return nil }
            key += ":"
            key += part
        }
        return key
    }

    /// `vendor:raw:<16 lowercase hex digits>`.
    static func fallback(_ vendor: Vendor, raw: JSONValue) -> String {
        var hash = FNV1a64()
        hash.add(vendor.rawValue)
        hash.add(raw)
        return vendor.rawValue + ":raw:" + hash.hex
    }
}
