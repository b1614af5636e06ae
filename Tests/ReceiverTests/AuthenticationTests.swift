import Foundation
import Glibc
import XCTest

/// receiver.md "Authentication": the secret as `?token=`, Basic password or Bearer, and never
/// in any log.
final class AuthenticationTests: ServerTestCase {
    let secret = Requests.secret
    var body: String { Payloads.impactpbxHangup(ref: UUID().uuidString) }

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
            XCTAssertFalse(response.bodyText.contains(secret), "a 401 never echoes the secret: \(response)")
        }
        XCTAssertEqual(try eventLines().count, 0)
    }

    func testSecretNeverAppearsInTheLogsOrOnStderr() throws {
        let server = try startServer()
        let basic = Self.basic("any", secret)
        var statuses: [Int] = []
        func send(_ request: [UInt8]) throws {
            let response = try deliver(server, request)
            XCTAssertFalse(response.bodyText.contains(secret), "a response never echoes the secret: \(response)")
            statuses.append(response.status)
        }
        // Good, in each form, with other query fields beside the token.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)&site=a", body: body))
        try send(Requests.post("/hooks/impactpbx?site=b", body: body, headers: [basic]))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: ["Authorization: Bearer \(secret)"]))
        // VoipNow's GET mode: the payload is the query, the token among it.
        try send(Requests.get("/hooks/voipnow/hangup?CallID=77&token=\(secret)&CallerIDNum=0390085900&CallStatus=ANSWER&CallFlow=IN"))
        // The secret's text inside the payload itself.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)",
                               body: Payloads.impactpbxHangup(ref: "leak-\(secret)", extra: #","note":"the secret is \#(secret)""#)))
        try send(Requests.post("/hooks/urlnetworks?token=\(secret)",
                               body: "call_event_uuid=u1&method=incoming_ringing&caller_name=\(secret)&service_id=1",
                               contentType: "application/x-www-form-urlencoded"))
        // Rejected bodies with the secret in them and in the query.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: #"{"ref":"\#(secret)","#))
        try send(Requests.post("/hooks/impactpbx?token=\(secret)", body: "<x>\(secret)</x>", contentType: "application/xml"))
        // Refused: wrong secrets that contain the real one, a 403, a 404 with the token.
        try send(Requests.post("/hooks/impactpbx?token=\(secret)\(secret)", body: body))
        try send(Requests.post("/hooks/impactpbx", body: body, headers: ["Authorization: Bearer x\(secret)"]))
        try send(Requests.delivery(ref: "g", path: "/hooks/guarded"))
        try send(Requests.post("/hooks/none?token=\(secret)", body: body))
        // A malformed head carrying it.
        try send(Array("GET /hooks/voipnow?token=\(secret) HTTP/1.1\r\nHost: x\r\nX-\(secret) : 1\r\n\r\n".utf8))
        XCTAssertEqual(statuses, [200, 200, 200, 200, 200, 200, 422, 415, 401, 401, 403, 404, 400])

        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
        let events = LogFile.text(eventLogPath)
        let rejects = LogFile.text(rejectsLogPath)
        XCTAssertEqual(try eventLines().count, 6)
        XCTAssertEqual(try rejectLines().count, 2)
        let encodedBasic = String(basic.dropFirst("Authorization: Basic ".count))
        for (name, text) in [("events.jsonl", events), ("rejects.jsonl", rejects), ("stderr", server.stderrText)] {
            XCTAssertFalse(text.contains(secret), "the secret appears in \(name):\n\(text.prefix(4000))")
            XCTAssertFalse(text.contains(encodedBasic), "the Basic credentials appear in \(name)")
        }
        // The token is taken out of `query` and of a GET's `raw`, the other fields kept.
        let lines = try eventLines()
        XCTAssertEqual((lines[0]["query"] as? [String: Any])?["site"] as? String, "a")
        XCTAssertNil((lines[0]["query"] as? [String: Any])?["token"])
        let getRaw = try XCTUnwrap(lines[3]["raw"] as? [String: Any])
        XCTAssertEqual(getRaw["CallID"] as? String, "77")
        XCTAssertNil(getRaw["token"], "the token is not part of a GET's payload")
    }
}
