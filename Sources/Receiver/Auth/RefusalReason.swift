import CallEvents
import HTTPServer

/// Why a route refused a request, as the refusal's log line names it
/// (Documentation.docc/Receiver.md, "Authentication").
enum RefusalReason: String, Sendable, CaseIterable {
    /// No `token`, Basic password or Bearer credential was sent.
    case missingSecret = "missing secret"
    /// A credential was sent and matched none of the route's secrets.
    case wrongSecret = "wrong secret"
    /// The route has a `verify` and the request carries no signature.
    case missingSignature = "missing signature"
    /// The signature did not verify.
    case badSignature = "bad signature"
    /// The signature's timestamp is outside the allowed window.
    case staleSignature = "stale signature"
    /// The client address is outside the route's allow list.
    case addressNotAllowed = "address not allowed"

    /// The reason for a signature check's refusal (vendors.md, "Signatures").
    init(_ reason: SignatureCheck.Reason) {
        switch reason {
        case .missing: self = .missingSignature
        case .bad: self = .badSignature
        case .stale: self = .staleSignature
        }
    }

    /// The reason for an ``Authenticator/Decision`` other than `.ok`: a `401` is a missing
    /// secret when the request carried no credential in any of the places a secret is read.
    init(_ decision: Authenticator.Decision, query: Substring?, headers: HTTPHeaders) {
        switch decision {
        case .forbidden, .ok:
            self = .addressNotAllowed
        case .unauthorized:
            let sentToken = query.flatMap(Authenticator.tokenParameter) != nil
            let sentCredential = headers["Authorization"].flatMap {
                Authenticator.credential($0, schemes: [.basic, .bearer])
            } != nil
            self = sentToken || sentCredential ? .wrongSecret : .missingSecret
        }
    }
}
