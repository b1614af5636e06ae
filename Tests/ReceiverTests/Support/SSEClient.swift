import Foundation
import Glibc

/// A `/stream` reader over a raw socket: HTTP/1.0, so the body is the event stream as it is,
/// delimited by the close. Every read gives up after `timeout` seconds.
///
/// ```swift
/// let sse = try SSEClient(port: server.port, target: "/stream?type=call.ringing")
/// let message = try sse.next()          // id, event, data; comments and `retry` skipped
/// ```
final class SSEClient {
    struct Message: Equatable {
        var id: String?
        var event: String
        var data: String
    }

    enum Failure: Error { case timedOut, closed, status(String) }

    private var fd: Int32
    private var buffer: [UInt8] = []
    private(set) var head = ""

    /// `receiveBuffer` shrinks the socket's buffer, for a reader meant to fall behind.
    init(port: Int, target: String, headers: [String] = [], timeout: Double = 5, receiveBuffer: Int32? = nil,
         readHead: Bool = true) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw Failure.closed }
        let request = (["GET \(target) HTTP/1.0", "Host: 127.0.0.1"] + headers).joined(separator: "\r\n") + "\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        if readHead {
            head = try text(through: "\r\n\r\n")
            guard head.hasPrefix("HTTP/1.1 200") else { throw Failure.status(head) }
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The next message with an `event` field.
    func next() throws -> Message {
        while true {
            let block = try text(through: "\n\n")
            var message = Message(id: nil, event: "message", data: "")
            var hasEvent = false
            for line in block.split(separator: "\n") where !line.hasPrefix(":") {
                if line.hasPrefix("id: ") { message.id = String(line.dropFirst(4)) }
                if line.hasPrefix("event: ") { message.event = String(line.dropFirst(7)); hasEvent = true }
                if line.hasPrefix("data: ") { message.data = String(line.dropFirst(6)) }
            }
            if hasEvent { return message }
        }
    }

    /// The next `count` messages.
    func next(_ count: Int) throws -> [Message] { try (0..<count).map { _ in try next() } }

    /// True when the server closes within the timeout with nothing more sent.
    func closes() -> Bool {
        if !buffer.isEmpty { return false }
        do { try fill(); return false } catch Failure.closed { return true } catch { return false }
    }

    /// Closes with a reset, as a killed client would.
    func kill() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
        fd = -1
    }

    func text(through marker: String) throws -> String {
        let needle = Array(marker.utf8)
        var from = 0
        while true {
            if buffer.count >= needle.count {
                for i in from...(buffer.count - needle.count) where buffer[i..<(i + needle.count)].elementsEqual(needle) {
                    let end = i + needle.count
                    defer { buffer.removeFirst(end) }
                    return String(decoding: buffer[..<end], as: UTF8.self)
                }
                from = buffer.count - needle.count + 1
            }
            try fill()
        }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { buffer.append(contentsOf: chunk[..<n]); return }
        if n == 0 || errno == ECONNRESET { throw Failure.closed }
        throw Failure.timedOut
    }
}
