#if canImport(Glibc)
import Glibc
#endif

/// A system call that failed, with its name and `errno`.
///
/// ```swift
/// do { _ = try Syscall.call("bind") { bind(fd, address, length) } }
/// catch { print(error) }   // "bind: Address already in use (errno 98)"
/// ```
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that failed, as named by its caller (`"accept4"`, `"epoll_ctl"`).
    public var call: String
    public var errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

/// The outcome of a call on a non-blocking descriptor.
enum IOResult<Value> {
    /// The call did something and returned this.
    case ready(Value)
    /// `EAGAIN`: try again when epoll says the descriptor is ready.
    case notReady
}

/// The one place system calls go through.
enum Syscall {
    /// Runs `body` (a call that returns -1 and sets `errno` on failure), retrying on `EINTR`.
    /// `EAGAIN` becomes `.notReady`; any other failure throws with the call's name.
    @inline(__always)
    static func call<T: FixedWidthInteger>(_ name: StaticString, _ body: () -> T) throws(SystemCallError) -> IOResult<T> {
        while true {
            let result = body()
            if result != -1 { return .ready(result) }
            let error = Glibc.errno
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { return .notReady }
            throw SystemCallError(call: "\(name)", errno: error)
        }
    }

    /// For blocking calls, where `EAGAIN` cannot happen or is itself a failure.
    @inline(__always)
    @discardableResult
    static func blocking<T: FixedWidthInteger>(_ name: StaticString, _ body: () -> T) throws(SystemCallError) -> T {
        switch try call(name, body) {
        case .ready(let value): return value
        case .notReady: throw SystemCallError(call: "\(name)", errno: EAGAIN)
        }
    }

    /// Closes once. Never retried on `EINTR`: on Linux the descriptor is already gone then, and a
    /// retry could close a descriptor another thread has just been given.
    @inline(__always)
    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
