/// What a response's head must say about the connection and the body, decided by the
/// connection's state and applied by `ResponseEncoder`.
struct ResponseFraming: Equatable, Sendable {
    /// The connection stays open after this response.
    var keepAlive: Bool
    /// The request's version: an HTTP/1.0 keep-alive needs `Connection: keep-alive` said.
    var version: HTTPVersion
    /// A `HEAD` request: `Content-Length` as for `GET`, no body (RFC 9110 §9.3.2).
    var omitsBody: Bool

    init(keepAlive: Bool, version: HTTPVersion = .http1_1, omitsBody: Bool = false) {
        self.keepAlive = keepAlive
        self.version = version
        self.omitsBody = omitsBody
    }

    /// For responses the server makes up itself (errors, timeouts): close after.
    static let closing = ResponseFraming(keepAlive: false)
}
