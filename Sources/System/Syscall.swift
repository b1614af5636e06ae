#if canImport(Glibc)
import Glibc
#endif

/// The one place system calls go through (the shape of NIOPosix's `System.swift`).
///
/// ```swift
/// func fdatasync(_ fd: Int32) throws(SystemCallError) {
///     try Syscall.blocking { Glibc.fdatasync(fd) }   // fails as "fdatasync(_:)" by #function
/// }
/// let n = try Syscall.blocking("write") { write(fd, base, count) }
/// ```
///
/// `EINTR` is retried; `EAGAIN` is "not ready" on `call` and a failure on `blocking`; `EBADF`
/// and `EFAULT` mean the program passed a bad descriptor or pointer, so they trap rather than
/// travel as errors; `close` is never retried.
public enum Syscall {
    /// Runs `body` (a call that returns -1 and sets `errno` on failure), retrying on `EINTR`.
    /// `EAGAIN` becomes `.notReady`; any other failure throws with the call's name.
    @inline(__always)
    public static func call<T: FixedWidthInteger>(_ name: StaticString = #function, _ body: () -> T) throws(SystemCallError) -> IOResult<T> {
        while true {
            let result = body()
            if result != -1 { return .ready(result) }
            let error = Glibc.errno
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { return .notReady }
            precondition(error != EBADF && error != EFAULT, "\(name): a bad descriptor or pointer (errno \(error))")
            throw SystemCallError(call: "\(name)", errno: error)
        }
    }

    /// For blocking calls, where `EAGAIN` cannot happen or is itself a failure.
    @inline(__always)
    @discardableResult
    public static func blocking<T: FixedWidthInteger>(_ name: StaticString = #function, _ body: () -> T) throws(SystemCallError) -> T {
        switch try call(name, body) {
        case .ready(let value): return value
        case .notReady: throw SystemCallError(call: "\(name)", errno: EAGAIN)
        }
    }

    /// Calls that return 0 or an error number themselves (`pthread_create`), never -1 and errno.
    @inline(__always)
    public static func returningError(_ name: StaticString = #function, _ body: () -> Int32) throws(SystemCallError) {
        let code = body()
        if code != 0 { throw SystemCallError(call: "\(name)", errno: code) }
    }

    /// Closes once. Never retried on `EINTR`: on Linux the descriptor is already gone then, and a
    /// retry could close a descriptor another thread has just been given.
    @inline(__always)
    public static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }
}
