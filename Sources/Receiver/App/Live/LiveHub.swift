import CallEvents
import EventLog
import Live
import System

/// The live views shared by the connections: fed by the write-completion path with each line
/// once it is durable, read by `/calls/*` and streamed by `/stream`. One lock around a value
/// type; every call is short.
final class LiveHub: Sendable {
    private let views: Locked<LiveViews>
    let streams: StreamHub

    init(ttlSeconds: Int = 14_400, maxStreams: Int = 1_000, streamBufferBytes: Int = 1_048_576) {
        views = Locked(LiveViews(ttlSeconds: ttlSeconds))
        streams = StreamHub(maxStreams: maxStreams, bufferBytes: streamBufferBytes)
    }

    /// Where a history read stops after a restart: the last line of each log at start.
    func resumeStreams(eventLog: String, rejectsLog: String) {
        func lastID(_ path: String) -> String? {
            guard let line = (try? LogTail.lastLines(path: path, count: 1))?.last else { return nil }
            return LiveEvent(line: line)?.id
        }
        streams.startAfterRestart(lastEventID: lastID(eventLog), lastRejectID: lastID(rejectsLog))
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
        streams.publish(line: line, event: live, log: .events)
    }

    /// One durable rejects line, in log order.
    func addReject(line: [UInt8]) {
        guard let event = LiveEvent(line: line) else { return }
        streams.publish(line: line, event: event, log: .rejects)
    }

    func activeJSON(nowMilliseconds now: Int64) -> [UInt8] {
        views.withLock { $0.expire(nowMilliseconds: now); return $0.activeJSON() }
    }

    func summaryJSON(by grouping: Grouping, since: String?, nowMilliseconds now: Int64) -> [UInt8] {
        views.withLock { $0.expire(nowMilliseconds: now); return $0.summaryJSON(by: grouping, since: since) }
    }
}
