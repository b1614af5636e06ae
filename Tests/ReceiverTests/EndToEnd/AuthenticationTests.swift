import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Authentication": the secret as `?token=`, Basic password or
/// Bearer, and never in any log.
final class AuthenticationTests: ServerTestCase {
    let secret = Requests.secret
    var body: String { OpsPayloads.impactpbxHangup(ref: UUID().uuidString) }

    static func basic(_ user: String, _ password: String) -> String {
        "Authorization: Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    func testSecretAsQueryTokenIsAccepted() throws {
        let server = try startServer()
        let response = try deliver(server, Requests.post("/hooks/impactpbx?token=\(secret)", body: body))
        XCTAssertEqual(response.status, 200, response.description)
    }

    func testSecretAsBasicPasswordWithAnyUserIsAccepted() throws {
        let server = try startServer()
        for user in ["any", "pbx", ""] {
            let response = try deliver(server, Requests.post("/hooks/impactpbx", body: body, headers: [Self.basic(user, secret)]))
            XCTAssertEqual(response.status, 200, "user \(user.debugDescription): \(response)")
        }
    }

    func testSecretAsBearerIsAccepted() throws {
        let server = try startServer()
        let response = try deliver(server, Requests.post("/hooks/impactpbx", body: body, headers: ["Authorization: Bearer \(secret)"]))
        XCTAssertEqual(response.status, 200, response.description)
    }

    func testWrongSecretInEveryFormIs401() throws {
        let server = try startServer()
        let attempts: [(String, [String])] = [
            ("/hooks/impactpbx?token=\(secret)x", []),
            ("/hooks/impactpbx?token=", []),
            ("/hooks/impactpbx", [Self.basic("any", "wrong")]),
            ("/hooks/impactpbx", [Self.basic(secret, "")]),
            ("/hooks/impactpbx", ["Authorization: Bearer \(secret.dropLast())"]),
            ("/hooks/impactpbx", ["Authorization: Bearer"]),
            ("/hooks/impactpbx", []),
        ]
        for (target, headers) in attempts {
            let response = try deliver(server, Requests.post(target, body: body, headers: headers))
            XCTAssertEqual(response.status, 401, "\(target) \(headers): \(response)")
            XCTAssertFalse(response.text.contains(secret), "a 401 never echoes the secret: \(response)")
        }
        XCTAssertEqual(try eventLines().count, 0)
    }

    /// Every kind of request with the route secret in it, before and after a rotation; then no
    /// file the server wrote, rotated or not, and nothing on its stderr, holds the secret, as
    /// text, as Basic credentials, or inside a base64 body of the rejects log.
    func testSecretNeverAppearsInAnyFileTheServerWroteOrOnStderr() throws {
        var config = TestConfiguration()
        config.limits = ["max_body_bytes": 4096]
        let server = try startServer(config)
        let basic = Self.basic("any", secret)
        var statuses: [Int] = []
        func send(_ request: [UInt8]) throws {
            let client = try HTTPTestClient(port: server.port)
            let (informational, response) = try client.exchangeAll(request)
            for message in informational + [response] {
                XCTAssertFalse(message.description.contains(secret), "a response never echoes the secret: \(message)")
            }
            statuses.append(response.status)
        }
        // Good, in each form, with other query fields beside the token.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)&site=a", body: body))
        try send(Requests.post("/hooks/impactpbx?site=b", body: body, headers: [basic]))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: ["Authorization: Bearer \(secret)"]))
        // VoipNow's GET mode: the payload is the query, the token among it.
        try send(Requests.get("/hooks/voipnow/hangup?CallID=77&token=\(secret)&CallerIDNum=0390085900&CallStatus=ANSWER&CallFlow=IN"))
        // The secret's text inside the payload itself, as JSON and as a form.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)",
                               body: OpsPayloads.impactpbxHangup(ref: "leak-\(secret)", extra: #","note":"the secret is \#(secret)""#)))
        try send(Requests.post("/hooks/urlnetworks?token=\(secret)",
                               body: "call_event_uuid=u1&method=incoming_ringing&caller_name=\(secret)&service_id=1",
                               contentType: "application/x-www-form-urlencoded"))
        XCTAssertEqual(statuses, [200, 200, 200, 200, 200, 200])

        // The first lines are as they should be: the token out of `query` and of a GET's `raw`.
        let lines = try eventLines()
        XCTAssertEqual((lines[0]["query"] as? [String: Any])?["site"] as? String, "a")
        XCTAssertNil((lines[0]["query"] as? [String: Any])?["token"])
        let getRaw = try XCTUnwrap(lines[3]["raw"] as? [String: Any])
        XCTAssertEqual(getRaw["CallID"] as? String, "77")
        XCTAssertNil(getRaw["token"], "the token is not part of a GET's payload")

        // logrotate: both logs renamed, SIGHUP, the server makes new ones.
        XCTAssertEqual(rename(eventLogPath, eventLogPath + ".1"), 0)
        XCTAssertEqual(rename(rejectsLogPath, rejectsLogPath + ".1"), 0)
        server.signal(SIGHUP)
        let reopened = Date().addingTimeInterval(3)
        while !FileManager.default.fileExists(atPath: eventLogPath) && Date() < reopened { usleep(2_000) }
        statuses = []

        // Stored, with the secret where a client or proxy put it.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: body, headers: ["X-Forwarded-For: \(secret)"]))
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: body, headers: ["User-Agent: pbx/\(secret)"]))
        try send(Array(("POST /hooks/any HTTP/1.1\r\nHost: x\r\n\(basic)\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").utf8)
                 + Self.chunked(OpsPayloads.impactpbxHangup(ref: "chunk-\(secret)")))
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: body, headers: ["Expect: 100-continue"]))
        // Rejected bodies with the secret in them: malformed JSON, not UTF-8, an unsupported type.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: #"{"ref":"\#(secret)","#))
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: Array(#"{"ref":"\#(secret)"#.utf8) + [0xFF, 0xC0]))
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: "<x>\(secret)</x>", contentType: "application/xml"))
        // Refused: wrong secrets in each form, most containing the real one, a 403, a 404.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)\(secret)", body: body))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: ["Authorization: Bearer x\(secret)"]))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: [Self.basic("any", secret + "x")]))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: [Self.basic(secret, "wrong")]))
        try send(Requests.get("/hooks/voipnow/hangup?CallID=78&token=\(secret)x&CallFlow=IN"))
        try send(Requests.post("/hooks/impactpbx?token=x\(secret)", body: body, headers: ["Expect: 100-continue"]))
        try send(Requests.delivery(ref: "g", path: "/hooks/guarded"))
        try send(Requests.post("/hooks/none?token=\(secret)", body: body))
        // Over the limits, the secret in the body and in the target.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: String(repeating: secret, count: 400)))
        try send(Requests.get("/hooks/voipnow?token=\(secret)&pad=" + String(repeating: "p", count: 9000)))
        // Malformed heads carrying it.
        try send(Array("GET /hooks/voipnow?token=\(secret) HTTP/1.1\r\nHost: x\r\nX-\(secret) : 1\r\n\r\n".utf8))
        try send(Array("POST /hooks/impactpbx?token=\(secret) HTTP/1.1\nHost: x\nContent-Length: 2\n\n{}".utf8))
        XCTAssertEqual(statuses, [200, 200, 200, 200, 422, 422, 415, 401, 401, 401, 401, 401, 401, 403, 404, 413, 414, 400, 400])

        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
        XCTAssertEqual(try LogFile.objects(eventLogPath + ".1").count, 6)
        XCTAssertEqual(try eventLines().count, 4)
        XCTAssertEqual(try rejectLines().count, 3)
        let encodedBasic = String(basic.dropFirst("Authorization: Basic ".count))
        // The server's own stdout and stderr files are read below as "stdout" and "stderr".
        let output = Set([server.stdoutPath, server.stderrPath].map { URL(fileURLWithPath: $0).lastPathComponent })
        var written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0 != "config.json" && !output.contains($0) }.map { ($0, LogFile.text(path($0))) }
        XCTAssertEqual(Set(written.map(\.0)), ["events.jsonl", "events.jsonl.1", "rejects.jsonl", "rejects.jsonl.1"])
        // Bodies the rejects log keeps as base64, decoded.
        for name in ["rejects.jsonl", "rejects.jsonl.1"] {
            for line in try LogFile.objects(path(name)) where line["body_encoding"] as? String == "base64" {
                let decoded = Data(base64Encoded: line["body"] as? String ?? "") ?? Data()
                written.append(("\(name), base64 body of \(line["id"] ?? "?")", String(decoding: decoded, as: UTF8.self)))
            }
        }
        written.append(("stdout", server.stdout))
        written.append(("stderr", server.stderr))
        for (name, text) in written {
            XCTAssertFalse(text.contains(secret), "the secret appears in \(name):\n\(text.prefix(4000))")
            XCTAssertFalse(text.contains(encodedBasic), "the Basic credentials appear in \(name)")
        }
    }

    /// `text` as one chunk and the last chunk (RFC 9112 §7.1).
    static func chunked(_ text: String) -> [UInt8] {
        Array((String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n0\r\n\r\n").utf8)
    }
}
