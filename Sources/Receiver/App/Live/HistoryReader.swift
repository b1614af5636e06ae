import CallEvents
import Glibc
import HTTPServer
import Live

/// The history a resuming `/stream` subscriber is owed (Documentation.docc/Live.md, "Resume"):
/// the current log file's lines after an id (or from a time), up to and including `boundary`,
/// the last line known durable when the subscriber registered; later lines reach it live.
/// An id not in the file, or a time before its first line, gets one `gap` message and the
/// history starts at the file's beginning.
///
/// ```swift
/// HistoryReader(path: "events.jsonl", start: .after(id), boundary: last, filter: f, log: .events).send(to: stream)
/// ```
struct HistoryReader {
    let path: String
    let start: StreamHub.Start
    let boundary: String?
    let filter: StreamFilter
    let log: StreamHub.Log

    /// How long a history waits for a slow reader to make room before it gives up with `lag`.
    static let stallMilliseconds = 30_000

    func send(to stream: HTTPStream) {
        guard let boundary else {
            if case .after(let id) = start { sendGap(after: id, resumedFrom: nil, to: stream) }
            return
        }
        // First pass: where the history starts, and whether the id is still in the file.
        var startIndex: Int?
        var index = 0
        var firstTime: String?
        var reachedBoundary = false
        try? LogFileLines.forEach(path: path) { slice in
            defer { index += 1 }
            guard !reachedBoundary else { return }
            guard let fields = LiveEvent(line: Array(slice)) else { return }
            if firstTime == nil { firstTime = fields.receivedAt ?? "" }
            if startIndex == nil {
                switch start {
                case .after(let id): if fields.id == id { startIndex = index + 1 }
                // Times are written in one RFC 3339 form (UTC), so they compare as text.
                case .since(let time): if let at = fields.receivedAt, at >= time { startIndex = index }
                case .live: break
                }
            }
            if fields.id == boundary { reachedBoundary = true }
        }
        // The boundary is not in the file: it was rotated away since the subscriber registered
        // (or between the rename and the writer's reopen), so every line here is newer than
        // the boundary and reaches the subscriber live. Sending them too would repeat them.
        guard reachedBoundary else {
            switch start {
            case .after(let id): sendGap(after: id, resumedFrom: nil, to: stream)
            case .since(let time): sendGap(after: time, resumedFrom: nil, to: stream)
            case .live: break
            }
            return
        }
        var gapAfter: String?
        switch start {
        case .after(let id) where startIndex == nil:
            gapAfter = id
            startIndex = 0
        case .since(let time):
            if let firstTime, firstTime > time { gapAfter = time }
            if startIndex == nil { return }   // nothing at or after the time yet: all comes live
        default: break
        }
        // Second pass: the lines from there to the boundary, the gap message before the first.
        index = 0
        var done = false
        try? LogFileLines.forEach(path: path) { slice in
            defer { index += 1 }
            guard !done, index >= startIndex!, stream.isOpen else { return }
            let line = Array(slice)
            guard let event = LiveEvent(line: line) else { return }
            if event.id == boundary { done = true }
            if let after = gapAfter {
                gapAfter = nil
                sendGap(after: after, resumedFrom: event.id, to: stream)
            }
            guard filter.matches(event) else { return }
            write(ServerSentEvent.message(id: event.id, event: log == .rejects ? "reject" : (event.type ?? "event"), data: line), to: stream)
        }
        if let after = gapAfter { sendGap(after: after, resumedFrom: nil, to: stream) }
    }

    private func sendGap(after: String, resumedFrom: String?, to stream: HTTPStream) {
        var w = JSONWriter(capacity: 96)
        w.raw(#"{"after":"#); w.string(after)
        w.raw(#","resumed_from":"#); w.string(resumedFrom)
        w.raw("}")
        write(ServerSentEvent.message(id: nil, event: "gap", data: w.bytes), to: stream)
    }

    /// Waits for room while the reader takes what is queued; a reader stalled for
    /// `stallMilliseconds` is told `lag` and closed, as a live one would be.
    private func write(_ message: [UInt8], to stream: HTTPStream) {
        var waited = 0
        while stream.write(message) == .full {
            if waited >= Self.stallMilliseconds {
                stream.finish(final: ServerSentEvent.message(id: nil, event: "lag", data: Array(#"{"reason":"the reader stopped during the history"}"#.utf8)))
                return
            }
            usleep(2_000)
            waited += 2
        }
    }
}
