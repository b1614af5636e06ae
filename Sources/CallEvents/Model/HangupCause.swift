import Glibc   // memcmp

/// Derives an `outcome` from a FreeSWITCH / Q.850 style cause name
/// (Documentation.docc/EventSchema.md, "`outcome` vocabulary").
///
/// ```swift
/// HangupCause.outcome(for: "USER_BUSY", answered: false)          // .busy
/// HangupCause.outcome(for: "Normal Clearing", answered: true)     // .answered
/// ```
///
/// Names match in any case, with surrounding white space ignored and spaces or hyphens read as
/// underscores, so VoIPstudio's `Normal Clearing` is `NORMAL_CLEARING`.
enum HangupCause {
    static func outcome(for cause: String?, answered: Bool) -> Outcome {
        guard let cause else { return .unknown }
        return ASCII.withUTF8(of: cause) { text in
            // Normalized into a stack buffer: no name above is longer than 32 bytes.
            let (lo, hi) = ASCII.trimmedRange(text)
            guard lo < hi, hi - lo <= 32 else { return .unknown }
            var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            return withUnsafeMutableBytes(of: &buffer) { raw in
                let name = raw.bindMemory(to: UInt8.self)
                for i in lo..<hi { name[i - lo] = normalized(text[i]) }
                let key = UnsafeBufferPointer(rebasing: name[..<(hi - lo)])
                if matches(key, "USER_BUSY") { return .busy }
                if matches(key, "NO_ANSWER") || matches(key, "NO_USER_RESPONSE") { return .noAnswer }
                if matches(key, "ORIGINATOR_CANCEL") { return .cancelled }
                if matches(key, "NORMAL_CIRCUIT_CONGESTION") || matches(key, "SWITCH_CONGESTION") { return .congestion }
                if matches(key, "SUBSCRIBER_ABSENT") || matches(key, "USER_NOT_REGISTERED")
                    || matches(key, "DESTINATION_OUT_OF_ORDER") { return .unavailable }
                if matches(key, "NO_ROUTE_DESTINATION") || matches(key, "UNALLOCATED_NUMBER")
                    || matches(key, "CALL_REJECTED") { return .failed }
                if matches(key, "NORMAL_CLEARING") { return answered ? .answered : .unknown }
                return .unknown
            }
        }
    }

    /// Upper case, spaces and hyphens as underscores.
    @inline(__always)
    private static func normalized(_ b: UInt8) -> UInt8 {
        switch b {
        case 0x20, UInt8(ascii: "-"): UInt8(ascii: "_")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): b - 0x20
        default: b
        }
    }

    @inline(__always)
    private static func matches(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        name.count == literal.utf8CodeUnitCount && memcmp(name.baseAddress!, literal.utf8Start, name.count) == 0
    }
}
