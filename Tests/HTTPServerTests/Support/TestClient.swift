#if canImport(Glibc)
import System
import Glibc
#endif
import XCTest
@testable import HTTPServer

/// A blocking socket client for server tests; every read gives up after `timeout` seconds so a
/// broken server fails a test instead of hanging it.
final class TestClient {
    struct Response: Equatable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { asciiEqualsIgnoringCase($0.0, name) }?.1
        }

        static func == (a: Response, b: Response) -> Bool {
            a.status == b.status && a.body == b.body && a.headers.elementsEqual(b.headers, by: { $0 == $1 })
        }
    }

    enum Failure: Error { case timedOut, closed, malformed(String) }

    private(set) var fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `HOST:PORT` or `[V6]:PORT` as returned by `HTTPServer.start()`.
    init(_ address: String, timeout: Double = 3) throws {
        let (host, port) = Self.split(address)
        let socketAddress = try SocketAddress(host: host, port: port)
        fd = socket(socketAddress.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SystemCallError(call: "socket", errno: errno) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let result = try socketAddress.withSockaddr { pointer, length in connect(fd, pointer, length) }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw SystemCallError(call: "connect", errno: error)
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    static func split(_ address: String) -> (String, Int) {
        let colon = address.lastIndex(of: ":")!
        var host = String(address[..<colon])
        if host.hasPrefix("[") { host = String(host.dropFirst().dropLast()) }
        return (host, Int(address[address.index(after: colon)...])!)
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw SystemCallError(call: "send", errno: errno) }
            offset += n
        }
    }

    func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with a reset (SO_LINGER 0) instead of a FIN.
    func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
        fd = -1
    }

    /// Reads one response (a `100 Continue` counts as one).
    func readResponse() throws -> Response {
        let headEnd = try readUntil([13, 10, 13, 10])
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.split(separator: "\r\n" as Character, omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0] == "HTTP/1.1", let status = Int(statusLine[1]) else {
            throw Failure.malformed(head)
        }
        let headers = lines.map { line -> (String, String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...].drop(while: { $0 == " " })))
        }
        var response = Response(status: status, headers: headers, body: [])
        if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            while buffer.count < length { try fill() }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        }
        return response
    }

    /// The bytes up to and including `marker`, as text (a streamed body read piece by piece).
    func read(through marker: String) throws -> String {
        let bytes = Array(marker.utf8)
        let end = try readUntil(bytes) + bytes.count
        defer { buffer.removeFirst(end) }
        return String(decoding: buffer[..<end], as: UTF8.self)
    }

    /// True when the server closed (EOF or reset) with no further bytes; false if bytes came.
    func readsEndOfStream() throws -> Bool {
        if !buffer.isEmpty { return false }
        do {
            try fill()
            return false
        } catch Failure.closed {
            return true
        }
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var from = 0
        while true {
            if buffer.count >= marker.count {
                for i in from...(buffer.count - marker.count) where buffer[i..<(i + marker.count)].elementsEqual(marker) {
                    return i
                }
                from = buffer.count - marker.count + 1
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[..<n])
        } else if n == 0 || errno == ECONNRESET {
            throw Failure.closed
        } else if errno == EAGAIN || errno == EWOULDBLOCK {
            throw Failure.timedOut
        } else {
            throw SystemCallError(call: "recv", errno: errno)
        }
    }
}
