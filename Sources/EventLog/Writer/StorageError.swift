import Glibc
import System

/// Why a line could not be stored. The sender gets `503` + `Retry-After` and retries.
///
/// ```swift
/// do { _ = try EventLogWriter(path: path, fsync: .always) }
/// catch let error as StorageError { print("cannot open \(path): \(error)") }
/// ```
public enum StorageError: Error, Sendable, Equatable {
    /// `ENOSPC` or `EDQUOT`.
    case noSpace
    /// Any other failure of `open`, `write` or `fdatasync`, with the call's name and errno.
    case io(call: String, errno: Int32)
    /// The writer was closed.
    case closed

    /// Maps a failed call's errno: a full disk or quota is `.noSpace`, anything else `.io`.
    static func failed(_ call: String, errno code: Int32) -> StorageError {
        code == ENOSPC || code == EDQUOT ? .noSpace : .io(call: call, errno: code)
    }

    /// The storage view of a failed system call.
    init(_ error: SystemCallError) {
        self = .failed(error.call, errno: error.errno)
    }
}

extension StorageError: CustomStringConvertible {
    /// One line for diagnostics and `503` bodies, e.g. `write failed: Input/output error (errno 5)`.
    public var description: String {
        switch self {
        case .noSpace:
            return "no space left on device"
        case .io(let call, let code):
            return "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .closed:
            return "log closed"
        }
    }
}
