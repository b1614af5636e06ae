import Foundation

/// Request bytes and vendor payloads for the end-to-end tests.
///
/// ```swift
/// try client.send(Requests.delivery())                       // a fresh ImpactPBX hangup
/// try client.send(Requests.post("/hooks/any?token=x", body: "{}"))
/// ```
enum Requests {
    static let secret = TestConfiguration.secret

    /// A POST with `Content-Length`; `headers` are whole lines without CRLF.
    static func post(_ target: String, body: String, contentType: String? = "application/json",
                     headers: [String] = [], version: String = "HTTP/1.1") -> [UInt8] {
        post(target, body: Array(body.utf8), contentType: contentType, headers: headers, version: version)
    }

    static func post(_ target: String, body: [UInt8], contentType: String? = "application/json",
                     headers: [String] = [], version: String = "HTTP/1.1") -> [UInt8] {
        var lines = ["POST \(target) \(version)", "Host: 127.0.0.1", "User-Agent: callhook-e2e/1"]
        if let contentType { lines.append("Content-Type: \(contentType)") }
        lines.append("Content-Length: \(body.count)")
        lines += headers
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    static func get(_ target: String, headers: [String] = [], version: String = "HTTP/1.1") -> [UInt8] {
        let lines = ["GET \(target) \(version)", "Host: 127.0.0.1", "User-Agent: callhook-e2e/1"] + headers
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// A POST of an ImpactPBX hangup with a key of its own, authenticated by `?token=`.
    static func delivery(ref: String = UUID().uuidString.lowercased(), path: String = "/hooks/impactpbx",
                         headers: [String] = []) -> [UInt8] {
        post("\(path)?token=\(secret)", body: OpsPayloads.impactpbxHangup(ref: ref), headers: headers)
    }

    /// `request` with the `HTTP/1.1` of its request line replaced by `version`.
    static func replacingVersion(of request: [UInt8], with version: String) -> [UInt8] {
        guard let end = request.firstIndex(of: UInt8(ascii: "\r")) else { return request }
        let line = String(decoding: request[..<end], as: UTF8.self).replacingOccurrences(of: "HTTP/1.1", with: version)
        return Array(line.utf8) + request[end...]
    }
}
