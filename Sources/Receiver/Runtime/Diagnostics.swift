import Glibc
import System

/// Diagnostics on stderr, one line each with a level. Never given secrets or payloads.
enum Diagnostics {
    enum Level: String, Sendable { case info, warning, error }

    static func log(_ level: Level, _ message: String) {
        write(level.rawValue + ": " + message)
    }

    /// Writes one whole line to stderr in a single `write`, so lines from threads never mix.
    static func write(_ line: String) {
        writeLine(Array(line.utf8), to: 2)
    }

    /// Writes `bytes` and a `\n` to `fd` in one `write` where the kernel allows, looping on
    /// short writes and `EINTR`.
    static func writeLine(_ bytes: [UInt8], to fd: Int32) {
        var line = bytes
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let n = try? Syscall.blocking("write", { Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset) }) else {
                    return
                }
                offset += n
            }
        }
    }
}
