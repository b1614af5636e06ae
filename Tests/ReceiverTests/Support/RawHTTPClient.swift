import Foundation
import Glibc

/// A blocking TCP client that sends bytes exactly as given and parses what comes back, so
/// tests can send what a well-behaved HTTP library never would. Every read has a timeout, so
/// a server that hangs fails the test instead of hanging it.
///
/// ```swift
/// let client = try RawHTTPClient(port: server.port)
/// try client.send(Requests.get("/healthz"))
/// let response = try client.readResponse()
/// XCTAssertEqual(response.status, 200)
/// ```
final class RawHTTPClient {
    enum ClientError: Error, CustomStringConvertible {
        case system(String, Int32)
        case timedOut(after: Double, received: Int)
        case closedBeforeResponse(received: [UInt8])
        case malformedResponse(String)

        var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .timedOut(let seconds, let received): "no complete response within \(seconds) s (\(received) bytes buffered)"
            case .closedBeforeResponse(let bytes): "connection closed before a whole response; got \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            case .malformedResponse(let why): "malformed response: \(why)"
            }
        }
    }

    let fd: Int32
    /// Seconds any single wait for a response may take.
    var timeout: Double
    private var buffer: [UInt8] = []
    private var sawEOF = false

    init(port: Int, timeout: Double = 5) throws {
        self.timeout = timeout
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ClientError.system("socket", errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw ClientError.system("connect", code)
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { Glibc.close(fd) }

    // MARK: - Sending

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ClientError.system("send", errno)
            }
            offset += n
        }
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    // MARK: - Receiving

    /// The next response, `1xx` ones included.
    func readResponse() throws -> HTTPResponseMessage {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let (message, used) = try HTTPResponseMessage.parse(buffer, complete: sawEOF) {
                buffer.removeFirst(used)
                return message
            }
            if sawEOF { throw ClientError.closedBeforeResponse(received: buffer) }
            guard try fill(until: deadline) else { throw ClientError.timedOut(after: timeout, received: buffer.count) }
        }
    }

    /// The next final (non-`1xx`) response, with the informational ones that came before it.
    func readFinalResponse() throws -> (informational: [HTTPResponseMessage], final: HTTPResponseMessage) {
        var informational: [HTTPResponseMessage] = []
        while true {
            let response = try readResponse()
            if response.status >= 200 { return (informational, response) }
            informational.append(response)
        }
    }

    /// True when the peer closes (EOF or reset) within `seconds`; bytes read meanwhile are kept.
    func waitForClose(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !sawEOF {
            do {
                guard try fill(until: deadline) else { return false }
            } catch {
                return true  // reset
            }
        }
        return true
    }

    /// True when some byte arrives (or the peer closes) within `seconds`.
    func receivesSomething(within seconds: Double) throws -> Bool {
        if !buffer.isEmpty || sawEOF { return true }
        return try fill(until: Date().addingTimeInterval(seconds))
    }

    /// Everything buffered and not yet parsed.
    var unparsed: [UInt8] { buffer }
    var closedByPeer: Bool { sawEOF }

    /// Reads once, waiting at most until `deadline`; false when nothing came in time.
    private func fill(until deadline: Date) throws -> Bool {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollfd, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                throw ClientError.system("poll", errno)
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                if errno == ECONNRESET { sawEOF = true; return true }
                throw ClientError.system("recv", errno)
            }
            if n == 0 { sawEOF = true; return true }
            buffer.append(contentsOf: chunk[..<n])
            return true
        }
    }

    // MARK: - One-shot

    /// Connects, sends `request`, and returns the final response.
    static func exchange(port: Int, _ request: [UInt8], timeout: Double = 5) throws -> HTTPResponseMessage {
        let client = try RawHTTPClient(port: port, timeout: timeout)
        try client.send(request)
        return try client.readFinalResponse().final
    }
}
