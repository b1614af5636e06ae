import CallEvents

extension Configuration {
    /// A route's `verify` (vendors.md, "Signatures"), compiled once at load with the route's
    /// secrets, `public_key` and `public_url`: keys are prepared here, never per request.
    ///
    /// ```swift
    /// if let verification = route.verify {
    ///     switch SignatureVerifier.check(verification, request: request, now: now) { … }
    /// }
    /// ```
    struct Verification: Sendable, Equatable {
        /// The compiled check, one per scheme family.
        enum Check: Sendable {
            /// `hmac-sha1`, `hmac-sha256`, `hmac-sha512`.
            case hmac(HMACScheme)
            /// `twilio`, signing `publicURL` (else `https://` + `Host` + path) plus the request's query.
            case twilio(TwilioScheme, publicURL: String?)
            /// `jwt-hs256` in the body or in `Authorization`.
            case jwt(JWTScheme)
            /// `ed25519` against the route's `public_key`.
            case ed25519(Ed25519Scheme)
            /// `token-field`: a body field equal to a secret.
            case tokenField(TokenScheme, field: String)
            /// `header-token`: a header equal to a secret.
            case headerToken(TokenScheme, header: String)
        }

        /// The scheme as written (`hmac-sha256`).
        let scheme: String
        let check: Check
        /// The `verify` object as written, and whether it is the vendor's default; with the
        /// route's secrets (compared by `Route`) this is all that decides equality.
        let source: JSONValue
        let isVendorDefault: Bool

        /// True when a valid JWT body is the payload itself (Dialpad), so it is decoded once verified.
        var verifiesJWTBody: Bool {
            if case .jwt(let scheme) = check { return scheme.location == .body }
            return false
        }

        /// The body field a `token-field` scheme reads, which is removed from `raw`
        /// (vendors.md, "Signatures"): the token is a credential, not part of the call.
        var tokenField: String? {
            if case .tokenField(_, let field) = check { return field }
            return nil
        }

        static func == (a: Verification, b: Verification) -> Bool {
            a.scheme == b.scheme && a.source == b.source && a.isVendorDefault == b.isVendorDefault
        }
    }
}
