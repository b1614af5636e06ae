/// `multipart/form-data` (RFC 7578) read as text fields: each part's `Content-Disposition` name
/// maps to its content, read as UTF-8 or ISO-8859-1, grouped like form fields.
///
/// ```swift
/// Multipart.decode(body, boundary: "xyz")   // .success({"CallID": "42", "CallStatus": "ANSWER"})
/// ```
///
/// Decisions where the RFCs leave room: a file part (one with a `filename`) is kept as text too,
/// so nothing is lost; a part without a name is kept under `""`; line breaks may be CRLF or a
/// bare LF. No closing delimiter, or more than `maxParts` parts, is `.malformed`.
enum Multipart {
    /// The most parts one body may have.
    static let maxParts = 1000

    static func decode(_ body: UnsafeBufferPointer<UInt8>, boundary: String) -> Result<JSONValue, DecodeFailure> {
        let delimiter = Array("--\(boundary)".utf8)
        return delimiter.withUnsafeBufferPointer { delimiter in
            // RFC 2046 §5.1.1: the first delimiter may follow a preamble, which is ignored.
            guard var position = findDelimiter(delimiter, in: body, from: 0) else {
                return .failure(failure("no boundary line"))
            }
            var fields = FieldCollector()
            var parts = 0
            while true {
                var i = position + delimiter.count
                if i + 1 < body.count, body[i] == UInt8(ascii: "-"), body[i + 1] == UInt8(ascii: "-") {
                    return .success(fields.object)   // the close delimiter; an epilogue is ignored
                }
                guard skipLineEnd(body, &i) else { return .failure(failure("malformed boundary line")) }
                parts += 1
                guard parts <= maxParts else { return .failure(failure("more than \(maxParts) parts")) }
                guard let (name, contentStart) = readHeaders(body, from: i) else {
                    return .failure(failure("part \(parts) has no end of headers"))
                }
                guard let next = findDelimiter(delimiter, in: body, from: contentStart) else {
                    return .failure(failure("no closing boundary"))
                }
                // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                var contentEnd = max(contentStart, next - 1)
                if contentEnd > contentStart, body[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                fields.add(name, TextDecoding.string(UnsafeBufferPointer(rebasing: body[contentStart..<contentEnd])))
                position = next
            }
        }
    }

    /// The first delimiter at the start of a line at or after `start`: followed by `--`, or by
    /// optional white space and a line end (RFC 2046 §5.1.1 transport padding).
    private static func findDelimiter(_ delimiter: UnsafeBufferPointer<UInt8>, in body: UnsafeBufferPointer<UInt8>,
                                      from start: Int) -> Int? {
        guard !delimiter.isEmpty, body.count >= delimiter.count else { return nil }
        var p = start
        while p <= body.count - delimiter.count {
            if (p == 0 || body[p - 1] == UInt8(ascii: "\n")) && matches(delimiter, in: body, at: p) {
                var after = p + delimiter.count
                if after + 1 < body.count, body[after] == UInt8(ascii: "-"), body[after + 1] == UInt8(ascii: "-") {
                    return p
                }
                if skipLineEnd(body, &after) { return p }
            }
            // Delimiters start lines: jump to the next line.
            while p < body.count, body[p] != UInt8(ascii: "\n") { p += 1 }
            p += 1
        }
        return nil
    }

    private static func matches(_ delimiter: UnsafeBufferPointer<UInt8>, in body: UnsafeBufferPointer<UInt8>, at p: Int) -> Bool {
        for k in 0..<delimiter.count where body[p + k] != delimiter[k] { return false }
        return true
    }

    /// Skips spaces and tabs then `\r\n` or `\n`; false when something else follows.
    private static func skipLineEnd(_ body: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        HeaderParameters.skipSpaces(body, &i)
        if i < body.count, body[i] == UInt8(ascii: "\r") { i += 1 }
        guard i < body.count, body[i] == UInt8(ascii: "\n") else { return false }
        i += 1
        return true
    }

    /// RFC 7578 §4.2: the `name` parameter of `Content-Disposition: form-data`. Returns it and
    /// where the content starts (after the empty line), or nil when the headers never end.
    private static func readHeaders(_ body: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        var name = ""
        var line = start
        while line < body.count {
            var end = line
            while end < body.count, body[end] != UInt8(ascii: "\n") { end += 1 }
            guard end < body.count else { return nil }
            var lineEnd = end
            if lineEnd > line, body[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            if lineEnd == line { return (name, end + 1) }   // the empty line
            let text = UnsafeBufferPointer(rebasing: body[line..<lineEnd])
            if isContentDisposition(text) {
                let parameters = HeaderParameters.parse(text, from: 0)
                name = parameters.first { $0.name == "name" }?.value ?? ""
            }
            line = end + 1
        }
        return nil
    }

    private static func isContentDisposition(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let header = "content-disposition:".utf8
        guard line.count > header.count else { return false }
        for (k, expected) in header.enumerated() {
            let byte = line[k]
            guard (byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte) == expected else { return false }
        }
        return true
    }

    private static func failure(_ what: String) -> DecodeFailure {
        DecodeFailure(.malformed, "invalid multipart/form-data: \(what)")
    }
}
