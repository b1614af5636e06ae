import Foundation
import Glibc

/// The one blocking HTTP/1.1 test client: it sends bytes exactly as given (what a well-behaved
/// HTTP library never would), cut where a test says, and parses what comes back. Every wait has
/// a deadline, so a server that hangs fails the test instead of hanging it. It can bind a chosen
/// loopback source address, so a test can play a client at `127.0.0.3`. Nagle is off: each
/// `send` leaves at once as its own segment.
///
/// ```swift
/// let client = try HTTPTestClient(port: server.port)              // or HTTPTestClient("[::1]:8080")
/// try client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
/// XCTAssertEqual(try client.readResponse().status, 200)
/// XCTAssertTrue(client.waitForClose(seconds: 2))
/// let answer = try HTTPTestClient.exchange(port: server.port, .get("/metrics"))   // one-shot
/// ```
///
/// Adopting it: `import TestKit`; it replaces hand-written socket code in a test (one-shot
/// requests through `exchange`, keep-alive through `request(_:)`, raw bytes through `send`).
public final class HTTPTestClient {
    /// Why the client (not the server under test) gave up.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case system(String, Int32)
        case timedOut(after: Double, received: Int)
        case closedBeforeResponse(received: [UInt8])
        case malformedResponse(String)

        public var description: String {
            switch self {
            case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
            case .timedOut(let seconds, let received): "no complete response within \(seconds) s (\(received) bytes buffered)"
            case .closedBeforeResponse(let bytes): "connection closed before a whole response; got \(String(decoding: bytes, as: UTF8.self).debugDescription)"
            case .malformedResponse(let why): "malformed response: \(why)"
            }
        }
    }

    public private(set) var fd: Int32
    /// Seconds any single wait for a response may take.
    public var timeout: Double
    private var buffer: [UInt8] = []
    private var sawEOF = false

    /// Connects to `host` (IPv4 or IPv6 text), port `port`, from `source` when given.
    public init(port: Int, host: String = "127.0.0.1", from source: String? = nil, timeout: Double = 5) throws {
        self.timeout = timeout
        let remote = try Self.address(host == "localhost" ? "127.0.0.1" : host, port: port)
        fd = socket(Int32(remote.ss_family), Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure.system("socket", errno) }
        if let source {
            var local = try Self.address(source, port: 0)
            let localLength = Self.length(of: local)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, localLength) }
            }
            guard bound == 0 else { let code = errno; Glibc.close(fd); throw Failure.system("bind \(source)", code) }
        }
        var target = remote
        let targetLength = Self.length(of: remote)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, targetLength) }
        }
        guard connected == 0 else { let code = errno; Glibc.close(fd); throw Failure.system("connect", code) }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Connects to `HOST:PORT` or `[V6]:PORT`, as `HTTPServer.start()` returns it.
    public convenience init(_ address: String, timeout: Double = 3) throws {
        let (host, port) = Self.split(address)
        try self.init(port: port, host: host, timeout: timeout)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// `HOST:PORT` or `[V6]:PORT` as host and port.
    public static func split(_ address: String) -> (String, Int) {
        let colon = address.lastIndex(of: ":")!
        var host = String(address[..<colon])
        if host.hasPrefix("[") { host = String(host.dropFirst().dropLast()) }
        return (host, Int(address[address.index(after: colon)...])!)
    }

    // MARK: - Sending

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.system("send", errno)
            }
            offset += n
        }
    }

    /// Sends `bytes` cut at the ascending offsets `cuts`, pausing between pieces so the server
    /// most likely reads them apart (were two to arrive together, the answer must not change).
    public func send(_ bytes: [UInt8], cuts: [Int], pauseMicroseconds: UInt32 = 1_000) throws {
        var start = 0
        for end in cuts + [bytes.count] where end > start {
            try send(Array(bytes[start..<end]))
            start = end
            if end < bytes.count { usleep(pauseMicroseconds) }
        }
    }

    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Closes with a reset (SO_LINGER 0) instead of a FIN.
    public func reset() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        Glibc.close(fd)
        fd = -1
    }

    // MARK: - Receiving

    /// The next response, `1xx` ones included; `bodyExpected` false for the answer to a HEAD.
    public func readResponse(bodyExpected: Bool = true) throws -> HTTPTestResponse {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let (message, used) = try HTTPTestResponse.parse(buffer, complete: sawEOF, bodyExpected: bodyExpected) {
                buffer.removeFirst(used)
                return message
            }
            if sawEOF { throw Failure.closedBeforeResponse(received: buffer) }
            guard try fill(until: deadline) else { throw Failure.timedOut(after: timeout, received: buffer.count) }
        }
    }

    /// The next final (non-`1xx`) response, with the informational ones that came before it.
    public func readFinalResponse(bodyExpected: Bool = true) throws -> (informational: [HTTPTestResponse], final: HTTPTestResponse) {
        var informational: [HTTPTestResponse] = []
        while true {
            let response = try readResponse(bodyExpected: bodyExpected)
            if response.status >= 200 { return (informational, response) }
            informational.append(response)
        }
    }

    /// True when the server closed (EOF or reset) with no further bytes; false when bytes came.
    /// Throws `timedOut` when neither happens within `timeout`.
    public func readsEndOfStream() throws -> Bool {
        if !buffer.isEmpty { return false }
        if sawEOF { return true }
        guard try fill(until: Date().addingTimeInterval(timeout)) else { throw Failure.timedOut(after: timeout, received: 0) }
        return buffer.isEmpty && sawEOF
    }

    /// True when the peer closes (EOF or reset) within `seconds`; bytes read meanwhile are kept.
    public func waitForClose(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !sawEOF {
            do {
                guard try fill(until: deadline) else { return false }
            } catch {
                return true
            }
        }
        return true
    }

    /// True when some byte arrives (or the peer closes) within `seconds`.
    public func receivesSomething(within seconds: Double) throws -> Bool {
        if !buffer.isEmpty || sawEOF { return true }
        return try fill(until: Date().addingTimeInterval(seconds))
    }

    /// Everything buffered and not yet parsed.
    public var unparsed: [UInt8] { buffer }
    public var closedByPeer: Bool { sawEOF }

    /// The bytes up to and including `marker`, as text: a streamed body read piece by piece.
    public func read(through marker: String) throws -> String {
        let needle = Array(marker.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if buffer.count >= needle.count,
               let start = (0...(buffer.count - needle.count)).first(where: { buffer[$0..<($0 + needle.count)].elementsEqual(needle) }) {
                let end = start + needle.count
                defer { buffer.removeFirst(end) }
                return String(decoding: buffer[..<end], as: UTF8.self)
            }
            if sawEOF { throw Failure.closedBeforeResponse(received: buffer) }
            guard try fill(until: deadline) else { throw Failure.timedOut(after: timeout, received: buffer.count) }
        }
    }

    /// Reads once, waiting at most until `deadline`; false when nothing came in time.
    private func fill(until deadline: Date) throws -> Bool {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return false }
            var pollfd = Glibc.pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pollfd, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                throw Failure.system("poll", errno)
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                if errno == ECONNRESET { sawEOF = true; return true }
                throw Failure.system("recv", errno)
            }
            if n == 0 { sawEOF = true; return true }
            buffer.append(contentsOf: chunk[..<n])
            return true
        }
    }

    // MARK: - Addresses

    static func address(_ host: String, port: Int) throws -> sockaddr_storage {
        var storage = sockaddr_storage()
        let parsed = withUnsafeMutablePointer(to: &storage) { pointer -> Bool in
            if host.contains(":") {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    $0.pointee.sin6_family = sa_family_t(AF_INET6)
                    $0.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                    return inet_pton(AF_INET6, host, &$0.pointee.sin6_addr) == 1
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                $0.pointee.sin_family = sa_family_t(AF_INET)
                $0.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                return inet_pton(AF_INET, host, &$0.pointee.sin_addr) == 1
            }
        }
        guard parsed else { throw Failure.malformedResponse("not an IP address: \(host)") }
        return storage
    }

    static func length(of address: sockaddr_storage) -> socklen_t {
        socklen_t(Int32(address.ss_family) == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
    }
}
