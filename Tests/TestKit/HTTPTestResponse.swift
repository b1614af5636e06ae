import Foundation

/// One response as it came off the wire, from ``HTTPTestClient``.
///
/// ```swift
/// let response = try client.readResponse()
/// XCTAssertEqual(response.header("Allow"), "GET, POST, HEAD, OPTIONS")
/// XCTAssertEqual(response.json["ok"] as? Bool, true)
/// ```
public struct HTTPTestResponse: Equatable, CustomStringConvertible {
    public var version: String
    public var status: Int
    public var reason: String
    public var headers: [(name: String, value: String)]
    /// The body, de-chunked when it came with `Transfer-Encoding: chunked`.
    public var body: [UInt8]

    public init(version: String = "HTTP/1.1", status: Int, reason: String = "",
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; empty when it is not one.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// The `id` of a receiver answer.
    public var id: String? { json["id"] as? String }

    public var closesConnection: Bool { header("Connection")?.lowercased() == "close" }

    public var description: String { "\(version) \(status) \(reason) \(headers.map { "\($0.name): \($0.value)" }) \(text)" }

    public static func == (a: HTTPTestResponse, b: HTTPTestResponse) -> Bool {
        a.status == b.status && a.body == b.body
            && a.headers.elementsEqual(b.headers, by: { $0.name == $1.name && $0.value == $1.value })
    }

    // MARK: - Parsing

    /// Parses one response from the start of `bytes`; nil when more bytes are needed.
    /// `complete` says the peer closed, which ends a body framed by neither `Content-Length` nor
    /// chunked; `bodyExpected` is false for the answer to a HEAD. Returns the bytes used.
    public static func parse(_ bytes: [UInt8], complete: Bool, bodyExpected: Bool = true) throws -> (HTTPTestResponse, Int)? {
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw HTTPTestClient.Failure.malformedResponse("status line \(statusLine.debugDescription)")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else {
                throw HTTPTestClient.Failure.malformedResponse("header line \(line.debugDescription)")
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var message = HTTPTestResponse(version: String(parts[0]), status: status,
                                       reason: parts.count > 2 ? String(parts[2]) : "", headers: headers)
        let bodyStart = headEnd + 4
        // RFC 9112 §6.3: 1xx, 204, 304 and any answer to HEAD end at the head.
        if !bodyExpected || status < 200 || status == 204 || status == 304 { return (message, bodyStart) }
        if message.header("Transfer-Encoding")?.lowercased() == "chunked" {
            guard let (body, end) = try dechunk(bytes, from: bodyStart) else { return nil }
            message.body = body
            return (message, end)
        }
        if let lengthText = message.header("Content-Length") {
            guard let length = Int(lengthText) else {
                throw HTTPTestClient.Failure.malformedResponse("Content-Length \(lengthText)")
            }
            guard bytes.count - bodyStart >= length else { return nil }
            message.body = Array(bytes[bodyStart..<bodyStart + length])
            return (message, bodyStart + length)
        }
        guard complete else { return nil }
        message.body = Array(bytes[bodyStart...])
        return (message, bytes.count)
    }

    /// RFC 9112 §7.1: the chunks from `start` to the last one and its (ignored) trailers.
    private static func dechunk(_ bytes: [UInt8], from start: Int) throws -> ([UInt8], Int)? {
        var body: [UInt8] = []
        var at = start
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: at) else { return nil }
            let line = String(decoding: bytes[at..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw HTTPTestClient.Failure.malformedResponse("chunk size \(line.debugDescription)")
            }
            at = lineEnd + 2
            if size == 0 {
                // Trailers, if any, then the empty line.
                while true {
                    guard let end = find([13, 10], in: bytes, from: at) else { return nil }
                    let empty = end == at
                    at = end + 2
                    if empty { return (body, at) }
                }
            }
            guard bytes.count >= at + size + 2 else { return nil }
            body += bytes[at..<at + size]
            at += size + 2
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count - from >= needle.count else { return nil }
        for start in from...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }
}
