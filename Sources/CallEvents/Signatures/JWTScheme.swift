/// `jwt-hs256` (vendors.md, "Signatures"): a compact JWT in the body (Dialpad) or in
/// `Authorization: Bearer` (Vonage), `alg` exactly `HS256`, its signature the HMAC-SHA256 of
/// `header.payload`; with `payloadHash` its `payload_hash` claim must be the hex SHA-256 of
/// the body, and an `iat` claim is held to `toleranceSeconds`.
///
/// ```swift
/// let vonage = JWTScheme(location: .authorization, payloadHash: true, secrets: [secret])
/// vonage.check(body: body, header: { headers[$0] }, now: now)
/// ```
public struct JWTScheme: Sendable {
    public enum Location: String, Sendable { case body, authorization }

    public var location: Location
    public var payloadHash: Bool
    public var toleranceSeconds: Int
    public let secrets: [[UInt8]]
    /// Keyed once here, not per request.
    private let macs: [HMAC<SHA256>]

    public init(location: Location, payloadHash: Bool = false, toleranceSeconds: Int = 300, secrets: [[UInt8]]) {
        self.location = location; self.payloadHash = payloadHash
        self.toleranceSeconds = toleranceSeconds; self.secrets = secrets
        macs = secrets.map { HMAC<SHA256>(key: $0) }
    }

    public func check(body: [UInt8], header lookup: (String) -> [UInt8]?, now: Int) -> SignatureCheck {
        let token: [UInt8]
        switch location {
        case .body:
            guard !body.isEmpty else { return .refused(.missing) }
            token = body
        case .authorization:
            guard let value = lookup("authorization"), !value.isEmpty else { return .refused(.missing) }
            // RFC 6750 §2.1: the scheme name is case-insensitive.
            let scheme = Array("bearer ".utf8)
            guard value.count > scheme.count, value[..<scheme.count].map(ASCII.lower) == scheme else { return .refused(.missing) }
            token = Array(value[scheme.count...])
        }
        guard let jwt = CompactJWT(token), case .success(let header) = JSONParser.parse(jwt.header),
              header["alg"]?.stringValue == "HS256", case .success(let claims) = JSONParser.parse(jwt.payload) else {
            return .refused(.bad)
        }
        var matched = false
        for mac in macs {
            matched = ConstantTime.equals(mac.authenticationCode(for: jwt.signingInput), jwt.signature) || matched
        }
        guard matched else { return .refused(.bad) }
        if payloadHash {
            guard let claimed = claims["payload_hash"]?.stringValue,
                  ConstantTime.equals(Array(claimed.lowercased().utf8), Array(Hex.encode(SHA256.hash(body)).utf8)) else {
                return .refused(.bad)
            }
        }
        if toleranceSeconds > 0, let iat = claims["iat"]?.numberLiteral {
            guard let seconds = Double(iat) else { return .refused(.bad) }
            if abs(Double(now) - seconds) > Double(toleranceSeconds) { return .refused(.stale) }
        }
        return .accepted
    }
}
