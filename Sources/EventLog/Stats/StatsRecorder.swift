import System

/// The writer's counters and health behind one mutex, updated once per batch (not per line).
final class StatsRecorder: Sendable {
    private let stats = Locked(EventLogStats())

    func snapshot(queueDepth: Int) -> EventLogStats {
        var copy = stats.withLock { $0 }
        copy.queueDepth = queueDepth
        return copy
    }

    var healthy: Bool {
        stats.withLock { $0.healthy }
    }

    func wrote(lines: Int, bytes: Int) {
        stats.withLock { s in
            s.linesWritten += UInt64(lines)
            s.bytesWritten += UInt64(bytes)
            s.batchesWritten += 1
        }
    }

    func synced(seconds: Double) {
        stats.withLock { s in
            s.fsyncs += 1
            s.fsyncLatency.observe(seconds: seconds)
        }
    }

    /// Marks the log unhealthy (keeping the first failure's time) and records the error.
    func failed(_ error: StorageError, batch: Bool) {
        let now = SystemClock.epochMilliseconds()
        stats.withLock { s in
            if batch { s.failedBatches += 1 }
            s.lastError = error
            if s.healthy {
                s.healthy = false
                s.unhealthySince = now
            }
        }
    }

    func recovered() {
        stats.withLock { s in
            s.healthy = true
            s.unhealthySince = nil
        }
    }

    func rejectedWhileUnhealthy(_ count: Int) {
        stats.withLock { $0.rejectedWhileUnhealthy += UInt64(count) }
    }

    /// A failure that does not make the log unhealthy (writes still land somewhere durable).
    func noted(_ error: StorageError) {
        stats.withLock { $0.lastError = error }
    }

    func reopened() {
        stats.withLock { $0.reopens += 1 }
    }

    func rotated() {
        stats.withLock { $0.rotations += 1 }
    }
}
