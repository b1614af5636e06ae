import Glibc

/// Diagnostics on stderr, one line each with a level. Never given secrets or payloads.
public enum Diagnostics {
    public enum Level: String, Sendable { case info, warning, error }

    public static func log(_ level: Level, _ message: String) {
        write(level.rawValue + ": " + message)
    }

    /// Writes one whole line to stderr in a single `write`, so lines from threads never mix.
    public static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}
