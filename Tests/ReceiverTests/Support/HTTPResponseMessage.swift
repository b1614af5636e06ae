import Foundation

/// One response as it came off the wire.
///
/// ```swift
/// let response = try client.readResponse()
/// XCTAssertEqual(response.header("Allow"), "GET, POST, HEAD, OPTIONS")
/// XCTAssertEqual(response.json["ok"] as? Bool, true)
/// ```
struct HTTPResponseMessage: CustomStringConvertible {
    var version: String
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first value of the header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; empty when it is not one.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The `id` of a receiver answer.
    var id: String? { json["id"] as? String }

    var closesConnection: Bool { header("Connection")?.lowercased() == "close" }

    var description: String { "\(version) \(status) \(reason) \(headers.map { "\($0.name): \($0.value)" }) \(bodyText)" }

    /// Parses one response from the start of `bytes`; nil when more bytes are needed.
    /// `complete` says the peer closed, which ends a body that has no `Content-Length`.
    static func parse(_ bytes: [UInt8], complete: Bool) throws -> (HTTPResponseMessage, Int)? {
        guard let headEnd = find([13, 10, 13, 10], in: bytes) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw RawHTTPClient.ClientError.malformedResponse("status line \(statusLine.debugDescription)")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw RawHTTPClient.ClientError.malformedResponse("header line \(line.debugDescription)")
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var message = HTTPResponseMessage(version: String(parts[0]), status: status,
                                          reason: parts.count > 2 ? String(parts[2]) : "", headers: headers, body: [])
        let bodyStart = headEnd + 4
        if status < 200 || status == 204 || status == 304 { return (message, bodyStart) }
        if let lengthText = message.header("Content-Length") {
            guard let length = Int(lengthText) else {
                throw RawHTTPClient.ClientError.malformedResponse("Content-Length \(lengthText)")
            }
            guard bytes.count - bodyStart >= length else { return nil }
            message.body = Array(bytes[bodyStart..<bodyStart + length])
            return (message, bodyStart + length)
        }
        guard complete else { return nil }
        message.body = Array(bytes[bodyStart...])
        return (message, bytes.count)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }
}
