import Foundation
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Authentication": one info line per refusal with route, client
/// and reason, never the secret; "Operating": `/metrics` has a per-route request latency
/// histogram, and Prometheus's own checker accepts the whole text.
final class RefusalDiagnosticsTests: ServerTestCase {
    func testEachRefusalIsOneInfoLineWithItsReasonAndNoSecret() throws {
        let server = try startServer()
        let guess = "guessed-Secret-123"
        let payload = OpsPayloads.impactpbxHangup(ref: "refusal-1")
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx?token=\(guess)", body: payload)).status, 401)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx", body: payload)).status, 401)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/guarded?token=\(Requests.secret)", body: payload)).status, 403)

        let lines = try waitForLines(server, containing: "refused ", count: 3)
        XCTAssertEqual(lines, [
            #"info: refused route=impactpbx client=127.0.0.1 reason="wrong secret""#,
            #"info: refused route=impactpbx client=127.0.0.1 reason="missing secret""#,
            #"info: refused route=guarded client=127.0.0.1 reason="address not allowed""#,
        ])
        let stderr = server.stderr
        XCTAssertFalse(stderr.contains(guess) || stderr.contains(Requests.secret) || stderr.contains("refusal-1"), stderr)
    }

    func testAFloodOfRefusalsIsHeldToAFewLinesASecond() throws {
        let server = try startServer()
        let request = Requests.post("/hooks/impactpbx?token=wrong", body: "{}")
        let started = Date()
        // A refusal at the head closes a connection that announced a body: one connection each.
        for _ in 0..<50 { XCTAssertEqual(try deliver(server, request).status, 401) }
        let seconds = Date().timeIntervalSince(started)
        _ = try waitForLines(server, containing: "refused ", count: 1)
        let written = server.stderr.split(separator: "\n").filter { $0.contains("refused ") }.count
        // 5 lines per reason per second; the 50 refusals took `seconds`.
        XCTAssertLessThanOrEqual(written, 5 * (Int(seconds) + 2), "\(written) lines in \(seconds) s")
        XCTAssertLessThan(written, 50)
    }

    func testRequestLatencyHistogramPerRouteAndPromtoolAcceptsMetrics() throws {
        let server = try startServer()
        for _ in 0..<3 { XCTAssertEqual(try deliver(server).status, 200) }
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/voipstudio?token=\(Requests.secret)", body: "{")).status, 422)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx?token=nope", body: "{}")).status, 401)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/guarded", body: "{}")).status, 403)
        XCTAssertEqual(try deliver(server, Requests.get("/nowhere")).status, 404)
        XCTAssertEqual(try deliver(server, Array("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n".utf8)).status, 400)
        XCTAssertEqual(try deliver(server, Requests.post("/hooks/impactpbx?token=\(Requests.secret)", body: "")).status, 200)

        let text = try deliver(server, Requests.get("/metrics")).text
        XCTAssertTrue(text.contains("# TYPE callhook_request_duration_seconds histogram"), text)
        XCTAssertTrue(text.contains(#"callhook_request_duration_seconds_count{route="impactpbx"} 4"#), text)
        XCTAssertTrue(text.contains(#"callhook_request_duration_seconds_count{route="voipstudio"} 1"#), text)
        XCTAssertTrue(text.contains(#"callhook_request_duration_seconds_bucket{route="impactpbx",le="+Inf"} 4"#), text)
        XCTAssertFalse(text.contains(#"callhook_request_duration_seconds_count{route="guarded"}"#),
                       "a request refused at its head has no body read to time")

        guard let promtool = Self.executable("promtool") else {
            throw XCTSkip("promtool not found (Debian's prometheus package); .ci/run installs it")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: promtool)
        process.arguments = ["check", "metrics"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let report = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "promtool check metrics:\n\(report)\n\(text)")
        XCTAssertEqual(report.trimmingCharacters(in: .whitespacesAndNewlines), "", "promtool lints nothing:\n\(report)")
    }

    private func waitForLines(_ server: CallhookProcess, containing needle: String, count: Int) throws -> [String] {
        let deadline = Date().addingTimeInterval(5)
        var lines: [String] = []
        repeat {
            lines = server.stderr.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
            if lines.count >= count { break }
            usleep(5_000)
        } while Date() < deadline
        return lines
    }

    static func executable(_ name: String) -> String? { ExternalProgram.path(name) }
}
