/// The last line of defence that keeps secrets out of every file the server writes.
///
/// Tokens are dropped from `query` and `raw` by the decoders already; this catches a secret a
/// sender put anywhere else (a body field, a URL inside a field). It looks for each secret as it
/// appears inside a JSON string and replaces it, so the line stays valid JSON.
struct SecretRedactor: Sendable {
    private let needles: [[UInt8]]
    private static let replacement = Array("[redacted]".utf8)

    init(secrets: [String]) {
        // Secrets as they appear inside a JSON string: `"` and `\` escaped. Longest first, so a
        // secret that contains another is replaced whole.
        needles = Set(secrets.filter { !$0.isEmpty }).map { secret in
            var escaped: [UInt8] = []
            for byte in secret.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escaped.append(UInt8(ascii: "\\")) }
                escaped.append(byte)
            }
            return escaped
        }.sorted { $0.count > $1.count }
    }

    /// Replaces every occurrence of every secret in `line`.
    func redact(_ line: inout [UInt8]) {
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

    private func firstIndex(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        let first = needle[0]
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
