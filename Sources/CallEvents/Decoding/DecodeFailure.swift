/// Why a delivery could not be decoded; it goes to the rejects log. The decoders know no HTTP:
/// the receiver maps each `Reason` to its status (`Sources/Receiver/App/DecodeFailure+Status.swift`).
///
/// ```swift
/// case .failure(let failure):
///     failure.reason      // .malformed
///     failure.message     // "invalid JSON at byte 118: expected ',' or '}'"
/// ```
public struct DecodeFailure: Error, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The body does not parse as the type it was sent or sniffed as (JSON, form, multipart).
        case malformed
        /// Valid JSON whose top level is not an object or an array: no vendor sends that.
        case notAnObject
        /// The `Content-Type` is none that a vendor sends.
        case unsupportedContentType
        /// An `auto` route, and no vendor's detection matched.
        case vendorNotRecognized
        /// A logged line that cannot be decoded again (`callhook replay`).
        case notReplayable
        /// A signed body (a `jwt` vendor's) that nobody verified, on a route with a secret.
        case unverifiedSignature
    }

    public var reason: Reason
    /// What and where, e.g. `invalid JSON at byte 118: expected ',' or '}'`. Never holds the secret.
    public var message: String
    /// The vendor, when known (the route's, or the detected one).
    public var vendor: Vendor?

    public init(_ reason: Reason, _ message: String, vendor: Vendor? = nil) {
        self.reason = reason
        self.message = message
        self.vendor = vendor
    }
}
