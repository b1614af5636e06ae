import CallEvents

extension DecodeFailure {
    /// The one place a decoding failure becomes an HTTP status (Documentation.docc/Receiver.md
    /// "Responses"): `415` for a content type no vendor sends, `401` for a signed body that was
    /// not verified (as a failed signature is, Documentation.docc/Vendors.md), `422` for
    /// everything else the rejects log keeps.
    var status: Int {
        switch reason {
        case .unsupportedContentType: 415
        case .unverifiedSignature: 401
        case .malformed, .notAnObject, .vendorNotRecognized, .notReplayable: 422
        }
    }
}
