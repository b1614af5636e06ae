import CallEvents
import Live
import Synchronization

/// The live views shared by the connections: fed by the write-completion path with each line
/// once it is durable, read by `/calls/*`. One lock around a value type; every call is short.
final class LiveHub: Sendable {
    private let views: Mutex<LiveViews>

    init(ttlSeconds: Int = 14_400) {
        views = Mutex(LiveViews(ttlSeconds: ttlSeconds))
    }

    /// Rebuilds from the tail of the log at start; a log that cannot be read leaves it empty.
    func rebuild(fromTailOf path: String, ttlSeconds ttl: Int, nowMilliseconds now: Int64) {
        guard let rebuilt = try? LiveViews.rebuilt(fromTailOf: path, ttlSeconds: ttl, nowMilliseconds: now) else {
            views.withLock { $0 = LiveViews(ttlSeconds: ttl) }
            return
        }
        views.withLock { $0 = rebuilt }
    }

    /// An event just made durable as `line`, in log order.
    func add(line: [UInt8], event: CallEvent) {
        let live = LiveEvent(line: line, event: event)
        views.withLock { $0.add(live) }
    }

    func activeJSON(nowMilliseconds now: Int64) -> [UInt8] {
        views.withLock { $0.expire(nowMilliseconds: now); return $0.activeJSON() }
    }

    func summaryJSON(by grouping: Grouping, since: String?, nowMilliseconds now: Int64) -> [UInt8] {
        views.withLock { $0.expire(nowMilliseconds: now); return $0.summaryJSON(by: grouping, since: since) }
    }
}
