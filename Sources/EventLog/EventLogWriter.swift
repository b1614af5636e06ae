/// When the writer calls `fdatasync` (receiver.md, "Storage").
public enum FsyncPolicy: Sendable, Equatable {
    /// Before acknowledging; requests that arrive together share one `write` + `fdatasync`.
    case always
    /// At most every N milliseconds; a line may be acknowledged before it is synced.
    case interval(milliseconds: Int)
    /// Never; the kernel writes back when it likes.
    case never
}

/// Why a line could not be stored. The sender gets `503` + `Retry-After` and retries.
public enum StorageError: Error, Sendable, Equatable {
    /// `ENOSPC` or `EDQUOT`.
    case noSpace
    /// Any other failure of `open`, `write` or `fdatasync`, with the call's name and errno.
    case io(call: String, errno: Int32)
    /// The writer was closed.
    case closed
}

/// A single writer with group commit for an append-only JSON Lines file.
///
/// ```swift
/// let log = try EventLogWriter(path: "events.jsonl", fsync: .always)
/// log.append(line) { result in   // called on the writer's thread once the line is durable
///     respond(result)             // or has failed: nothing was acknowledged
/// }
/// log.reopen()                    // SIGHUP: logrotate moved the file
/// log.close()                     // flush, sync, stop
/// ```
public final class EventLogWriter: Sendable {
    public init(path: String, fsync: FsyncPolicy) throws {
        fatalError("not implemented")
    }

    /// Queues one line (without its `\n`, which the writer adds). `completion` runs once,
    /// on the writer's thread, after the line is written (and synced under `.always`), or failed.
    public func append(_ line: [UInt8], completion: @escaping @Sendable (Result<Void, StorageError>) -> Void) {
        fatalError("not implemented")
    }

    /// Reopens the file by name at the next batch boundary (for rotation); never splits a line.
    public func reopen() { fatalError("not implemented") }

    /// Writes and syncs what is queued, then closes. Later appends fail with `.closed`.
    public func close() { fatalError("not implemented") }
}
