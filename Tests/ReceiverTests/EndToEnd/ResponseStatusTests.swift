import Foundation
import Glibc
import XCTest
import TestKit

/// Every row of Documentation.docc/Receiver.md's "Responses" table, through the real server.
final class ResponseStatusTests: ServerTestCase {
    static let callEventFields = [
        "id", "received_at", "route", "vendor", "type", "vendor_event", "key", "call_id", "direction",
        "from", "to", "extension", "outcome", "cause", "occurred_at", "started_at", "answered_at",
        "ended_at", "duration_seconds", "talk_seconds", "recording", "source", "raw", "query",
    ]

    /// Small limits so each can be crossed cheaply.
    var smallLimits: TestConfiguration {
        var config = TestConfiguration()
        config.limits = ["max_body_bytes": 4096, "max_header_bytes": 4096, "max_target_bytes": 512]
        return config
    }

    func assertNothingStored(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try eventLines(file: file, line: line).count, 0, "refused requests are never stored", file: file, line: line)
        XCTAssertEqual(try rejectLines(file: file, line: line).count, 0, "refused requests are never stored", file: file, line: line)
    }

    // MARK: - 200

    func testStoredDeliveryIsLoggedWithEveryFieldUnderTheAnsweredID() throws {
        let server = try startServer()
        let ref = "460a36b6-09e7-466b-97d8-903c8cf4fc6c"
        let response = try deliver(server, Requests.delivery(ref: ref))
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.json["ok"] as? Bool, true)
        XCTAssertNil(response.json["duplicate"])
        let id = try XCTUnwrap(response.id)
        // A lowercase UUIDv7 (RFC 9562): version nibble 7, variant 10xx.
        let uuid = Array(id.utf8)
        XCTAssertEqual(uuid.count, 36)
        XCTAssertEqual(id, id.lowercased())
        XCTAssertEqual(uuid[14], UInt8(ascii: "7"), id)
        XCTAssertTrue("89ab".utf8.contains(uuid[19]), id)

        let lines = try eventLines()
        XCTAssertEqual(lines.count, 1)
        let event = try XCTUnwrap(lines.first)
        for field in Self.callEventFields {
            XCTAssertTrue(event.keys.contains(field), "field \(field) missing from \(event.keys.sorted())")
        }
        XCTAssertEqual(Set(event.keys), Set(Self.callEventFields), "no field beyond those of Documentation.docc/EventSchema.md")
        XCTAssertEqual(event["id"] as? String, id)
        XCTAssertEqual(event["route"] as? String, "impactpbx")
        XCTAssertEqual(event["vendor"] as? String, "impactpbx")
        XCTAssertEqual(event["type"] as? String, "call.hangup")
        XCTAssertEqual(event["key"] as? String, OpsPayloads.impactpbxKey(ref: ref))
        XCTAssertEqual(event["call_id"] as? String, ref)
        XCTAssertEqual(event["started_at"] as? String, "2020-01-29T07:45:19.489Z")
        XCTAssertEqual(event["duration_seconds"] as? Int, 20)
        XCTAssertTrue(event["query"] is NSNull, "the token is the only query field, and it is removed")
        let from = try XCTUnwrap(event["from"] as? [String: Any])
        XCTAssertEqual(Set(from.keys), ["number", "name"])
        XCTAssertEqual(Set(try XCTUnwrap(event["to"] as? [String: Any]).keys), ["number", "name"])
        let source = try XCTUnwrap(event["source"] as? [String: Any])
        XCTAssertEqual(source["addr"] as? String, "127.0.0.1")
        XCTAssertEqual(source["user_agent"] as? String, "callhook-e2e/1")
        let raw = try XCTUnwrap(event["raw"] as? [String: Any])
        XCTAssertEqual(raw["call_start_uepoch"] as? Int, 1580283919489709, "raw keeps numbers as numbers")
        XCTAssertEqual(try rejectLines().count, 0)
    }

    func testSameKeyAgainIsAnsweredDuplicateWithTheFirstIDAndNotWrittenAgain() throws {
        let server = try startServer()
        let first = try deliver(server, Requests.delivery(ref: "dup-1"))
        XCTAssertEqual(first.status, 200)
        let second = try deliver(server, Requests.delivery(ref: "dup-1"))
        XCTAssertEqual(second.status, 200, second.description)
        XCTAssertEqual(second.json["ok"] as? Bool, true)
        XCTAssertEqual(second.json["duplicate"] as? Bool, true)
        XCTAssertEqual(second.id, first.id)
        XCTAssertEqual(try eventLines().count, 1)
    }

    // MARK: - 422, 415

    func testMalformedJSONIs422WithTheRejectIDAndKeptInTheRejectsLog() throws {
        let server = try startServer()
        let body = #"{"ref":"x","action":"#
        let response = try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body))
        XCTAssertEqual(response.status, 422, response.description)
        XCTAssertEqual(response.json["ok"] as? Bool, false)
        let error = try XCTUnwrap(response.json["error"] as? String)
        XCTAssertFalse(error.isEmpty)
        let id = try XCTUnwrap(response.id)

        XCTAssertEqual(try eventLines().count, 0)
        let rejects = try rejectLines()
        XCTAssertEqual(rejects.count, 1)
        let reject = try XCTUnwrap(rejects.first)
        XCTAssertEqual(reject["id"] as? String, id)
        XCTAssertEqual(reject["error"] as? String, error)
        XCTAssertEqual(reject["content_type"] as? String, "application/json")
        XCTAssertEqual(reject["body"] as? String, body)
        XCTAssertEqual(reject["route"] as? String, "impactpbx")
        XCTAssertEqual(reject["vendor"] as? String, "impactpbx")
        XCTAssertNotNil(reject["received_at"] as? String)
        XCTAssertEqual((reject["source"] as? [String: Any])?["addr"] as? String, "127.0.0.1")
    }

    func testUnsupportedContentTypeIs415AndKeptInTheRejectsLog() throws {
        let server = try startServer()
        let body = "<call ref=\"1\"/>"
        let response = try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body,
                                                         contentType: "application/xml"))
        XCTAssertEqual(response.status, 415, response.description)
        XCTAssertEqual(response.json["ok"] as? Bool, false)
        let id = try XCTUnwrap(response.id)
        let reject = try XCTUnwrap(try rejectLines().first)
        XCTAssertEqual(reject["id"] as? String, id)
        XCTAssertEqual(reject["content_type"] as? String, "application/xml")
        XCTAssertEqual(reject["body"] as? String, body)
        XCTAssertEqual(try eventLines().count, 0)
    }

    func testBodyThatIsNotUTF8IsKeptInTheRejectsLogAsBase64() throws {
        let server = try startServer()
        let body: [UInt8] = [0x3C, 0xFF, 0xFE, 0x00, 0x3E]
        let response = try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body,
                                                         contentType: "image/png"))
        XCTAssertEqual(response.status, 415, response.description)
        let reject = try XCTUnwrap(try rejectLines().first)
        XCTAssertEqual(reject["body_encoding"] as? String, "base64")
        XCTAssertEqual((reject["body"] as? String).flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }, body)
    }

    // MARK: - Refusals at the head

    func testUnknownPathIs404() throws {
        let server = try startServer()
        let response = try deliver(server, Requests.post("/hooks/nowhere?token=\(Requests.secret)", body: "{}"))
        XCTAssertEqual(response.status, 404, response.description)
        XCTAssertEqual(response.header("Content-Type"), "application/json")
        XCTAssertEqual(response.json["ok"] as? Bool, false)
        // One segment past a route is its event hint; two are not the route.
        XCTAssertEqual(try deliver(server, Requests.get("/hooks/voipnow/a/b?token=\(Requests.secret)&CallID=1")).status, 404)
        try assertNothingStored()
    }

    func testMissingOrWrongSecretIs401WithABasicChallenge() throws {
        let server = try startServer()
        for target in ["/hooks/impactpbx", "/hooks/impactpbx?token=wrong"] {
            let response = try deliver(server, Requests.post(target, body: OpsPayloads.impactpbxHangup(ref: "r401")))
            XCTAssertEqual(response.status, 401, "\(target): \(response)")
            XCTAssertEqual(response.header("WWW-Authenticate")?.hasPrefix("Basic"), true, response.description)
        }
        try assertNothingStored()
    }

    func testAddressOutsideTheAllowListIs403() throws {
        let server = try startServer()
        let response = try deliver(server, Requests.delivery(ref: "r403", path: "/hooks/guarded"))
        XCTAssertEqual(response.status, 403, response.description)
        try assertNothingStored()
    }

    func testMethodNotServedIs405WithAllow() throws {
        let server = try startServer()
        for method in ["PUT", "DELETE", "PATCH"] {
            let request = "\(method) /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
            let response = try deliver(server, Array(request.utf8))
            XCTAssertEqual(response.status, 405, "\(method): \(response)")
            let allow = try XCTUnwrap(response.header("Allow"), method)
            XCTAssertEqual(Set(allow.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }),
                           ["GET", "POST", "HEAD", "OPTIONS"])
        }
        try assertNothingStored()
    }

    func testHeadAndOptionsAreAnsweredWithoutStoring() throws {
        let server = try startServer()
        let head = try deliver(server, Array("HEAD /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        XCTAssertEqual(head.status, 200, head.description)
        let options = try deliver(server, Array("OPTIONS /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        XCTAssertLessThan(options.status, 300, options.description)
        XCTAssertNotNil(options.header("Allow"))
        try assertNothingStored()
    }

    // MARK: - Limits

    func testContentLengthOverMaxBodyBytesIs413BeforeTheBodyIsRead() throws {
        let server = try startServer(smallLimits)
        let client = try HTTPTestClient(port: server.port)
        // The head alone: the answer must not wait for 5000 bytes that never come.
        try client.send("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413, response.description)
        XCTAssertTrue(client.waitForClose(seconds: 3), "the connection closes after a 413 with a body announced")
        try assertNothingStored()
    }

    func testContentLengthOverMaxBodyBytesWithExpectContinueIs413WithoutA100() throws {
        let server = try startServer(smallLimits)
        let client = try HTTPTestClient(port: server.port)
        try client.send("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 413, "the first response must be the final 413, no 100: \(response)")
        try assertNothingStored()
    }

    func testChunkedBodyOverMaxBodyBytesIs413() throws {
        let server = try startServer(smallLimits)
        let chunk = String(repeating: "a", count: 3000)
        let request = "POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nbb8\r\n\(chunk)\r\nbb8\r\n\(chunk)\r\n0\r\n\r\n"
        let response = try deliver(server, Array(request.utf8))
        XCTAssertEqual(response.status, 413, response.description)
        try assertNothingStored()
    }

    func testWrongSecretWithExpectContinueIs401WithoutA100() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        try client.send("POST /hooks/impactpbx?token=wrong HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 500\r\nExpect: 100-continue\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 401, "the first response must be the final 401, no 100: \(response)")
        XCTAssertTrue(client.waitForClose(seconds: 3), "the unread body is never read: the connection closes")
        try assertNothingStored()
    }

    func testHeaderSectionOverMaxHeaderBytesIs431() throws {
        let server = try startServer(smallLimits)
        let request = Requests.delivery(headers: ["X-Padding: " + String(repeating: "p", count: 5000)])
        let response = try deliver(server, request)
        XCTAssertEqual(response.status, 431, response.description)
        try assertNothingStored()
    }

    func testTargetOverMaxTargetBytesIs414() throws {
        let server = try startServer(smallLimits)
        let target = "/hooks/voipnow?token=\(Requests.secret)&CallID=" + String(repeating: "1", count: 600)
        let response = try deliver(server, Requests.get(target))
        XCTAssertEqual(response.status, 414, response.description)
        try assertNothingStored()
    }

    // MARK: - Malformed HTTP

    func testMalformedHeadIs400AndTheConnectionIsClosed() throws {
        let server = try startServer()
        // RFC 9112 §5.1: no white space between a field name and the colon.
        let client = try HTTPTestClient(port: server.port)
        try client.send("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost : x\r\nContent-Length: 2\r\n\r\n{}")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 400, response.description)
        XCTAssertTrue(response.closesConnection, "400 carries Connection: close: \(response)")
        XCTAssertTrue(client.waitForClose(seconds: 3), "the server closes after a 400")
        try assertNothingStored()
    }

    func testContentLengthWithTransferEncodingIs400AndClosed() throws {
        let server = try startServer()
        // RFC 9112 §6.3: the classic smuggling vector.
        let client = try HTTPTestClient(port: server.port)
        try client.send("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 400, response.description)
        XCTAssertTrue(client.waitForClose(seconds: 3))
        try assertNothingStored()
    }

    func testTransferEncodingGzipIs501AndClosed() throws {
        let server = try startServer()
        // RFC 9112 §6.1: a coding we do not support, never a fallback to Content-Length.
        let client = try HTTPTestClient(port: server.port)
        try client.send("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n"
            + "Transfer-Encoding: gzip\r\n\r\n")
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 501, response.description)
        XCTAssertTrue(response.closesConnection, response.description)
        XCTAssertTrue(client.waitForClose(seconds: 3))
        try assertNothingStored()
    }

    // MARK: - 503

    func testRequestCompletedWhileStoppingIs503WithConnectionClose() throws {
        var config = TestConfiguration()
        config.limits = ["drain_timeout_ms": 5000]
        let server = try startServer(config)
        let body = Array(OpsPayloads.impactpbxHangup(ref: "late").utf8)
        let request = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)
        let client = try HTTPTestClient(port: server.port)
        // Everything but the last byte, then SIGTERM, then the last byte.
        try client.send(Array(request.dropLast()))
        usleep(200_000)
        server.signal(SIGTERM)
        usleep(200_000)
        try client.send([request.last!])
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 503, response.description)
        XCTAssertTrue(response.closesConnection, response.description)
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
        XCTAssertEqual(try eventLines().count, 0)
    }
}
