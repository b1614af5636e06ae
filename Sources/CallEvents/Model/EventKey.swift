/// Builds a CallEvent's idempotency `key` (Documentation.docc/EventSchema.md, "Keys").
///
/// ```swift
/// EventKey.make(.impactpbx, [ref, action, timestamp])   // "impactpbx:<ref>:hangup:<timestamp>"
/// EventKey.fallback(for: event)                           // "voipnow:raw:28e0a11f7c87a64a"
/// ```
///
/// The fallback, used when the identifying parts are missing, hashes the vendor, the raw
/// payload and the POST's query fields (a sender may put every field in the URL) with 64-bit FNV-1a over a type-tagged, length-prefixed walk of the value: stable across
/// processes, machines and releases (unlike `Hasher`, which is seeded per process), and
/// independent of how the payload is written back. Member order counts; a retry sends the
/// same bytes in the same order.
enum EventKey {
    /// `vendor:part:part...`; nil when any part is nil (the caller falls back). Written once
    /// into a string of the exact length, not grown part by part.
    static func make(_ vendor: Vendor, _ parts: [String?]) -> String? {
        parts.withUnsafeBufferPointer { make(vendor, $0) }
    }

    // The vendors' own arities, without an array to hold the parts.

    static func make(_ vendor: Vendor, _ a: String?) -> String? {
        var parts = a
        return withUnsafePointer(to: &parts) { make(vendor, UnsafeBufferPointer(start: $0, count: 1)) }
    }

    static func make(_ vendor: Vendor, _ a: String?, _ b: String?, _ c: String?) -> String? {
        var parts = (a, b, c)
        return withUnsafePointer(to: &parts) {
            // A tuple of one type is laid out as that many elements in a row.
            $0.withMemoryRebound(to: String?.self, capacity: 3) { make(vendor, UnsafeBufferPointer(start: $0, count: 3)) }
        }
    }

    static func make(_ vendor: Vendor, _ a: String?, _ b: String?, _ c: String?, _ d: String?) -> String? {
        var parts = (a, b, c, d)
        return withUnsafePointer(to: &parts) {
            $0.withMemoryRebound(to: String?.self, capacity: 4) { make(vendor, UnsafeBufferPointer(start: $0, count: 4)) }
        }
    }

    private static func make(_ vendor: Vendor, _ parts: UnsafeBufferPointer<String?>) -> String? {
        ASCII.withUTF8(of: vendor.name) { name in make(name, parts) }
    }

    private static func make(_ name: UnsafeBufferPointer<UInt8>, _ parts: UnsafeBufferPointer<String?>) -> String? {
        var length = name.count
        for part in parts {
            guard let part else { return nil }
            length += 1 + part.utf8.count
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var n = name.count
            if let start = name.baseAddress { out.baseAddress!.initialize(from: start, count: n) }
            for case let part? in parts {
                out[n] = UInt8(ascii: ":")
                n += 1
                n += ASCII.withUTF8(of: part) { bytes in
                    if let source = bytes.baseAddress { (out.baseAddress! + n).initialize(from: source, count: bytes.count) }
                    return bytes.count
                }
            }
            return n
        }
    }

    /// `vendor:raw:<16 lowercase hex digits>`, of the event's vendor, `raw` and `query`.
    static func fallback(for event: CallEvent) -> String {
        var hash = FNV1a64()
        hash.add(event.vendor.rawValue)
        hash.add(event.raw)
        // Only when present, so a payload without query fields keeps the key it always had.
        if let query = event.query {
            hash.add(UInt8(ascii: "?"))
            hash.add(query)
        }
        return event.vendor.rawValue + ":raw:" + hash.hex
    }
}
