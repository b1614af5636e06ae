/// The outcome of checking a delivery's signature: accepted, or refused with the reason the
/// receiver answers (vendors.md, "Signatures"). No HTTP status here: the receiver maps a
/// refusal to 401.
///
/// ```swift
/// switch HMACScheme(hash: .sha256, header: "x-zm-signature", …).check(body: body, header: lookup, now: now) {
/// case .accepted: store(delivery)
/// case .refused(let reason): answer401(reason.text)
/// }
/// ```
public enum SignatureCheck: Sendable, Equatable {
    case accepted
    case refused(Reason)

    public enum Reason: String, Sendable, Equatable {
        /// The signature header (or its timestamp) is absent or empty.
        case missing = "missing signature"
        /// Present but matching none of the secrets, or not decodable.
        case bad = "bad signature"
        /// Signed, but its timestamp is outside `tolerance_seconds` of now.
        case stale = "stale signature"
    }
}
