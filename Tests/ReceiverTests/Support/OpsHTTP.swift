import Foundation
import Glibc

/// A small blocking HTTP/1.1 client on a keep-alive connection, enough to drive the server
/// (or nginx in front of it) from a test. It can bind a chosen loopback source address, so a
/// test can play a client at `127.0.0.3`.
///
/// ```swift
/// let client = try OpsHTTP(port: server.port)
/// let response = try client.send(.post("/hooks/impactpbx?token=s3cret", json: body))
/// XCTAssertEqual(response.status, 200)
/// ```
final class OpsHTTP {
    struct Request {
        var method: String
        var target: String
        var headers: [String] = []
        var body: [UInt8] = []

        static func get(_ target: String, headers: [String] = []) -> Request {
            Request(method: "GET", target: target, headers: headers)
        }

        static func post(_ target: String, body: String, contentType: String, headers: [String] = []) -> Request {
            Request(method: "POST", target: target, headers: ["Content-Type: " + contentType] + headers, body: Array(body.utf8))
        }

        var bytes: [UInt8] {
            var head = "\(method) \(target) HTTP/1.1\r\nHost: callhook.test\r\n"
            for header in headers { head += header + "\r\n" }
            if method == "POST" { head += "Content-Length: \(body.count)\r\n" }
            return Array((head + "\r\n").utf8) + body
        }
    }

    struct Response: CustomStringConvertible {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
        var id: String? { json["id"] as? String }
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
        var description: String { "\(status) \(text)" }
    }

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int, host: String = "127.0.0.1", from source: String? = nil, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw OpsFailure("socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if let source {
            var local = try Self.address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else { close(fd); throw OpsFailure("bind \(source): \(String(cString: strerror(errno)))") }
        }
        var remote = try Self.address(host, port: port)
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw OpsFailure("connect \(host):\(port): \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    /// One request on a fresh connection.
    static func exchange(port: Int, _ request: Request, from source: String? = nil) throws -> Response {
        try OpsHTTP(port: port, from: source).send(request)
    }

    /// Sends one request and reads its response (framed by Content-Length; a response without
    /// one ends when the server closes).
    func send(_ request: Request) throws -> Response {
        let bytes = request.bytes
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw OpsFailure("send: \(String(cString: strerror(errno)))") }
            offset += n
        }
        return try receive(bodyExpected: request.method != "HEAD")
    }

    private func receive(bodyExpected: Bool) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.lowerBound
            if headEnd == nil { guard try fill() else { throw OpsFailure("connection closed before a response head") } }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + separator.count)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw OpsFailure("bad status line in \(head)") }
        let headers: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = Response(status: status, headers: headers, body: [])
        guard bodyExpected, status != 204, status != 304, status >= 200 else { return response }
        if let length = response.header("Content-Length").flatMap(Int.init) {
            while buffer.count < length { guard try fill() else { throw OpsFailure("connection closed inside a body") } }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try readChunked()
        } else {
            while try fill() {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    private func readChunked() throws -> [UInt8] {
        var body: [UInt8] = []
        let crlf: [UInt8] = [13, 10]
        while true {
            while buffer.firstRange(of: crlf) == nil { guard try fill() else { throw OpsFailure("closed in chunk size") } }
            let end = buffer.firstRange(of: crlf)!.lowerBound
            let sizeText = String(decoding: buffer[..<end], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw OpsFailure("bad chunk size") }
            buffer.removeFirst(end + 2)
            while buffer.count < size + 2 { guard try fill() else { throw OpsFailure("closed in chunk") } }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw OpsFailure("recv: \(String(cString: strerror(errno)))") }
            buffer += chunk[..<n]
            return n > 0
        }
    }

    private static func address(_ host: String, port: Int) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw OpsFailure("not an IPv4 address: \(host)") }
        return address
    }

    /// A TCP port nobody listens on now (bound and released), for a child that needs a fixed port.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = try Self.address("127.0.0.1", port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw OpsFailure("cannot find a free port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
