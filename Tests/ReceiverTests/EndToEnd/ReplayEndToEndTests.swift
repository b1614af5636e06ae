import Foundation
import XCTest
import TestKit

/// `callhook replay` on a log the server wrote: with today's decoders every line comes back
/// byte for byte, and the log is not touched.
final class ReplayEndToEndTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch.remove() }

    /// Every way a delivery reaches the server: four vendors, answered and missed, GET and
    /// POST, a POST with query fields, the `auto` route, and route hints.
    func writeLog() throws {
        let server = try OpsServer.start(in: scratch)
        defer { server.stop() }
        var payloads: [OpsPayloads.Payload] = []
        var start = 1_700_000_000
        for vendor in OpsPayloads.Vendor.allCases {
            for answered in [true, false] {
                payloads += OpsPayloads.call(vendor, id: vendor == .voipstudio ? "\(start)" : "r\(start)", start: start, answered: answered)
                start += 60
            }
        }
        var auto = OpsPayloads.call(.impactpbx, id: "auto-1", start: start, answered: true)[2]
        auto.path = "/hooks/any"
        payloads.append(auto)
        // URL Networks' own examples send method=extension_ringing for a hangup; the hint decides.
        var hinted = OpsPayloads.call(.urlnetworks, id: "hinted-1", start: start, answered: true)[0]
        hinted.path = "/hooks/urlnetworks/hangup"
        payloads.append(hinted)
        var autoHinted = hinted
        autoHinted.path = "/hooks/any/answered"
        autoHinted.body += "&extension_user_id=9"
        payloads.append(autoHinted)
        var form = OpsPayloads.call(.voipnow, id: "form-1", start: start, answered: true)[2]
        form.method = "POST"
        form.body = form.query
        form.query = "source=pbx2"
        form.contentType = "application/x-www-form-urlencoded"
        payloads.append(form)
        for payload in payloads {
            let response = try server.deliver(payload)
            XCTAssertEqual(response.status, 200, "\(payload.path): \(response)")
        }
        XCTAssertEqual(server.stop(), 0)
        XCTAssertEqual(scratch.lines("events.jsonl").count, payloads.count)
    }

    func testReplayGivesTheSameLinesAndLeavesTheLogAlone() throws {
        try writeLog()
        let log = scratch.file("events.jsonl")
        let before = scratch.read("events.jsonl")
        let modified = try FileManager.default.attributesOfItem(atPath: log)[.modificationDate] as? Date

        let result = try CallhookProcess.run(["replay", log], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let replayed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let original = scratch.lines("events.jsonl")
        XCTAssertEqual(replayed.count, original.count)
        for (old, new) in zip(original, replayed) {
            XCTAssertEqual(new, old)
        }
        XCTAssertEqual(scratch.read("events.jsonl"), before, "the log is byte for byte what it was")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: log)[.modificationDate] as? Date, modified)
    }

    func testLinesThatCannotBeReplayedAreReportedAndTheRestPrinted() throws {
        try writeLog()
        let good = scratch.lines("events.jsonl")
        try scratch.write("mixed.jsonl", good[0] + "\nnot json\n" + #"{"id":"x1","vendor":"voipnow","raw":null}"# + "\n" + good[1] + "\n")
        let result = try CallhookProcess.run(["replay", scratch.file("mixed.jsonl")], in: scratch.path)
        XCTAssertEqual(result.status, 1, "a line that could not be replayed fails the run")
        XCTAssertEqual(result.stdout, good[0] + "\n" + good[1] + "\n")
        XCTAssertTrue(result.stderr.contains("line 2: not a JSON object"), result.stderr)
        XCTAssertTrue(result.stderr.contains("line 3 (id x1): line has no raw payload"), result.stderr)
    }
}
