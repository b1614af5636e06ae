/// How the body of a request is delimited (RFC 9112 §6).
public enum HTTPBodyFraming: Sendable, Equatable {
    case none
    case contentLength(Int)
    case chunked
}
