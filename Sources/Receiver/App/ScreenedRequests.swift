import HTTPServer
import Synchronization
import System

/// The settings each request was screened under, kept until its `handle`, so a request that
/// was in flight during a reload finishes under the config it started with
/// (Documentation.docc/Receiver.md, "Storage": SIGHUP).
///
/// A connection has at most one request between `screen` and `handle`, so the connection is
/// the key. A connection that closes in between (a client gone mid-body) leaves its entry
/// behind; entries older than every body could take are dropped once the table grows.
///
/// ```swift
/// screened.remember(settings, for: connection)          // in screen
/// let settings = screened.take(for: connection) ?? now   // in handle
/// ```
final class ScreenedRequests: Sendable {
    private struct Entry {
        var settings: ReceiverSettings
        var since: Int
    }

    private let entries = Mutex<[Key: Entry]>([:])
    /// Past this many entries, stale ones are swept on the next insert.
    private let sweepAbove: Int

    private struct Key: Hashable {
        var address: String
        var port: Int
    }

    init(sweepAbove: Int = 4_096) {
        self.sweepAbove = sweepAbove
    }

    func remember(_ settings: ReceiverSettings, for connection: ConnectionInfo) {
        let now = SystemClock.monotonicMilliseconds()
        let limits = settings.configuration.limits
        // No request spends longer than this between its head and the end of its body.
        let stale = limits.headerTimeoutMilliseconds + limits.bodyTimeoutMilliseconds
        entries.withLock { entries in
            if entries.count >= sweepAbove {
                entries = entries.filter { now - $0.value.since <= stale }
            }
            entries[Key(address: connection.peerAddress, port: connection.peerPort)] = Entry(settings: settings, since: now)
        }
    }

    /// The settings the connection's current request was screened under, forgotten once read.
    func take(for connection: ConnectionInfo) -> ReceiverSettings? {
        entries.withLock { $0.removeValue(forKey: Key(address: connection.peerAddress, port: connection.peerPort))?.settings }
    }

    /// Entries held now (for tests).
    var count: Int { entries.withLock { $0.count } }
}
