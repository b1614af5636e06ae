import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Operating": `/healthz` and `/metrics`, from loopback only (after
/// trusted-proxy resolution), and diagnostics one line each with a level.
final class AdminEndpointTests: ServerTestCase {
    func testHealthzSaysStorageIsWritable() throws {
        let server = try startServer()
        let response = try deliver(server, Requests.get("/healthz"))
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertEqual(response.json["ok"] as? Bool, true)
        XCTAssertEqual(response.json["storage"] as? String, "writable")
    }

    func testMetricsCountRequestsEventsAndRefusals() throws {
        let server = try startServer()
        XCTAssertEqual(try deliver(server).status, 200)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx", body: "{}")).status, 401)
        let response = try deliver(server, Requests.get("/metrics"))
        XCTAssertEqual(response.status, 200, response.description)
        XCTAssertEqual(response.header("Content-Type")?.hasPrefix("text/plain"), true)
        let text = response.text
        for expected in [#"callhook_requests_total{route="impactpbx",status="200"} 1"#,
                         #"callhook_requests_total{route="impactpbx",status="401"} 1"#,
                         #"callhook_events_total{vendor="impactpbx",type="call.hangup"} 1"#,
                         "callhook_storage_healthy 1"] {
            XCTAssertTrue(text.contains(expected), "\(expected) not in:\n\(text)")
        }
        XCTAssertFalse(text.contains(Requests.secret))
    }

    func testAdminEndpointsRefuseAClientForwardedByATrustedProxy() throws {
        let server = try startServer()
        for path in ["/healthz", "/metrics"] {
            let response = try deliver(server, Requests.get(path, headers: ["X-Forwarded-For: 198.51.100.1"]))
            XCTAssertEqual(response.status, 403, "\(path) proxied from outside: \(response)")
        }
    }

    func testDiagnosticsAreOneLineEachWithALevel() throws {
        let server = try startServer()
        XCTAssertEqual(try deliver(server).status, 200)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: "{")).status, 422)
        server.signal(SIGHUP)
        usleep(100_000)
        server.signal(SIGTERM)
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
        let lines = server.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertGreaterThan(lines.count, 1)
        for line in lines where !line.hasPrefix("listening on ") {
            XCTAssertTrue(line.hasPrefix("info: ") || line.hasPrefix("warning: ") || line.hasPrefix("error: "),
                          "a diagnostic without a level: \(line)")
        }
        XCTAssertFalse(server.stderr.contains("NORMAL_CLEARING"), "no payloads on stderr")
    }
}
