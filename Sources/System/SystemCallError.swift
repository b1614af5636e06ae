#if canImport(Glibc)
import Glibc
#endif

/// A system call that failed, with its name and `errno`: the one errno error of the package.
///
/// ```swift
/// do { try Syscall.blocking { bind(fd, address, length) } }
/// catch { print(error) }   // "bind: Address already in use (errno 98)"
/// ```
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that failed (`"accept4"`, `"epoll_ctl"`), by default the caller's `#function`.
    public var call: String
    /// The `errno` the call set.
    public var errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call): \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
