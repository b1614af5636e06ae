import CallEvents
import EventLog

/// The read-only views of the log kept as lines are written: calls in progress, the numbers
/// since start, and the recent lines a resuming stream needs. No sockets, no HTTP: the writer
/// feeds it lines after they are durable, and the app asks it for the `/calls/*` bodies.
///
/// ```swift
/// var live = try LiveViews.rebuilt(fromTailOf: "events.jsonl", ttlSeconds: 14_400, nowMilliseconds: now)
/// live.add(line: writtenLine)
/// let body = live.activeJSON(nowMilliseconds: now)
/// ```
public struct LiveViews: Sendable {
    public private(set) var active: ActiveCalls
    public private(set) var tally = CallTally()
    public private(set) var recent: RecentLines

    public init(ttlSeconds: Int = 14_400, recentCapacity: Int = 4096, recentBytes: Int = 8 << 20) {
        active = ActiveCalls(ttlSeconds: ttlSeconds)
        recent = RecentLines(capacity: recentCapacity, maxBytes: recentBytes)
    }

    /// Rebuilt from the last `tailLines` lines of the log, so calls in progress and recent
    /// lines survive a restart; calls silent for longer than the TTL are dropped from view.
    public static func rebuilt(fromTailOf path: String, tailLines: Int = 100_000, ttlSeconds: Int = 14_400,
                               nowMilliseconds now: Int64) throws -> LiveViews {
        var views = LiveViews(ttlSeconds: ttlSeconds)
        for line in try LogTail.lastLines(path: path, count: tailLines) { views.add(line: line) }
        views.expire(nowMilliseconds: now)
        return views
    }

    /// One line as written (without its `\n`).
    public mutating func add(line: [UInt8]) {
        guard let event = LiveEvent(line: line) else { return }
        add(event)
    }

    public mutating func add(_ event: LiveEvent) {
        if let id = event.id { recent.append(id: id, line: event.line) }
        if let ended = active.add(event) { tally.count(ended) }
    }

    /// Moves calls past their TTL out of progress; they count as calls that never ended.
    public mutating func expire(nowMilliseconds now: Int64) {
        for call in active.expire(nowMilliseconds: now) { tally.count(call) }
    }

    /// The `/calls/active` body: a JSON array, newest first.
    public func activeJSON() -> [UInt8] {
        var w = JSONWriter(capacity: 256 * (active.count + 1))
        w.raw("[")
        for (i, call) in active.newestFirst.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw(#"{"call":"#); w.string(call.vendor + ":" + call.callID)
            w.raw(#","vendor":"#); w.string(call.vendor)
            w.raw(#","call_id":"#); w.string(call.callID)
            w.raw(#","state":"#); w.string(call.state.rawValue)
            w.raw(#","direction":"#); w.string(call.direction)
            w.raw(#","from":"#); w.string(call.from)
            w.raw(#","to":"#); w.string(call.to)
            w.raw(#","extension":"#); w.string(call.extension)
            w.raw(#","started_at":"#); w.string(call.startedAt)
            w.raw(#","answered_at":"#); w.string(call.answeredAt)
            w.raw(#","last_event_at":"#); w.string(call.lastEventAt)
            w.raw(#","events":"#); w.integer(call.events)
            w.raw("}")
        }
        w.raw("]")
        return w.bytes
    }

    /// The `/calls/summary` body: `{"since", "by", "groups": [...]}`, calls still in progress
    /// counted in `calls`. `since` counts calls started in its hour or later.
    public func summaryJSON(by grouping: Grouping, since: String?) -> [UInt8] {
        let rows = tally.grouped(by: grouping, sinceHour: since.map { String($0.prefix(13)) }, open: active.all)
        var w = JSONWriter(capacity: 256 * (rows.count + 1))
        w.raw(#"{"since":"#); w.string(since)
        w.raw(#","by":"#); w.string(grouping.rawValue)
        w.raw(#","groups":["#)
        for (i, row) in rows.enumerated() {
            if i > 0 { w.raw(",") }
            Self.write(row.numbers, group: row.group, to: &w)
        }
        w.raw("]}")
        return w.bytes
    }

    /// One group's numbers as a JSON object (shared with `callhook stats --json`).
    public static func write(_ n: CallNumbers, group: String, to w: inout JSONWriter) {
        w.raw(#"{"group":"#); w.string(group)
        w.raw(#","calls":"#); w.integer(n.calls)
        w.raw(#","answered":"#); w.integer(n.answered)
        w.raw(#","missed":"#); w.integer(n.missed)
        w.raw(#","answer_rate":"#); number(n.answerRate, &w)
        w.raw(#","talk_seconds_total":"#); w.integer(n.talkSeconds)
        w.raw(#","talk_seconds_average":"#); number(n.averageTalkSeconds, &w)
        w.raw(#","seconds_to_answer_average":"#); number(n.averageSecondsToAnswer, &w)
        w.raw(#","busiest_hour":"#); w.integer(n.busiestHour)
        w.raw("}")
    }

    /// Three decimals, no exponent; `null` when unknown.
    static func number(_ value: Double?, _ w: inout JSONWriter) {
        guard let value, value.isFinite else { w.raw("null"); return }
        let thousandths = Int((value * 1000).rounded())
        var text = String(thousandths / 1000) + "." 
        let frac = String(abs(thousandths % 1000))
        text += String(repeating: "0", count: 3 - frac.count) + frac
        if thousandths < 0 && thousandths > -1000 { text = "-" + text }
        w.bytes.append(contentsOf: text.utf8)
    }
}
