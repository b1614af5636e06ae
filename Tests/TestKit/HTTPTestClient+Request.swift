import Foundation
import Glibc

/// Requests as a test writes them, and one-shot exchanges.
///
/// ```swift
/// let response = try HTTPTestClient.exchange(port: port, .post("/hooks/any?token=s3cret", body: json, contentType: "application/json"))
/// let keptAlive = try HTTPTestClient(port: port).request(.get("/livez"))
/// ```
extension HTTPTestClient {
    /// A well-formed request: `Host: callhook.test`, the given headers, and a `Content-Length`
    /// for a POST.
    public struct Request {
        public var method: String
        public var target: String
        public var headers: [String]
        public var body: [UInt8]

        public init(method: String, target: String, headers: [String] = [], body: [UInt8] = []) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        public static func get(_ target: String, headers: [String] = []) -> Request {
            Request(method: "GET", target: target, headers: headers)
        }

        public static func post(_ target: String, body: String, contentType: String, headers: [String] = []) -> Request {
            Request(method: "POST", target: target, headers: ["Content-Type: " + contentType] + headers, body: Array(body.utf8))
        }

        public var bytes: [UInt8] {
            var head = "\(method) \(target) HTTP/1.1\r\nHost: callhook.test\r\n"
            for header in headers { head += header + "\r\n" }
            if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
            return Array((head + "\r\n").utf8) + body
        }
    }

    /// Sends `request` on this connection and reads its final response.
    public func request(_ request: Request) throws -> HTTPTestResponse {
        try send(request.bytes)
        return try readFinalResponse(bodyExpected: request.method != "HEAD").final
    }

    /// Sends `request` and reads up to its final response.
    public func exchangeAll(_ request: [UInt8]) throws -> (informational: [HTTPTestResponse], final: HTTPTestResponse) {
        try send(request)
        return try readFinalResponse()
    }

    /// Connects, sends `request`, and returns the final response.
    public static func exchange(port: Int, _ request: [UInt8], timeout: Double = 5) throws -> HTTPTestResponse {
        let client = try HTTPTestClient(port: port, timeout: timeout)
        try client.send(request)
        return try client.readFinalResponse().final
    }

    /// One request on a fresh connection, from `source` when given.
    public static func exchange(port: Int, _ request: Request, from source: String? = nil, timeout: Double = 10) throws -> HTTPTestResponse {
        try HTTPTestClient(port: port, from: source, timeout: timeout).request(request)
    }

    /// Whether anything accepts a connection on the port.
    public static func connects(port: Int) throws -> Bool {
        do {
            _ = try HTTPTestClient(port: port, timeout: 1)
            return true
        } catch Failure.system("connect", _) {
            return false
        }
    }

    /// A TCP port nobody listens on now (bound and released), for a child that needs a fixed port.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = try Self.address("127.0.0.1", port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw Failure.system("bind", errno) }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }
}
