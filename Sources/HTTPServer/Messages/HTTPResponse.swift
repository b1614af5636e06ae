/// A response: status, extra headers and a small body.
///
/// The connection adds `Content-Length`, `Date` is left out on purpose (senders do not need it),
/// and `Connection: close` is added when the connection will close.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Close the connection after this response, whatever the request asked.
    public var closesConnection: Bool
    /// A body written over time instead of `body` (see `HTTPStream`); the connection closes
    /// once it ends.
    public var stream: HTTPStream?

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], closesConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closesConnection = closesConnection
    }

    /// A streamed body: no `Content-Length`, chunked to HTTP/1.1 clients.
    public static func stream(_ status: Int, headers: [(name: String, value: String)], _ stream: HTTPStream) -> HTTPResponse {
        var response = HTTPResponse(status: status, headers: headers, closesConnection: true)
        response.stream = stream
        return response
    }

    /// A JSON body with `Content-Type: application/json`.
    public static func json(_ status: Int, _ body: String, headers: [(name: String, value: String)] = [], closesConnection: Bool = false) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers,
                     body: Array(body.utf8), closesConnection: closesConnection)
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.closesConnection == rhs.closesConnection
            && lhs.stream === rhs.stream
            && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    /// The reason phrase sent on the status line.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Unknown"
        }
    }
}
