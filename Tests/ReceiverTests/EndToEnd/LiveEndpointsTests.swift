import Foundation
import XCTest
import TestKit

/// Documentation.docc/Live.md: the console's page and its cookie hand-off, `/calls/active` and
/// `/calls/summary`.
final class LiveEndpointsTests: ServerTestCase {
    private static let token = "adm-Q4v8-xT2p"
    private let outside = "X-Forwarded-For: 198.51.100.1"   // through the trusted proxy, from outside

    private func liveServer() throws -> CallhookProcess {
        var config = TestConfiguration()
        config.extra["admin_token"] = Self.token
        return try startServer(config)
    }

    private func ringing(ref: String) -> [UInt8] {
        let body = OpsPayloads.impactpbxHangup(ref: ref).replacingOccurrences(of: #""action":"hangup""#, with: #""action":"ring""#)
            .replacingOccurrences(of: #""timestamp":"2020-01-29T07:45:40.000+00:00""#, with: #""timestamp":"2020-01-29T07:45:19.000+00:00""#)
        return Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: body)
    }

    func testConsoleIsSelfContainedWithStrictHeaders() throws {
        let server = try liveServer()
        for path in ["/console", "/console/console.js", "/console/console.css"] {
            let response = try deliver(server, Requests.get(path))
            XCTAssertEqual(response.status, 200, "\(path): \(response)")
            XCTAssertEqual(response.header("Content-Security-Policy")?.hasPrefix("default-src 'self'"), true)
            XCTAssertEqual(response.header("X-Frame-Options"), "DENY")
            XCTAssertEqual(response.header("Referrer-Policy"), "no-referrer")
            XCTAssertFalse(response.text.contains("://"), "\(path) refers to nothing outside the binary")
            XCTAssertFalse(response.text.contains("innerHTML"), "\(path) shows payloads as text only")
        }
        XCTAssertEqual(try deliver(server, Requests.get("/console")).header("Content-Type"), "text/html; charset=utf-8")
    }

    func testTokenBecomesAnHttpOnlyCookieAndLeavesTheAddressBar() throws {
        let server = try liveServer()
        XCTAssertEqual(try deliver(server, Requests.get("/console", headers: [outside])).status, 403)
        XCTAssertEqual(try deliver(server, Requests.get("/console?token=wrong", headers: [outside])).status, 403)
        let handOff = try deliver(server, Requests.get("/console?token=\(Self.token)", headers: [outside]))
        XCTAssertEqual(handOff.status, 303, handOff.description)
        XCTAssertEqual(handOff.header("Location"), "/console")
        let cookie = try XCTUnwrap(handOff.header("Set-Cookie"))
        XCTAssertTrue(cookie.hasPrefix("callhook_admin=\(Self.token);"), cookie)
        XCTAssertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie)
        let pair = String(cookie.prefix { $0 != ";" })
        for path in ["/console", "/calls/active", "/calls/summary"] {
            XCTAssertEqual(try deliver(server, Requests.get(path, headers: [outside, "Cookie: theme=dark; \(pair)"])).status, 200, path)
            XCTAssertEqual(try deliver(server, Requests.get(path, headers: [outside, "Cookie: callhook_admin=nope"])).status, 403, path)
        }
        XCTAssertEqual(try deliver(server, Requests.get("/calls/active", headers: [outside, "Authorization: Bearer \(Self.token)"])).status, 200)
    }

    func testACallMovesIntoAndOutOfProgressAndIsCounted() throws {
        let server = try liveServer()
        XCTAssertEqual(try deliver(server, ringing(ref: "live-1")).status, 200)
        let active = try deliver(server, Requests.get("/calls/active"))
        XCTAssertEqual(active.status, 200)
        let calls = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(active.body)) as? [[String: Any]])
        XCTAssertEqual(calls.map { $0["call"] as? String }, ["impactpbx:live-1"])
        XCTAssertEqual(calls.first?["state"] as? String, "ringing")
        XCTAssertEqual(try deliver(server, Requests.delivery(ref: "live-1")).status, 200)
        XCTAssertEqual(try deliver(server, Requests.get("/calls/active")).text, "[]")
        let summary = try deliver(server, Requests.get("/calls/summary?by=vendor"))
        let groups = try XCTUnwrap(summary.json["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.first?["group"] as? String, "impactpbx")
        XCTAssertEqual(groups.first?["calls"] as? Int, 1)
        XCTAssertEqual(groups.first?["answered"] as? Int, 1)
        XCTAssertEqual(try deliver(server, Requests.get("/calls/summary?by=week")).status, 400)
    }

    func testCallsInProgressAreRebuiltFromTheLogAtStart() throws {
        var config = TestConfiguration()
        config.extra["admin_token"] = Self.token
        let first = try startServer(config)
        XCTAssertEqual(try deliver(first, ringing(ref: "live-2")).status, 200)
        first.signal(SIGTERM)
        XCTAssertEqual(first.waitForExit(seconds: 10), 0)
        let second = try startServer(config)
        XCTAssertTrue(try deliver(second, Requests.get("/calls/active")).text.contains(#""call":"impactpbx:live-2""#))
    }
}
