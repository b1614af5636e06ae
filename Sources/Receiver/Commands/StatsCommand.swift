import CallEvents
import Glibc
import Live

/// `callhook stats`: the numbers of the calls in one or more log files, per vendor, route,
/// extension, hour or day (Documentation.docc/Live.md, "Numbers"), as a table or with `--json` one
/// object a group. Calls are correlated as `callhook calls` does and counted when they end; memory
/// holds the calls still open (and a bounded window of ended ones, so late events do not reopen
/// them).
enum StatsCommand {
    static func run(_ options: CommandLineArguments.Stats) -> Int32 {
        let files = options.files.isEmpty ? ["events.jsonl"] : options.files
        var counter = StatsCounter(since: options.since, until: options.until)
        for path in files {
            do {
                try LogFileLines.forEach(path: path) { counter.add(line: $0) }
            } catch LogFileLines.Failure.cannotOpen(let code) {
                Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(code)))")
                return 1
            } catch {
                Diagnostics.log(.error, "cannot read \(path): \(error)")
                return 1
            }
        }
        let rows = counter.rows(by: Grouping(rawValue: options.by) ?? .vendor)
        if options.json {
            for row in rows {
                var w = JSONWriter(capacity: 256)
                LiveViews.write(row.numbers, group: row.group, to: &w)
                Output.write(w.bytes)
            }
        } else {
            Output.write(Array(table(rows, by: options.by).utf8))
        }
        return 0
    }

    static func table(_ rows: [(group: String, numbers: CallNumbers)], by: String) -> String {
        let header = [by.uppercased(), "CALLS", "ANSWERED", "MISSED", "RATE", "TALK", "AVG TALK", "TO ANSWER", "BUSIEST"]
        let body = rows.map { row -> [String] in
            let n = row.numbers
            return [row.group, String(n.calls), String(n.answered), String(n.missed),
                    n.answerRate.map { percent($0) } ?? "-",
                    // No call with a known talk time: no total either, as for the average.
                    n.averageTalkSeconds == nil ? "-" : TailFormatter.talkTime(n.talkSeconds),
                    n.averageTalkSeconds.map { TailFormatter.talkTime(Int($0.rounded())) } ?? "-",
                    n.averageSecondsToAnswer.map { seconds($0) } ?? "-",
                    n.busiestHour.map { hour in (hour < 10 ? "0" : "") + "\(hour):00" } ?? "-"]
        }
        return TextTable.render(header: header, rows: body)
    }

    /// `0.5` → `50.0%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `4.25` → `4.3s`.
    static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)s"
    }
}

/// The counting behind `callhook stats`: lines in, numbers per group out. A call is counted
/// once it has ended and `endedWindow` more calls have ended after it, so events that come
/// late or again (a shuffled or redelivered log) still reach it; then it is let go.
struct StatsCounter {
    private var calls: [String: CallInProgress] = [:]   // open, and ended within the window
    private var ended: [String] = []
    private var endedHead = 0
    private let endedWindow: Int
    private var tally = CallTally()
    private let since: Int64?
    private let until: Int64?

    init(since: String? = nil, until: String? = nil, endedWindow: Int = 65_536) {
        self.since = since.flatMap(Timestamp.init(rfc3339:))?.milliseconds
        self.until = until.flatMap(Timestamp.init(rfc3339:))?.milliseconds
        self.endedWindow = max(1, endedWindow)
    }

    mutating func add(line: ArraySlice<UInt8>) {
        guard case .success(let value) = JSONParser.parse(line), case .object = value else { return }
        let event = LiveEvent(line: [], value: value)
        guard let vendor = event.vendor, let callID = event.callID else { return }
        let id = vendor + ":" + callID
        var call = calls[id] ?? CallInProgress(vendor: vendor, callID: callID)
        let wasEnded = call.ended
        call.add(event)
        calls[id] = call
        if call.ended && !wasEnded { remember(id) }
    }

    private mutating func remember(_ id: String) {
        if ended.count < endedWindow {
            ended.append(id)
            return
        }
        let oldest = ended[endedHead]
        if let call = calls.removeValue(forKey: oldest) { count(call) }
        ended[endedHead] = id
        endedHead = (endedHead + 1) % endedWindow
    }

    private mutating func count(_ call: CallInProgress) {
        if inWindow(call) { tally.count(call) }
    }

    /// Calls started in [since, until); a call with no time is in when no bound is given.
    private func inWindow(_ call: CallInProgress) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let start = call.startedAt.flatMap(Timestamp.init(rfc3339:))?.milliseconds else { return false }
        return start >= (since ?? .min) && start < (until ?? .max)
    }

    /// The numbers with every call still held counted as it stands.
    func rows(by grouping: Grouping) -> [(group: String, numbers: CallNumbers)] {
        tally.grouped(by: grouping, open: calls.values.filter(inWindow))
    }
}
