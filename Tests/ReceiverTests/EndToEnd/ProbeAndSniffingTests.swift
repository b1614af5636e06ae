import Foundation
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Bodies": empty deliveries are probes, and bodies are read as
/// what they are.
final class ProbeAndSniffingTests: ServerTestCase {
    let secret = TestConfiguration.secret

    /// A sender's "test this URL" button, or `curl -X POST`: answered, counted, never written.
    func testEmptyDeliveriesAreProbesAndNothingIsWritten() throws {
        let server = try startServer()
        let probes: [(route: String, request: [UInt8])] = [
            ("impactpbx", Requests.post("/hooks/impactpbx?token=\(secret)", body: "", contentType: nil)),
            ("impactpbx", Requests.post("/hooks/impactpbx?token=\(secret)", body: "", contentType: "application/json")),
            ("voipnow", Requests.get("/hooks/voipnow?token=\(secret)")),
            ("urlnetworks", Requests.post("/hooks/urlnetworks", body: "\r\n", contentType: "application/x-www-form-urlencoded",
                                         headers: ["Authorization: Bearer \(secret)"])),
        ]
        for probe in probes {
            let response = try deliver(server, probe.request)
            XCTAssertEqual(response.status, 200, response.description)
            XCTAssertEqual(response.text, #"{"ok":true,"probe":true}"#)
        }
        XCTAssertEqual(try eventLines().count, 0, "a probe is never an event")
        XCTAssertEqual(try rejectLines().count, 0, "nor a reject")
        XCTAssertEqual(try metric(server, #"callhook_probes_total{route="impactpbx"}"#), 2)
        XCTAssertEqual(try metric(server, #"callhook_probes_total{route="voipnow"}"#), 1)
        // A probe still needs the secret.
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx", body: "", contentType: nil)).status, 401)
        // Fields in the URL are a delivery, not a probe.
        let fields = try deliver(server, Requests.get("/hooks/voipnow?token=\(secret)&CallID=c1&CallStatus=ANSWER&CallFlow=IN"))
        XCTAssertNil(fields.json["probe"], fields.description)
        XCTAssertEqual(try eventLines().count, 1)
    }

    /// Two different VoipNow events POSTed with empty bodies and every field in the URL.
    func testQueryOnlyPostsAreTwoEvents() throws {
        let server = try startServer()
        for status in ["ANSWER", "BUSY"] {
            let response = try deliver(server, Requests.post("/hooks/voipnow?token=\(secret)&CallAPIID=a1&CallStatus=\(status)",
                                                             body: "", contentType: nil))
            XCTAssertEqual(response.status, 200, response.description)
            XCTAssertNil(response.json["duplicate"], response.description)
        }
        XCTAssertEqual(try eventLines().count, 2)
    }

    func testJSONScalarsAre422AndKeptInTheRejectsLog() throws {
        let server = try startServer()
        for body in ["42", #""x""#, "null"] {
            let response = try deliver(server, Requests.post("/hooks/impactpbx?token=\(secret)", body: body))
            XCTAssertEqual(response.status, 422, response.description)
            XCTAssertTrue((response.json["error"] as? String)?.hasPrefix("JSON top level is") == true, response.description)
        }
        XCTAssertEqual(try eventLines().count, 0)
        XCTAssertEqual(try rejectLines().map { $0["body"] as? String }, ["42", #""x""#, "null"])
    }

    func testJSONUnderAFormTypeOrTextJSONIsJSON() throws {
        let server = try startServer()
        // curl --data sends a JSON array with the form type.
        let array = try deliver(server, Requests.post("/hooks/impactpbx?token=\(secret)", body: #"[{"ref":"r1","action":"ring"}]"#,
                                                      contentType: "application/x-www-form-urlencoded"))
        XCTAssertEqual(array.status, 200, array.description)
        let textJSON = try deliver(server, Requests.post("/hooks/impactpbx?token=\(secret)", body: #"{"ref":"r2","action":"ring"}"#,
                                                         contentType: "text/json"))
        XCTAssertEqual(textJSON.status, 200, textJSON.description)
        let lines = try eventLines()
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0]["raw"] is [Any], "the array is kept as JSON: \(lines[0])")
        XCTAssertEqual(lines[1]["call_id"] as? String, "r2")
        XCTAssertEqual(lines[1]["type"] as? String, "call.ringing")
    }
}
