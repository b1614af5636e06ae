import System
import Glibc

/// The body of a log's writer thread: takes every queued line as one batch, writes it with
/// one `write`, syncs per policy, then completes the batch. Owns the descriptor and buffers;
/// nothing here is touched by any other thread.
final class WriterLoop {
    private let path: String
    private let policy: FsyncPolicy
    private let retryDelayNanos: UInt64
    private let queue: WriteQueue
    private let stats: StatsRecorder

    private var file: LogFile
    /// Reused for every batch: the lines and their newlines, contiguous for one `write`.
    private var buffer: [UInt8] = []
    /// The spare array `WriteQueue.take` swaps with the queue.
    private var batch: [PendingLine] = []
    /// Written since the last `fdatasync`.
    private var dirty = false
    private var lastSyncNanos: UInt64 = 0

    private var lastError: StorageError?
    /// While unhealthy, batches before this instant fail at once instead of touching the disk.
    private var nextAttemptNanos: UInt64 = 0
    /// Bytes of a failed batch still at the end of the file, when cutting them failed too.
    private var pendingCut = 0
    /// A reopen that could not open the new file; tried again at later batch boundaries.
    private var reopenPending = false
    /// False once the file system has said it cannot `fallocate`: recovery then waits for a batch.
    private var probesStorage = true

    /// Keeps the buffer from holding on to a rare huge batch forever.
    private static let bufferKeepLimit = 4 << 20

    init(path: String, policy: FsyncPolicy, retryDelayNanos: UInt64, file: LogFile,
         queue: WriteQueue, stats: StatsRecorder) {
        self.path = path
        self.policy = policy
        self.retryDelayNanos = retryDelayNanos
        self.file = file
        self.queue = queue
        self.stats = stats
        self.lastSyncNanos = SystemClock.monotonicNanos()
    }

    func run() {
        queue.writerStarted()
        while true {
            guard let signals = queue.take(into: &batch) else {
                idle()
                continue
            }
            for rotation in signals.rotations { rotation.done(rotate(suffix: rotation.suffix)) }
            if signals.rotations.isEmpty && (signals.reopen || reopenPending) { reopen() }
            // A batch goes to the file the path names now, not to one logrotate renamed a
            // moment ago: a shipper that finishes a renamed file at the rename (rsyslog's
            // imfile) would never read lines written there before the SIGHUP arrives.
            if !batch.isEmpty, !file.isStillNamed(by: path) { reopen() }
            if !batch.isEmpty { commit() }
            if signals.closing {
                finish()
                return
            }
        }
    }

    // MARK: Batches

    private func commit() {
        defer { batch.removeAll(keepingCapacity: true) }
        let now = SystemClock.monotonicNanos()
        if let error = lastError, now < nextAttemptNanos {
            // Still failing and too soon to retry: a fast 503 instead of a slow one.
            stats.rejectedWhileUnhealthy(batch.count)
            complete(.failure(error))
            return
        }
        fillBuffer()
        do throws(StorageError) {
            try writeBuffer()
        } catch {
            lastError = error
            nextAttemptNanos = SystemClock.monotonicNanos() + retryDelayNanos
            stats.failed(error, batch: true)
            complete(.failure(error))
            return
        }
        stats.wrote(lines: batch.count, bytes: buffer.count)
        if lastError != nil {
            lastError = nil
            stats.recovered()
        }
        complete(.success(()))
        if case .interval(let ms) = policy, dirty,
           SystemClock.monotonicNanos() - lastSyncNanos >= UInt64(max(ms, 0)) * 1_000_000 {
            syncAcknowledged()
        }
    }

    private func fillBuffer() {
        if buffer.capacity > Self.bufferKeepLimit {
            buffer = []
        } else {
            buffer.removeAll(keepingCapacity: true)
        }
        for pending in batch {
            buffer.append(contentsOf: pending.line)
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes the batch (and syncs it under `.always`). On failure the bytes of the batch that
    /// reached the file are cut from its end: no partial line, and no unacknowledged line that
    /// a retried delivery would duplicate. Counting them, rather than asking the file where it
    /// ended before each batch, saves an `lseek` per batch.
    private func writeBuffer() throws(StorageError) {
        if pendingCut > 0 {
            try file.cutTail(pendingCut)
            pendingCut = 0
        }
        var written = 0
        do throws(StorageError) {
            let file = self.file
            try buffer.withUnsafeBytes { bytes in
                Result { () throws(StorageError) in try file.writeAll(bytes, written: &written) }
            }.get()
            dirty = true
            if policy == .always { try sync() }
        } catch {
            if (try? file.cutTail(written)) == nil { pendingCut = written }
            throw error
        }
    }

    private func sync() throws(StorageError) {
        let started = SystemClock.monotonicNanos()
        try file.dataSync()
        let ended = SystemClock.monotonicNanos()
        lastSyncNanos = ended
        dirty = false
        stats.synced(seconds: Double(ended - started) / 1e9)
    }

    /// Syncs lines that were already acknowledged (`.interval`, reopen, close). They stay in
    /// the file if it fails; the error only marks the log unhealthy.
    private func syncAcknowledged() {
        do throws(StorageError) {
            try sync()
        } catch {
            lastError = error
            nextAttemptNanos = SystemClock.monotonicNanos() + retryDelayNanos
            stats.failed(error, batch: false)
        }
    }

    private func complete(_ result: Result<Void, StorageError>) {
        for pending in batch {
            pending.completion(result)
        }
    }

    // MARK: Idle, reopen, close

    private func idle() {
        if lastError != nil && probesStorage {
            // Unhealthy: try the disk again on its own, so `/healthz` (and a load balancer's
            // check of it) sees it recover without waiting for a delivery that will not come.
            let now = SystemClock.monotonicNanos()
            if now >= nextAttemptNanos || !queue.sleep(atMostNanos: nextAttemptNanos - now) { probeStorage() }
            return
        }
        guard case .interval(let ms) = policy, dirty else {
            queue.sleep()
            return
        }
        let due = lastSyncNanos + UInt64(max(ms, 0)) * 1_000_000
        let now = SystemClock.monotonicNanos()
        if now >= due || !queue.sleep(atMostNanos: due - now) {
            syncAcknowledged()
        }
    }

    /// With nothing queued, whether the disk takes writes again: a failed batch's leftover cut,
    /// room reserved past the end (`fallocate`, the file's size unchanged), a sync. Success
    /// makes the log healthy. A file system without `fallocate` is left to the next batch.
    private func probeStorage() {
        do throws(StorageError) {
            if pendingCut > 0 {
                try file.cutTail(pendingCut)
                pendingCut = 0
            }
            try file.reserve(Self.probeBytes)
            try file.dataSync()
        } catch {
            if case .io(_, let code) = error, code == EOPNOTSUPP { probesStorage = false }
            nextAttemptNanos = SystemClock.monotonicNanos() + retryDelayNanos
            return
        }
        lastError = nil
        dirty = false
        stats.recovered()
    }

    /// Room a probe asks for: more than a batch of typical lines.
    private static let probeBytes = 64 << 10

    /// Opens the path again (logrotate moved the file), syncing and closing the old one. The
    /// new file is opened first: if that fails, lines keep going to the old one and the
    /// reopen is tried again at the next batch, no sooner than the retry delay.
    private func reopen() {
        let now = SystemClock.monotonicNanos()
        if reopenPending && now < nextAttemptNanos { return }
        let fresh: LogFile
        do throws(StorageError) {
            fresh = try LogFile.open(path: path)
        } catch {
            reopenPending = true
            nextAttemptNanos = now + retryDelayNanos
            stats.noted(error)
            return
        }
        reopenPending = false
        if dirty { syncAcknowledged() }
        if pendingCut > 0 {
            // The old file still holds a failed batch's tail; cut it before leaving it.
            if (try? file.cutTail(pendingCut)) != nil { pendingCut = 0 }
        }
        file.close()
        file = fresh
        pendingCut = 0
        dirty = false
        stats.reopened()
    }

    /// Renames the open file to `path + suffix` (the first free name from there) and opens a
    /// new one at the path. Lines are synced before the rename, so the renamed file is whole
    /// on disk too. If the path no longer names the open file (someone else rotated it), this
    /// is a reopen. A failed rename leaves everything as it was.
    private func rotate(suffix: String) -> Result<String?, StorageError> {
        guard file.isStillNamed(by: path), access(path, F_OK) == 0 else {
            reopen()
            return .success(nil)
        }
        if dirty { syncAcknowledged() }
        var target = path + suffix
        var taken = 0
        while access(target, F_OK) == 0 {
            taken += 1
            target = path + suffix + ".\(taken)"
        }
        do throws(SystemCallError) {
            try Syscall.blocking("rename") { Glibc.rename(path, target) }
        } catch {
            stats.noted(StorageError(error))
            return .failure(StorageError(error))
        }
        stats.rotated()
        // The new file's creation syncs the directory, which makes the rename durable as well.
        reopen()
        return .success(target)
    }

    private func finish() {
        if dirty { syncAcknowledged() }
        file.close()
        queue.writerFinished()
    }
}
