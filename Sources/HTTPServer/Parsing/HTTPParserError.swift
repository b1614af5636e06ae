/// Every way a request can break the rules, each with the status it is answered with.
/// After any of them the connection is closed (Documentation.docc/HTTPConformance.md, "400c").
public enum HTTPParserError: Error, Sendable, Equatable {
    /// A rule of RFC 9110 / RFC 9112 broken in the request line, head or framing: which one.
    case badRequest(Rule)
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
        case .badRequest(let rule): rule.rawValue
        case .bodyTooLarge: "body too large"
        case .targetTooLong: "request target too long"
        case .headerTooLarge: "header section too large"
        case .unsupportedTransferEncoding: "unsupported transfer-encoding"
        case .unsupportedVersion: "unsupported HTTP version"
        }
    }

    /// The rules a request can break, each answered `400`; the raw value is the response's message.
    public enum Rule: String, Sendable, Equatable, CaseIterable {
        /// RFC 9112 §2.2: a CR not followed by LF.
        case bareCR = "bare CR"
        /// RFC 9112 §7.1.
        case bareCRAfterTheTrailers = "bare CR after the trailers"
        /// RFC 9112 §7.1.
        case bareCRInAChunkLine = "bare CR in a chunk line"
        /// RFC 9112 §7.1.2.
        case bareCRInATrailer = "bare CR in a trailer"
        /// RFC 9112 §2.2: a line ending in LF alone.
        case bareLF = "bare LF"
        /// RFC 9112 §7.1.
        case chunkDataNotFollowedByCRlf = "chunk data not followed by CRLF"
        /// a chunk line over the limit.
        case chunkExtensionsTooLong = "chunk extensions too long"
        /// a size that overflows.
        case chunkSizeTooLong = "chunk size too long"
        /// RFC 9112 §6.3.
        case chunkedIsNotTheLastTransferCoding = "chunked is not the last transfer coding"
        /// RFC 9112 §6.3: differing or repeated Content-Length.
        case contentLengthSentTwice = "content-length sent twice"
        /// RFC 9112 §6.1: a request smuggling vector.
        case contentLengthTogetherWithTransferEncoding = "content-length together with transfer-encoding"
        /// RFC 9110 §5.1.
        case emptyHeaderName = "empty header name"
        /// RFC 9112 §3.2.
        case emptyRequestTarget = "empty request target"
        /// RFC 9112 §5.
        case headerLineWithoutAColon = "header line without a colon"
        /// RFC 9112 §3.2.
        case hostSentTwice = "host sent twice"
        /// RFC 9110 §5.5: CTLs other than HTAB are not field content.
        case controlByteInAHeaderValue = "control byte in a header value"
        /// RFC 9112 §5.2: obs-fold is refused in requests.
        case obsoleteLineFolding = "obsolete line folding"
        /// RFC 9112 §2.2: white space between the start line and the first field.
        case whiteSpaceBeforeTheFirstHeader = "white space before the first header"
        /// RFC 9112 §2.3.
        case invalidHTTPVersion = "invalid HTTP version"
        /// RFC 9112 §7.1.1: an empty name, an unbalanced quote, a name or value neither token nor quoted-string.
        case malformedChunkExtension = "malformed chunk extension"
        /// RFC 9110 §5.1: `Content_Length`, `Transfer--Encoding`; a hop folding `_` into `-` would frame by it.
        case framingHeaderLookAlike = "look-alike of a framing header"
        /// RFC 9112 §3.2, RFC 3986 §2.
        case invalidByteInTheRequestTarget = "invalid byte in the request target"
        /// RFC 9112 §7.1: chunk-size is 1*HEXDIG.
        case invalidChunkSize = "invalid chunk size"
        /// RFC 9110 §8.6: 1*DIGIT.
        case invalidContentLength = "invalid content-length"
        /// RFC 9110 §5.1: a field name is a token.
        case invalidHeaderName = "invalid header name"
        /// RFC 9110 §9.1: the method is a token.
        case invalidMethod = "invalid method"
        /// RFC 9112 §7.1.2.
        case invalidTrailerLine = "invalid trailer line"
        /// RFC 9112 §3.2: HTTP/1.1 requires Host.
        case missingHost = "missing host"
        /// RFC 9112 §3.
        case requestLineWithoutAVersion = "request line without a version"
        /// RFC 9112 §2.2 allows empty lines before a request; more than a few is not a client.
        case tooManyEmptyLines = "too many empty lines"
        /// RFC 9112 §6.1.
        case transferEncodingInAnHTTP10Request = "transfer-encoding in an HTTP/1.0 request"
        /// RFC 9112 §6.1.
        case transferEncodingSentTwice = "transfer-encoding sent twice"
        /// RFC 9112 §5.1: no white space between a field name and its colon.
        case whiteSpaceBeforeAColon = "white space before a colon"
    }
}
