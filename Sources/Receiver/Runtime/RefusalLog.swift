import System

/// One info line per refused request (Documentation.docc/Receiver.md, "Authentication"): route,
/// client address and reason; never the secret, the credential or the payload.
///
/// Rate limit: per reason, at most `linesPerSecond` lines in each one-second window (counted
/// from the window's first line). Lines past that are held back and counted; the next line
/// written for that reason says how many were, so a flood of guesses costs a few lines a
/// second and is still visible.
///
/// ```swift
/// let log = RefusalLog()
/// log.refused(route: "impactpbx", client: "203.0.113.9", reason: .wrongSecret)
/// // info: refused route=impactpbx client=203.0.113.9 reason="wrong secret"
/// ```
final class RefusalLog: Sendable {
    private struct Window {
        var start: Int?
        var written = 0
        var heldBack = 0
    }

    let linesPerSecond: Int
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> Int
    private let windows = Locked<[RefusalReason: Window]>([:])

    init(linesPerSecond: Int = 5,
         clock: @escaping @Sendable () -> Int = { SystemClock.monotonicMilliseconds() },
         write: @escaping @Sendable (String) -> Void = { Diagnostics.log(.info, $0) }) {
        self.linesPerSecond = linesPerSecond
        self.clock = clock
        self.write = write
    }

    func refused(route: String, client: String, reason: RefusalReason) {
        let now = clock()
        let heldBack: Int? = windows.withLock { windows in
            var window = windows[reason] ?? Window()
            defer { windows[reason] = window }
            if window.start.map({ now - $0 >= 1_000 }) ?? true {
                window.start = now
                window.written = 0
            }
            guard window.written < linesPerSecond else {
                window.heldBack += 1
                return nil
            }
            window.written += 1
            let held = window.heldBack
            window.heldBack = 0
            return held
        }
        guard let heldBack else { return }
        var line = "refused route=\(Self.quotedIfNeeded(route)) client=\(client) reason=\"\(reason.rawValue)\""
        if heldBack > 0 { line += " (\(heldBack) more held back)" }
        write(line)
    }

    /// Route names come from the config; quote one that would break the `key=value` shape.
    private static func quotedIfNeeded(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "=" }
        guard !plain else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
