import Glibc

/// `callhook tail`'s lines for people: time, vendor, type, direction, from → to, outcome, talk
/// time, in fixed columns; the type coloured by what happened, only on a terminal.
///
/// ```swift
/// let formatter = TailFormatter(colour: TailFormatter.wantsColour(fd: 1))
/// print(formatter.format(event))
/// // 2020-01-29 07:45:40.000 impactpbx   call.hangup   outbound +442035040000 → 0035799123456   answered    4s
/// ```
struct TailFormatter {
    let colour: Bool

    /// Column widths: the longest vendor, type, direction and outcome names; each party is cut
    /// to `partyWidth` so one long caller name does not shift the rest of the line.
    static let widths = (time: 23, vendor: 11, type: 13, direction: 8, parties: 33, outcome: 11)
    static let partyWidth = 15

    func format(_ event: LoggedEvent) -> String {
        let w = Self.widths
        let parties = Self.cut(event.fromNumber ?? "?", Self.partyWidth) + " → " + Self.cut(event.toNumber ?? "?", Self.partyWidth)
        let columns = [
            Self.pad(event.when.map(Self.readableTime) ?? "-", w.time),
            Self.pad(event.vendor ?? "-", w.vendor),
            paint(Self.pad(event.type ?? "-", w.type), for: event),
            Self.pad(event.direction ?? "-", w.direction),
            Self.pad(parties, w.parties),
            Self.pad(event.outcome ?? "", w.outcome),
            event.talkSeconds.map(Self.talkTime) ?? "",
        ]
        var line = columns.joined(separator: " ")
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// Colour on a terminal, unless `NO_COLOR` is set (no-color.org).
    static func wantsColour(fd: Int32) -> Bool {
        isatty(fd) == 1 && getenv("NO_COLOR") == nil
    }

    /// `2020-01-29T07:45:40.000Z` → `2020-01-29 07:45:40.000`.
    static func readableTime(_ text: String) -> String {
        String(text.map { $0 == "T" ? " " : $0 }.filter { $0 != "Z" })
    }

    /// `42s`, `3m05s`, `1h02m03s`.
    static func talkTime(_ seconds: Int) -> String {
        guard seconds >= 60 else { return "\(seconds)s" }
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let mmss = (m < 10 && h > 0 ? "0" : "") + "\(m)m" + (s < 10 ? "0" : "") + "\(s)s"
        return h > 0 ? "\(h)h" + mmss : mmss
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }

    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
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
