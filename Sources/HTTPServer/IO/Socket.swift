#if canImport(Glibc)
import System
import Glibc
#endif
import CEpoll

/// A non-blocking TCP socket descriptor and the calls the server makes on it.
///
/// ```swift
/// let listener = try Socket.listen(on: SocketAddress(host: "127.0.0.1", port: 0), reusePort: true)
/// if case .ready(let (client, peer))? = try? listener.accept() { ... }
/// ```
struct Socket: Sendable, Hashable {
    let fd: Int32

    /// A listening socket with `SO_REUSEADDR` (and `SO_REUSEPORT`, so each loop can have its own).
    static func listen(on address: SocketAddress, reusePort: Bool, backlog: Int32 = 4096) throws(SystemCallError) -> Socket {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = try Syscall.blocking("socket") { socket(address.family, type, 0) }
        let listener = Socket(fd: fd)
        do {
            try listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)")
            if reusePort { try listener.setOption(SOL_SOCKET, SO_REUSEPORT, 1, "setsockopt(SO_REUSEPORT)") }
            _ = try address.withSockaddr { pointer, length throws(SystemCallError) in
                try Syscall.blocking("bind") { bind(fd, pointer, length) }
            }
            try Syscall.blocking("listen") { Glibc.listen(fd, backlog) }
        } catch {
            listener.close()
            throw error
        }
        return listener
    }

    /// The address the socket is bound to (the port the kernel chose for port 0).
    func localAddress() throws(SystemCallError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) in
                try Syscall.blocking("getsockname") { getsockname(fd, address, &length) }
            }
        }
        return SocketAddress(storage: storage, length: length)
    }

    /// Accepts one pending connection, non-blocking and close-on-exec.
    func accept() throws(SystemCallError) -> IOResult<(Socket, SocketAddress)> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let flags = Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let result = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) in
                try Syscall.call("accept4") { cepoll_accept4(fd, address, &length, flags) }
            }
        }
        switch result {
        case .ready(let client): return .ready((Socket(fd: client), SocketAddress(storage: storage, length: length)))
        case .notReady: return .notReady
        }
    }

    /// Responses go out as soon as they are written (no Nagle delay for small writes).
    func setNoDelay() {
        var on: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    func setOption(_ level: Int32, _ name: Int32, _ value: Int32, _ call: StaticString) throws(SystemCallError) {
        var value = value
        try Syscall.blocking(call) { setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) }
    }

    /// Reads what is there, up to `buffer.count`; `.ready(0)` is end of stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        try Syscall.call("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    /// Sends what the socket takes now; `MSG_NOSIGNAL` so a closed peer is an error, not SIGPIPE.
    func send(_ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        guard bytes.count > 0 else { return .ready(0) }
        return try Syscall.call("send") { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Half-closes: the peer reads end of stream after our last byte, while we can still read.
    func shutdownWrite() {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func close() {
        Syscall.close(fd)
    }
}
