/// The body of a declared vendor whose `body` is `jwt` (Documentation.docc/Vendors.md, "A
/// definition"): a compact JWT whose payload is the JSON to decode, or, as Dialpad sends when
/// its webhook has no secret, the JSON itself. The signature is not checked here; the delivery
/// says whether an unchecked body may be decoded at all (``Delivery/unverifiedJWT``).
///
/// ```swift
/// switch JWTBody.decode(delivery.body, policy: .decode) {
/// case .success(let body): body.value          // the claims, which become `raw`
/// case .failure(let failure): failure.reason   // .notCompact, .payloadNotJSON, .unverified
/// }
/// ```
enum JWTBody {
    /// Why a `jwt` body was not decoded.
    struct Failure: Error, Equatable {
        enum Reason: Equatable {
            /// Neither three base64url segments (RFC 7519 §3) nor a JSON object.
            case notCompact
            /// The token's payload segment is not a JSON object or array.
            case payloadNotJSON
            /// The policy is `.refuse`.
            case unverified
        }
        var reason: Reason
        var message: String
    }

    static func decode(_ bytes: [UInt8], policy: UnverifiedJWT) -> Result<DecodedBody, Failure> {
        guard policy == .decode else {
            return .failure(Failure(reason: .unverified, message: "signed body not verified: a route with a secret takes no unverified jwt body"))
        }
        guard let json = json(in: bytes) else {
            return .failure(Failure(reason: .notCompact, message: "body is neither a compact JWT nor a JSON object"))
        }
        return parse(json.bytes, what: json.what)
    }

    /// The JSON a `jwt` body carries, and what to call it in a failure: the body itself when it
    /// is plain JSON (Dialpad without a secret: its first byte, after white space, is `{`), else
    /// the compact JWT's payload; nil when it is neither.
    static func json(in bytes: [UInt8]) -> (bytes: [UInt8], what: String)? {
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }), first == UInt8(ascii: "{") {
            return (bytes, "body")
        }
        return CompactJWT(bytes).map { ($0.payload, "JWT payload") }
    }

    private static func parse(_ bytes: [UInt8], what: String) -> Result<DecodedBody, Failure> {
        switch JSONParser.parse(bytes) {
        case .success(let value):
            switch value {
            case .object, .array: return .success(DecodedBody(value: value))
            default: return .failure(Failure(reason: .payloadNotJSON, message: "\(what) is not a JSON object"))
            }
        case .failure(let failure):
            return .failure(Failure(reason: .payloadNotJSON, message: "\(what): \(failure.message)"))
        }
    }
}
