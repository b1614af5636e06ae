/// When the writer calls `fdatasync` (Documentation.docc/Receiver.md, "Storage").
///
/// ```swift
/// let log = try EventLogWriter(path: "events.jsonl", fsync: .interval(milliseconds: 200))
/// ```
public enum FsyncPolicy: Sendable, Equatable {
    /// Before acknowledging; requests that arrive together share one `write` + `fdatasync`.
    case always
    /// At most every N milliseconds; a line may be acknowledged before it is synced.
    case interval(milliseconds: Int)
    /// Never; the kernel writes back when it likes.
    case never
}
