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
        post("\(path)?token=\(secret)", body: Payloads.impactpbxHangup(ref: ref), headers: headers)
    }
}

enum Payloads {
    /// The ImpactPBX hangup of the vendor docs, with `ref` replaced; the key is
    /// `impactpbx:REF:hangup:2020-01-29T07:45:40.000+00:00`.
    static func impactpbxHangup(ref: String, extra: String = "") -> String {
        #"{"ref":"\#(ref)","recipient":"0035799123456","caller_id_number":"+442035040000","ani":"1002","#
            + #""direction":"outbound","call_start":"2020-01-29T07:45:19.000+00:00","#
            + #""call_start_uepoch":1580283919489709,"answer_start_uepoch":1580283935169797,"#
            + #""call_end_uepoch":1580283939549758,"duration":4,"recording":"\#(ref)","#
            + #""cause":"NORMAL_CLEARING","timestamp":"2020-01-29T07:45:40.000+00:00","action":"hangup"\#(extra)}"#
    }

    static func impactpbxKey(ref: String) -> String {
        "impactpbx:\(ref):hangup:2020-01-29T07:45:40.000+00:00"
    }
}
