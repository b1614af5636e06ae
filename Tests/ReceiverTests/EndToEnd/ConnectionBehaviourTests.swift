import Foundation
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "HTTP/1.1" and Documentation.docc/HTTPConformance.md
/// "Connections", through the real server.
final class ConnectionBehaviourTests: ServerTestCase {
    /// The log line of each id, by `call_id`.
    func callIDs(of ids: [String]) throws -> [String?] {
        let byID = Dictionary(try eventLines().map { ($0["id"] as? String ?? "", $0["call_id"] as? String) },
                              uniquingKeysWith: { first, _ in first })
        return ids.map { byID[$0] ?? nil }
    }

    func testKeepAliveServesSeveralRequestsOnOneConnection() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        var ids: [String] = []
        for index in 0..<4 {
            try client.send(Requests.delivery(ref: "ka-\(index)"))
            let response = try client.readResponse()
            XCTAssertEqual(response.status, 200, response.description)
            XCTAssertFalse(response.closesConnection, response.description)
            ids.append(try XCTUnwrap(response.id))
        }
        XCTAssertEqual(Set(ids).count, 4)
        XCTAssertEqual(try callIDs(of: ids), ["ka-0", "ka-1", "ka-2", "ka-3"])
    }

    func testPipelinedRequestsAreAnsweredInOrder() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        let refs = ["pipe-a", "pipe-b", "pipe-c"]
        try client.send(refs.flatMap { Requests.delivery(ref: $0) })
        var ids: [String] = []
        for _ in refs {
            let response = try client.readResponse()
            XCTAssertEqual(response.status, 200, response.description)
            ids.append(try XCTUnwrap(response.id))
        }
        XCTAssertEqual(Set(ids).count, 3)
        XCTAssertEqual(try eventLines().count, 3)
        XCTAssertEqual(try callIDs(of: ids), refs.map { Optional($0) }, "the n-th response answers the n-th request")
    }

    func testExpectContinueIsAnsweredBeforeTheBodyIsSent() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        let body = Array(OpsPayloads.impactpbxHangup(ref: "continue").utf8)
        let request = Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body, headers: ["Expect: 100-continue"])
        try client.send(Array(request.dropLast(body.count)))
        let interim = try client.readResponse()
        XCTAssertEqual(interim.status, 100, "100 Continue before any byte of the body: \(interim)")
        XCTAssertTrue(interim.version == "HTTP/1.1", interim.description)
        try client.send(body)
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertEqual(try callIDs(of: [try XCTUnwrap(response.id)]), ["continue"])
    }

    func testExpectContinueWithTheBodySentAtOnceStillReadsTheBody() throws {
        let server = try startServer()
        let (informational, response) = try HTTPTestClient(port: server.port).exchangeAll(
            Requests.delivery(ref: "eager", headers: ["Expect: 100-continue"]))
        XCTAssertLessThanOrEqual(informational.count, 1)
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertEqual(try eventLines().count, 1)
    }

    func testChunkedBodyIsReassembled() throws {
        let server = try startServer()
        let payload = Array(OpsPayloads.impactpbxHangup(ref: "chunked").utf8)
        var request = Array(("POST /hooks/impactpbx?token=\(Requests.secret) HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").utf8)
        var offset = 0
        for size in [1, 7, 100, 1000] where offset < payload.count {
            let piece = payload[offset..<min(offset + size, payload.count)]
            request += Array("\(String(piece.count, radix: 16));ext=\"v\"\r\n".utf8) + piece + Array("\r\n".utf8)
            offset += piece.count
        }
        XCTAssertEqual(offset, payload.count)
        request += Array("0\r\nX-Trailer: t\r\n\r\n".utf8)
        let response = try deliver(server, request)
        XCTAssertEqual(response.status, 200, response.description)
        let event = try XCTUnwrap(try eventLines().first)
        XCTAssertEqual(event["call_id"] as? String, "chunked")
        XCTAssertEqual((event["raw"] as? [String: Any])?["duration"] as? Int, 4)
    }

    func testHTTP10ClosesAfterTheResponse() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        try client.send(Requests.replacingVersion(of: Requests.delivery(ref: "old"), with: "HTTP/1.0"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertTrue(client.waitForClose(seconds: 3), "HTTP/1.0 without keep-alive closes after the response")
    }

    func testHTTP10WithKeepAliveStaysOpen() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        for index in 0..<2 {
            try client.send(Requests.replacingVersion(of: Requests.delivery(ref: "old-ka-\(index)", headers: ["Connection: keep-alive"]),
                                                    with: "HTTP/1.0"))
            let response = try client.readResponse()
            XCTAssertEqual(response.status, 200, response.description)
        }
        XCTAssertFalse(client.waitForClose(seconds: 0.2))
    }

    func testConnectionCloseIsHonouredAndFurtherBytesIgnored() throws {
        let server = try startServer()
        let client = try HTTPTestClient(port: server.port)
        try client.send(Requests.delivery(ref: "last", headers: ["Connection: close"]) + Requests.delivery(ref: "ignored"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertTrue(client.waitForClose(seconds: 3))
        XCTAssertTrue(client.unparsed.isEmpty, "one response only: \(String(decoding: client.unparsed, as: UTF8.self))")
        XCTAssertEqual(try callIDs(of: [try XCTUnwrap(response.id)]), ["last"])
        XCTAssertEqual(try eventLines().count, 1, "the request after Connection: close is not handled")
    }
}
