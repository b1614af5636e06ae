/// Why a delivery could not be decoded; it goes to the rejects log.
public struct DecodeFailure: Error, Sendable, Equatable {
    /// `422` (malformed payload, vendor not recognized) or `415` (unsupported content type).
    public var status: Int
    /// What and where, e.g. `invalid JSON at byte 118: expected ',' or '}'`. Never holds the secret.
    public var message: String
    /// The vendor, when known (the route's, or the detected one).
    public var vendor: Vendor?

    public init(status: Int, message: String, vendor: Vendor? = nil) {
        self.status = status
        self.message = message
        self.vendor = vendor
    }
}
