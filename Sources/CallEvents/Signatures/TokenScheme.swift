/// `token-field` (Aircall: a body field) and `header-token` (RingCentral: a header): no
/// signature, a shared token that must equal one of the secrets (vendors.md, "Signatures").
/// The caller finds the presented value (the header, or the body field it then removes from
/// `raw`); every secret is compared in constant time.
///
/// ```swift
/// TokenScheme(secrets: [Array(token.utf8)]).check(presented: headers["verification-token"])
/// ```
public struct TokenScheme: Sendable {
    public var secrets: [[UInt8]]

    public init(secrets: [[UInt8]]) { self.secrets = secrets }

    public func check(presented: [UInt8]?) -> SignatureCheck {
        guard let presented, !presented.isEmpty else { return .refused(.missing) }
        var matched = false
        for secret in secrets { matched = ConstantTime.equals(secret, presented) || matched }
        return matched ? .accepted : .refused(.bad)
    }
}
