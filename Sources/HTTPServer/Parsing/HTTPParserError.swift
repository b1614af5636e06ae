/// Every way a request can break the rules, each with the status it is answered with.
/// After any of them the connection is closed (Documentation.docc/HTTPConformance.md, "400c").
public enum HTTPParserError: Error, Sendable, Equatable {
    /// Any rule of RFC 9112 broken in the request line, head or framing; the string says which.
    case badRequest(String)
    /// `Content-Length`, or the chunks so far, over `maxBodyBytes`.
    case bodyTooLarge
    /// The request target over `maxTargetBytes`.
    case targetTooLong
    /// The head over `maxHeaderBytes`, or more than `maxHeaders` lines.
    case headerTooLarge
    /// A `Transfer-Encoding` we do not implement (anything but `chunked`).
    case unsupportedTransferEncoding
    /// A version other than HTTP/1.0 or HTTP/1.1 that looks like HTTP (`HTTP/2.0`, the `PRI` preface).
    case unsupportedVersion

    /// The status the error is answered with.
    public var status: Int {
        switch self {
        case .badRequest: 400
        case .bodyTooLarge: 413
        case .targetTooLong: 414
        case .headerTooLarge: 431
        case .unsupportedTransferEncoding: 501
        case .unsupportedVersion: 505
        }
    }

    /// A short text for the response body; never holds request bytes.
    public var message: String {
        switch self {
        case .badRequest(let why): why
        case .bodyTooLarge: "body too large"
        case .targetTooLong: "request target too long"
        case .headerTooLarge: "header section too large"
        case .unsupportedTransferEncoding: "unsupported transfer-encoding"
        case .unsupportedVersion: "unsupported HTTP version"
        }
    }
}
