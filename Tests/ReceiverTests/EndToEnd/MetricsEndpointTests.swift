import Foundation
import XCTest
import TestKit

/// `/metrics` and `/healthz` of the real server (Documentation.docc/Receiver.md, "Operating"): the
/// counts match what was sent, the text is well formed, and only loopback (after trusted-proxy
/// resolution) or the admin token may read them.
final class MetricsEndpointTests: XCTestCase {
    var scratch: ScratchDirectory!
    var server: OpsServer?

    override func setUpWithError() throws { scratch = try ScratchDirectory() }

    override func tearDown() {
        server?.stop()
        scratch.remove()
    }

    static let adminToken = "adm1n-t0ken"

    func start(_ settings: [String: Any] = [:]) throws -> OpsServer {
        var routes = OpsServer.defaultRoutes
        routes.append(["name": "guarded", "path": "/hooks/guarded", "vendor": "impactpbx", "secret": OpsServer.secret,
                       "allow": ["203.0.113.0/24"]])
        var all: [String: Any] = ["admin_token": Self.adminToken, "routes": routes]
        all.merge(settings) { $1 }
        let started = try OpsServer.start(in: scratch, settings: all)
        server = started
        return started
    }

    func metrics(_ server: OpsServer, file: StaticString = #filePath, line: UInt = #line) throws -> ExpositionText {
        let response = try server.send(.get("/metrics"))
        XCTAssertEqual(response.status, 200, file: file, line: line)
        XCTAssertEqual(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8", file: file, line: line)
        do {
            return try ExpositionText.parse(response.text)
        } catch {
            XCTFail("\(error)\n\(response.text)", file: file, line: line)
            throw error
        }
    }

    func testCountsMatchWhatWasSent() throws {
        let server = try start()
        // One answered call from each vendor: 3 events each.
        var start = 1_700_000_000
        for vendor in OpsPayloads.Vendor.allCases {
            for payload in OpsPayloads.call(vendor, id: "m\(start)", start: start, answered: true) {
                XCTAssertEqual(try server.deliver(payload).status, 200)
            }
            start += 60
        }
        let hangup = OpsPayloads.call(.impactpbx, id: "m1700000180", start: 1_700_000_180, answered: true)[2]
        let duplicate = try server.deliver(hangup)
        XCTAssertEqual(duplicate.json["duplicate"] as? Bool, true)
        XCTAssertEqual(try server.send(.post("/hooks/impactpbx?token=\(OpsServer.secret)", body: "{\"ref\":", contentType: "application/json")).status, 422)
        XCTAssertEqual(try server.send(hangup.request(secret: "wrong")).status, 401)
        var guarded = hangup
        guarded.path = "/hooks/guarded"
        XCTAssertEqual(try server.deliver(guarded).status, 403)
        XCTAssertEqual(try server.send(.get("/nowhere")).status, 404)

        let parsed = try metrics(server)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "impactpbx", "status": "200"]), 4, "3 stored + 1 duplicate")
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "impactpbx", "status": "422"]), 1)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "impactpbx", "status": "401"]), 1)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "guarded", "status": "403"]), 1)
        XCTAssertEqual(parsed.value("callhook_requests_total", ["route": "", "status": "404"]), 1)
        for route in ["voipnow", "urlnetworks", "voipstudio"] {
            XCTAssertEqual(parsed.value("callhook_requests_total", ["route": route, "status": "200"]), 3, route)
        }
        XCTAssertEqual(parsed.series("callhook_requests_total").reduce(0) { $0 + $1.value }, 17, "12 stored, a duplicate, 422, 401, 403, 404")
        let types = [("voipnow", ["call.ringing", "call.answered", "call.hangup"]),
                     ("urlnetworks", ["call.ringing", "call.answered", "call.hangup"]),
                     ("voipstudio", ["call.ringing", "call.answered", "call.hangup"]),
                     ("impactpbx", ["call.ringing", "call.answered", "call.hangup"])]
        for (vendor, names) in types {
            for type in names {
                XCTAssertEqual(parsed.value("callhook_events_total", ["vendor": vendor, "type": type]), 1, "\(vendor) \(type)")
            }
        }
        XCTAssertEqual(parsed.series("callhook_events_total").count, 12)
        XCTAssertEqual(parsed.value("callhook_duplicates_total", ["route": "impactpbx"]), 1)
        XCTAssertEqual(parsed.value("callhook_rejects_total", ["route": "impactpbx", "status": "422"]), 1)
        XCTAssertEqual(parsed.value("callhook_auth_refusals_total", ["route": "impactpbx", "status": "401"]), 1)
        XCTAssertEqual(parsed.value("callhook_auth_refusals_total", ["route": "guarded", "status": "403"]), 1)

        // Lines and bytes are what the files hold.
        let events = scratch.read("events.jsonl")
        let rejects = scratch.read("rejects.jsonl")
        XCTAssertEqual(parsed.value("callhook_log_lines_written_total", ["log": "events"]), 12)
        XCTAssertEqual(parsed.value("callhook_log_bytes_written_total", ["log": "events"]), Double(events.count))
        XCTAssertEqual(events.filter { $0 == UInt8(ascii: "\n") }.count, 12)
        XCTAssertEqual(parsed.value("callhook_log_lines_written_total", ["log": "rejects"]), 1)
        XCTAssertEqual(parsed.value("callhook_log_bytes_written_total", ["log": "rejects"]), Double(rejects.count))

        // fsync: always; one sync per batch, at least one, at most one per line.
        let syncs = try XCTUnwrap(parsed.value("callhook_fsync_seconds_count"))
        XCTAssertGreaterThanOrEqual(syncs, 1)
        XCTAssertLessThanOrEqual(syncs, 12)
        XCTAssertGreaterThan(try XCTUnwrap(parsed.value("callhook_fsync_seconds_sum")), 0)
        XCTAssertEqual(parsed.value("callhook_storage_healthy"), 1)
    }

    func testAnswersTheServerGivesByItselfAreCounted() throws {
        let server = try start()
        // RFC 9112 §3.2: HTTP/1.1 without Host is answered 400 by the server, never by a route.
        let response = try HTTPTestClient.exchange(port: server.port, Array("GET /hooks/impactpbx HTTP/1.1\r\n\r\n".utf8))
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(try metrics(server).value("callhook_requests_total", ["route": "", "status": "400"]), 1)
    }

    func testOpenConnectionsFollowsTheClients() throws {
        let server = try start()
        func openConnections(becomes expected: Double) throws {
            let deadline = Date().addingTimeInterval(3)
            var last: Double?
            repeat {
                last = try metrics(server).value("callhook_open_connections")
                if last == expected { return }
                usleep(20_000)
            } while Date() < deadline
            XCTFail("callhook_open_connections is \(last.map { "\($0)" } ?? "missing"), expected \(expected)")
        }
        var idle: [HTTPTestClient] = []
        for _ in 0..<3 {
            let client = try HTTPTestClient(port: server.port)
            XCTAssertEqual(try client.request(.get("/healthz")).status, 200)
            idle.append(client)
        }
        try openConnections(becomes: 4)   // three idle ones and the one asking
        idle.removeAll()
        try openConnections(becomes: 1)
    }

    func testHealthzSaysSinceWhenStorageFails() throws {
        // /dev/full takes the open and refuses every write with ENOSPC.
        let server = try start(["event_log": "/dev/full"])
        let before = Date().addingTimeInterval(-1)
        let refused = try server.deliver(OpsPayloads.unique("full-1"))
        XCTAssertEqual(refused.status, 503)
        let response = try server.send(.get("/healthz"))
        XCTAssertEqual(response.status, 503)
        XCTAssertEqual(response.json["ok"] as? Bool, false)
        XCTAssertEqual(response.json["storage"] as? String, "failing")
        let since = try XCTUnwrap(response.json["since"] as? String)
        let when = try XCTUnwrap(ISO8601DateFormatter.withMilliseconds.date(from: since), since)
        XCTAssertTrue(when >= before && when <= Date(), "since \(since)")
        XCTAssertNotNil(response.json["error"] as? String)
        XCTAssertEqual(try metrics(server).value("callhook_storage_healthy"), 0)
    }

    func testNotLoopbackBehindAProxyNeedsTheAdminToken() throws {
        let server = try start()
        // The peer (127.0.0.1) is a trusted proxy, so the client is the forwarded address.
        let forwarded = "X-Forwarded-For: 198.51.100.9"
        for path in ["/metrics", "/healthz"] {
            XCTAssertEqual(try server.send(.get(path, headers: [forwarded])).status, 403, path)
            XCTAssertEqual(try server.send(.get(path, headers: [forwarded, "Authorization: Bearer wrong"])).status, 403, path)
            XCTAssertEqual(try server.send(.get(path, headers: [forwarded, "Authorization: Bearer \(Self.adminToken)"])).status, 200, path)
            XCTAssertEqual(try server.send(.get(path, headers: ["X-Forwarded-For: 127.0.0.1"])).status, 200, "\(path) from loopback")
        }
    }

    func testNotLoopbackWithoutAnAdminTokenIsRefused() throws {
        let server = try start(["admin_token": NSNull()])
        let response = try server.send(.get("/metrics", headers: ["X-Forwarded-For: 198.51.100.9", "Authorization: Bearer \(Self.adminToken)"]))
        XCTAssertEqual(response.status, 403)
    }
}

extension ISO8601DateFormatter {
    /// `2020-01-29T07:45:19.489Z`
    static var withMilliseconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
