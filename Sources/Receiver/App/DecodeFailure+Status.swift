import CallEvents

extension DecodeFailure {
    /// The one place a decoding failure becomes an HTTP status (Documentation.docc/Receiver.md
    /// "Responses"): `415` for a content type no vendor sends, `422` for everything else the
    /// rejects log keeps.
    var status: Int {
        switch reason {
        case .unsupportedContentType: 415
        case .malformed, .notAnObject, .vendorNotRecognized, .notReplayable: 422
        }
    }
}
