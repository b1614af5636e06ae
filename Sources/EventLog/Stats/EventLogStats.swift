/// Counters of one log writer for `/metrics` and `/healthz`; a consistent snapshot.
///
/// ```swift
/// let s = log.stats
/// print("log_lines_written_total \(s.linesWritten)")
/// if !s.healthy { print("storage failing since \(s.unhealthySince!): \(s.lastError!)") }
/// ```
public struct EventLogStats: Sendable, Equatable {
    /// Lines written and acknowledged (after their sync under `.always`).
    public var linesWritten: UInt64 = 0
    /// Bytes of those lines, newlines included.
    public var bytesWritten: UInt64 = 0
    /// Batches written, each with one `write` (more only after a short write): lines per
    /// batch is how well group commit groups.
    public var batchesWritten: UInt64 = 0
    /// Completed `fdatasync` calls.
    public var fsyncs: UInt64 = 0
    /// How long each completed `fdatasync` took.
    public var fsyncLatency = LatencyHistogram()
    /// Batches that failed (nothing of them stayed in the file).
    public var failedBatches: UInt64 = 0
    /// Appends failed straight away while the log was unhealthy and waiting to retry.
    public var rejectedWhileUnhealthy: UInt64 = 0
    /// Times the file was reopened by name.
    public var reopens: UInt64 = 0
    /// Times the writer renamed the file itself (`EventLogWriter.rotate(suffix:)`).
    public var rotations: UInt64 = 0
    /// Lines queued and not yet taken by the writer.
    public var queueDepth: Int = 0

    /// False from a failed write or sync until the next batch that succeeds.
    public var healthy = true
    /// When the log became unhealthy, in milliseconds since the Unix epoch; nil while healthy.
    public var unhealthySince: Int64?
    /// The most recent storage error, kept after recovery for diagnostics.
    public var lastError: StorageError?

    public init() {}
}
