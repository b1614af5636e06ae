import Glibc

/// `callhook tail`: one readable line per event, or the matching JSON lines as they are.
public enum TailCommand {
    public static func run(_ options: CommandLineArguments.Tail) -> Int32 {
        let path = options.file ?? "events.jsonl"
        let formatter = TailFormatter(colour: isatty(1) == 1)
        let opened = LogLines(path: path, follow: options.follow).forEach { line in
            guard let event = LoggedEvent(line: line), matches(event, options) else { return }
            if options.json {
                Output.write(line)
            } else {
                Output.write(Array(formatter.format(event).utf8))
            }
        }
        guard opened else {
            Diagnostics.log(.error, "cannot open \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        return 0
    }

    static func matches(_ event: LoggedEvent, _ options: CommandLineArguments.Tail) -> Bool {
        if let vendor = options.vendor, event.vendor != vendor.rawValue { return false }
        if let type = options.type, event.type != type.rawValue { return false }
        if let call = options.callID, event.callID != call { return false }
        return true
    }
}

/// Lines for people: time, vendor, type, direction, from → to, outcome, talk time; aligned;
/// coloured by type only when writing to a terminal.
struct TailFormatter {
    let colour: Bool

    func format(_ event: LoggedEvent) -> String {
        let time = event.when.map(Self.readableTime) ?? "-"
        let parties = (event.fromNumber ?? "?") + " → " + (event.toNumber ?? "?")
        var columns = [
            Self.pad(time, 23),
            Self.pad(event.vendor ?? "-", 11),
            paint(Self.pad(event.type ?? "-", 13), for: event),
            Self.pad(event.direction ?? "-", 8),
            Self.pad(parties, 33),
            Self.pad(event.outcome ?? "", 11),
        ]
        columns.append(event.talkSeconds.map { "\($0)s" } ?? "")
        var line = columns.joined(separator: " ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// `2020-01-29T07:45:40.000Z` → `2020-01-29 07:45:40.000`.
    static func readableTime(_ text: String) -> String {
        String(text.map { $0 == "T" ? " " : $0 }.filter { $0 != "Z" })
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    private func paint(_ text: String, for event: LoggedEvent) -> String {
        guard colour else { return text }
        let code: String
        switch event.type {
        case "call.answered": code = "32"
        case "call.hangup": code = event.outcome == "answered" ? "32" : "33"
        case "call.missed", "call.failed": code = "31"
        case "call.ringing", "call.initiated": code = "36"
        case "unknown": code = "35"
        default: code = "0"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// Standard output, one whole line per `write`.
enum Output {
    static func write(_ bytes: [UInt8]) { Diagnostics.writeLine(bytes, to: 1) }
}
