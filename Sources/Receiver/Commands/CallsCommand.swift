import CallEvents
import Glibc

/// `callhook calls`: one row per call (started, answered, ended, outcome, talk time, from, to,
/// events seen), or with `--json` one object per call; calls in time order.
enum CallsCommand {
    static func run(_ options: CommandLineArguments.Calls) -> Int32 {
        let path = options.file ?? "events.jsonl"
        var correlator = CallCorrelator()
        let opened = LogLines(path: path).forEach { line in
            if let event = LoggedEvent(line: line) { correlator.add(event) }
        }
        guard opened else {
            Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        let calls = correlator.sorted
        if options.json {
            calls.forEach { Output.write(json($0)) }
        } else {
            Output.write(Array(table(calls).utf8))
        }
        return 0
    }

    static func json(_ call: CallRecord) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.raw(#"{"vendor":"#); w.string(call.vendor)
        w.raw(#","call_id":"#); w.string(call.callID)
        w.raw(#","started_at":"#); w.string(call.started)
        w.raw(#","answered_at":"#); w.string(call.answered)
        w.raw(#","ended_at":"#); w.string(call.ended)
        w.raw(#","state":"#); w.string(call.state)
        w.raw(#","outcome":"#); w.string(call.outcome)
        w.raw(#","talk_seconds":"#); w.integer(call.talkSeconds)
        w.raw(#","from":"#); w.string(call.from)
        w.raw(#","to":"#); w.string(call.to)
        w.raw(#","events":"#); w.integer(call.eventsSeen)
        w.raw("}")
        return w.bytes
    }

    static func table(_ calls: [CallRecord]) -> String {
        let header = ["STARTED", "ANSWERED", "ENDED", "OUTCOME", "TALK", "FROM", "TO", "EVENTS", "CALL"]
        let rows = calls.map { call in
            [call.started.map(TailFormatter.readableTime) ?? "-",
             call.answered.map { clock($0, sameDayAs: call.started) } ?? "-",
             call.ended.map { clock($0, sameDayAs: call.started) } ?? "-",
             call.state,
             call.talkSeconds.map(TailFormatter.talkTime) ?? "-",
             call.from ?? "-", call.to ?? "-",
             String(call.eventsSeen),
             call.vendor + ":" + call.callID]
        }
        return TextTable.render(header: header, rows: rows)
    }

    /// Time of day only (`07:45:35.169`) when on the day the call started, else date and time.
    private static func clock(_ time: String, sameDayAs start: String?) -> String {
        let readable = TailFormatter.readableTime(time)
        guard let start, start.prefix(10) == time.prefix(10) else { return readable }
        return readable.split(separator: " ").last.map(String.init) ?? readable
    }
}
