import System
import Glibc

/// A single writer with group commit for an append-only JSON Lines file.
///
/// Each log has its own writer thread. `append` only queues; the writer takes everything
/// queued as one batch, writes it with one `write`, and under `.always` calls `fdatasync`
/// before completing any line of it. Lines arriving meanwhile form the next batch. A failed
/// batch is cut from the file and failed as a whole; the log reports itself unhealthy and
/// tries again with later batches, recovering without a restart.
///
/// ```swift
/// let log = try EventLogWriter(path: "events.jsonl", fsync: .always)
/// log.append(line) { result in   // called on the writer's thread once the line is durable
///     respond(result)             // or has failed: nothing was acknowledged
/// }
/// log.append(other, start: .deferred) { _ in }   // queued, the writer not woken yet...
/// log.startDeferred()             // ...until the end of the event loop's round
/// log.reopen()                    // SIGHUP: logrotate moved the file
/// log.rotate(suffix: "-20261203T120000Z")   // SIGUSR1: the writer moves it itself
/// log.close()                     // flush, sync, stop
/// ```
///
/// The rejects log uses this same type.
public final class EventLogWriter: Sendable {
    /// The path as given; `reopen` opens it again by this name.
    public let path: String
    /// When this writer syncs.
    public let policy: FsyncPolicy
    private let queue: WriteQueue
    private let recorder: StatsRecorder

    /// Opens (creating when missing) `path` for appending and starts the writer thread.
    /// Throws `StorageError` (with errno) when the file cannot be opened.
    public convenience init(path: String, fsync: FsyncPolicy) throws(StorageError) {
        try self.init(path: path, fsync: fsync, retryDelayMilliseconds: 200)
    }

    /// As `init(path:fsync:)`; after a failed batch, appends fail at once (a fast `503`) for
    /// `retryDelayMilliseconds` before the next batch tries the disk again.
    public init(path: String, fsync: FsyncPolicy, retryDelayMilliseconds: Int) throws(StorageError) {
        // Everything that can fail comes before the stored properties are set: a throwing
        // init of a fully initialized object would run `deinit`, which waits for a writer.
        let queue = WriteQueue()
        let recorder = StatsRecorder()
        let file = try LogFile.open(path: path)
        let loop = WriterLoop(
            path: path, policy: fsync,
            retryDelayNanos: UInt64(max(retryDelayMilliseconds, 0)) * 1_000_000,
            file: file, queue: queue, stats: recorder)
        do throws(SystemCallError) {
            _ = try SystemThread.spawn(name: "log-writer", detached: true, loop.run)
        } catch {
            file.close()
            throw StorageError(error)
        }
        self.path = path
        self.policy = fsync
        self.queue = queue
        self.recorder = recorder
    }

    deinit {
        close()
    }

    /// When the writer starts on an appended line.
    public enum Start: Sendable {
        /// Wakes the writer if it sleeps.
        case now
        /// Leaves a sleeping writer asleep until `startDeferred()`, so that the lines of one
        /// round of an event loop cost one wake-up and go out as one batch. The caller must
        /// call `startDeferred()` soon (an event loop does, at the end of each round).
        case deferred
    }

    /// Queues one line (without its `\n`, which the writer adds). `completion` runs once,
    /// on the writer's thread, after the line is written (and synced under `.always`), or failed.
    /// After `close`, it runs at once on the caller's thread with `.closed`.
    public func append(_ line: [UInt8], start: Start = .now,
                       completion: @escaping @Sendable (Result<Void, StorageError>) -> Void) {
        if !queue.enqueue(PendingLine(line: line, completion: completion), wake: start == .now) {
            completion(.failure(.closed))
        }
    }

    /// Starts the writer on lines appended with `.deferred`, if it sleeps and any wait.
    public func startDeferred() { queue.wakeIfPending() }

    /// Reopens the file by name at the next batch boundary (for rotation); never splits a line.
    /// Only sets a flag and posts a semaphore, so it is safe even inside a signal handler.
    public func reopen() { queue.requestReopen() }

    /// Renames the file to `path + suffix` and opens a new one at `path`, at the next batch
    /// boundary. Every line before the rename is in the renamed file and every line after it in
    /// the new one, so a shipper that finishes a renamed file at the rename (rsyslog's imfile)
    /// misses none. A name already taken gets `.1`, `.2`, ... after the suffix. `done` runs on
    /// the writer's thread with the renamed file's path, nil if the path named another file
    /// already (then it only reopened), or the error that left the file as it was.
    public func rotate(suffix: String, done: @escaping @Sendable (Result<String?, StorageError>) -> Void = { _ in }) {
        queue.requestRotation(WriteQueue.Rotation(suffix: suffix, done: done))
    }

    /// The suffix a rotation at `seconds` since the Unix epoch gets: `-20261203T120000Z`, UTC,
    /// so rotated names sort in time order.
    public static func rotationSuffix(secondsSinceEpoch seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "-\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))"
            + "T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    /// Writes and syncs what is queued, then closes. Later appends fail with `.closed`.
    /// Blocks until done (except when called from a completion, on the writer thread).
    public func close() {
        _ = queue.requestClose()
        queue.waitUntilFinished()
    }

    /// Counters, health and queue depth, consistent with each other; cheap enough per scrape.
    public var stats: EventLogStats {
        recorder.snapshot(queueDepth: queue.depth)
    }

    /// False from a failed write or sync until a later batch succeeds.
    public var isHealthy: Bool { recorder.healthy }
}
