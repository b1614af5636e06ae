import CEpoll

/// The last line of defence that keeps secrets out of every file the server writes.
///
/// Tokens are dropped from `query` and `raw` by the decoders already; this catches a secret a
/// sender put anywhere else (a body field, a URL inside a field). It looks for each secret as it
/// appears inside a JSON string and replaces it, so the line stays valid JSON.
struct SecretRedactor: Sendable {
    private let needles: [[UInt8]]
    private let rawNeedles: [[UInt8]]
    private static let replacement = Array("[redacted]".utf8)

    init(secrets: [String]) {
        // Longest first, so a secret that contains another is replaced whole.
        rawNeedles = Set(secrets.filter { !$0.isEmpty }).map { Array($0.utf8) }.sorted { $0.count > $1.count }
        // Secrets as they appear inside a JSON string: `"` and `\` escaped.
        needles = rawNeedles.map { secret in
            var escaped: [UInt8] = []
            for byte in secret {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escaped.append(UInt8(ascii: "\\")) }
                escaped.append(byte)
            }
            return escaped
        }
    }

    /// Replaces every occurrence of every secret in `line`, a JSON line.
    func redact(_ line: inout [UInt8]) {
        replace(needles, in: &line)
    }

    /// Replaces every secret in bytes as received, before they are encoded in a way the line
    /// check cannot see through (a body that is not UTF-8 is kept as base64).
    func redactRaw(_ bytes: inout [UInt8]) {
        replace(rawNeedles, in: &bytes)
    }

    private func replace(_ needles: [[UInt8]], in line: inout [UInt8]) {
        for needle in needles where line.count >= needle.count {
            guard var start = firstIndex(of: needle, in: line, from: 0) else { continue }
            var out: [UInt8] = []
            out.reserveCapacity(line.count)
            var copied = 0
            while true {
                out.append(contentsOf: line[copied..<start])
                out.append(contentsOf: Self.replacement)
                copied = start + needle.count
                guard let next = firstIndex(of: needle, in: line, from: copied) else { break }
                start = next
            }
            out.append(contentsOf: line[copied...])
            line = out
        }
    }

    /// glibc's `memmem` (two-way search, vectorized): every line with a secret configured is
    /// searched once per secret, so a byte-by-byte loop here shows in the request's cost.
    private func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard haystack.count - from >= needle.count else { return nil }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin -> Int? in
                guard let found = cepoll_memmem(hay.baseAddress! + from, hay.count - from, pin.baseAddress!, pin.count) else { return nil }
                return UnsafeRawPointer(found) - hay.baseAddress!
            }
        }
    }
}
