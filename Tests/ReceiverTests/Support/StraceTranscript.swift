import Foundation

/// An `strace -f -o FILE` transcript read back as system calls, each with the line of its entry
/// and the line of its exit. strace writes those in the order it saw them, and a tracee is
/// stopped until strace has written its stop, so a call made *because* another returned always
/// comes after that return in the file.
///
/// ```swift
/// let calls = StraceTranscript(text: LogFile.text(path)).calls
/// for call in calls where call.name == "fdatasync" && call.injected { ... }
/// ```
struct StraceTranscript {
    struct Call {
        let thread: Int
        let name: String
        /// What strace printed at entry, after `name(`: the arguments (with `-y`, fds show their path).
        let arguments: String
        /// What follows ` = `: the return value, or `-1 ERRNO (text)`, with ` (INJECTED)` for a fault.
        let result: String
        /// Line numbers (0-based) of the entry and the exit; equal for a call printed whole.
        let entry: Int
        let exit: Int

        var failed: Bool { result.hasPrefix("-1") || result.hasPrefix("?") }
        var injected: Bool { result.hasSuffix("(INJECTED)") }
    }

    private(set) var calls: [Call] = []

    init(text: String) {
        var pending: [Int: (name: String, arguments: String, entry: Int)] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            // "PID  rest" (the pid padded with spaces), as -f writes to one file.
            guard let space = line.firstIndex(of: " "), let thread = Int(line[..<space]) else { continue }
            let rest = line[space...].drop { $0 == " " }
            if rest.hasPrefix("<... ") {
                // "<... NAME resumed>REST) = RESULT"
                guard let end = rest.range(of: " resumed>"), let started = pending.removeValue(forKey: thread) else { continue }
                let tail = rest[end.upperBound...]
                calls.append(Call(thread: thread, name: started.name, arguments: started.arguments + tail,
                                  result: Self.result(of: tail), entry: started.entry, exit: index))
            } else if rest.hasPrefix("---") || rest.hasPrefix("+++") {
                continue
            } else if let open = rest.firstIndex(of: "(") {
                let name = String(rest[..<open])
                let body = rest[rest.index(after: open)...]
                if body.hasSuffix("<unfinished ...>") {
                    pending[thread] = (name, String(body), index)
                } else {
                    calls.append(Call(thread: thread, name: name, arguments: String(body),
                                      result: Self.result(of: body), entry: index, exit: index))
                }
            }
        }
        // Calls still inside the kernel when strace detached: their arguments were printed at
        // entry, their end is unknown, so they end with the transcript (the latest they could).
        for (thread, started) in pending.sorted(by: { $0.value.entry < $1.value.entry }) {
            calls.append(Call(thread: thread, name: started.name, arguments: started.arguments,
                              result: "", entry: started.entry, exit: lines.count))
        }
    }

    /// The text after the last ` = ` (strace pads before it; results never contain it).
    private static func result(of text: Substring) -> String {
        guard let equals = text.range(of: " = ", options: .backwards) else { return "" }
        return String(text[equals.upperBound...])
    }

    /// The 36-character ids that follow each `marker` in `text`.
    static func ids(after marker: String, in text: String) -> [String] {
        var ids: [String] = []
        var searchFrom = text.startIndex
        while let found = text.range(of: marker, range: searchFrom..<text.endIndex) {
            let id = text[found.upperBound...].prefix(36)
            if id.count == 36 { ids.append(String(id)) }
            searchFrom = found.upperBound
        }
        return ids
    }

    /// Marks, as strace escapes a buffer, where an event log line starts: at the start of a
    /// write or after the previous line's newline (so `"call_id"` never matches).
    static let lineStartMarkers = [#""{\"id\":\""#, #"\n{\"id\":\""#]
    /// How a stored event's `200` body starts, as strace escapes it.
    static let acknowledgementMarker = #"{\"ok\":true,\"id\":\""#

    /// The ids of the event log lines in a `write` buffer.
    static func lineIDs(in call: Call) -> [String] {
        lineStartMarkers.flatMap { ids(after: $0, in: call.arguments) }
    }

    /// The ids acknowledged with `200` in a socket write.
    static func acknowledgedIDs(in call: Call) -> [String] {
        ids(after: acknowledgementMarker, in: call.arguments)
    }
}
