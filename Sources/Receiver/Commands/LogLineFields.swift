import CallEvents

/// Reads `id` and `key` from an event log line without parsing all of it: the encoder writes
/// `id` first and `key` before any object field, and `,"key":"` cannot occur inside a JSON
/// string (its quotes would be escaped), so the first one found is the top-level field.
enum LogLineFields {
    static func keyAndID(_ line: [UInt8]) -> (key: String, id: String)? {
        // Each marker ends with the value's opening quote.
        guard let id = stringField(#"{"id":""#, in: line), let key = stringField(#","key":""#, in: line) else { return nil }
        return (key, id)
    }

    private static func stringField(_ marker: String, in line: [UInt8]) -> String? {
        let needle = Array(marker.utf8)
        guard line.count > needle.count else { return nil }
        var i = 0
        while i <= line.count - needle.count {
            if line[i] == needle[0] && line[i..<(i + needle.count)].elementsEqual(needle) {
                let start = i + needle.count
                var end = start
                while end < line.count && line[end] != UInt8(ascii: "\"") {
                    end += line[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < line.count else { return nil }
                guard case .success(.string(let text)) = JSONParser.parse(line[(start - 1)...end]) else { return nil }
                return text
            }
            i += 1
        }
        return nil
    }
}
