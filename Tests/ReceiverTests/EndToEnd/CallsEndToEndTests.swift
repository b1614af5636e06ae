import Foundation
import XCTest
@testable import Receiver
import TestSupport
import TestKit

/// `callhook calls` as a program, on a log whose events of four vendors are shuffled and partly
/// written twice (two instances' logs put together, a redelivery after the dedupe window).
final class CallsEndToEndTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch.remove() }

    func writeShuffledLog() throws -> [CallRecordTests.Expected] {
        let (events, expected) = CallRecordTests.scenario()
        var lines = events.map { String(decoding: $0.line, as: UTF8.self) }
        var random = SplitMix64(seed: 7)
        lines += lines.filter { _ in Bool.random(using: &random) }
        lines.shuffle(using: &random)
        try scratch.write("events.jsonl", lines.joined(separator: "\n") + "\n")
        return expected
    }

    func testJSONRowsOfAShuffledLogWithDuplicates() throws {
        let expected = try writeShuffledLog()
        let result = try CallhookProcess.run(["calls", "--json", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = result.stdout.split(separator: "\n").map { line -> CallRecordTests.Expected? in
            guard let row = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return nil }
            func seconds(_ key: String) -> Int? {
                (row[key] as? String).flatMap { ISO8601DateFormatter.withMilliseconds.date(from: $0) }.map { Int($0.timeIntervalSince1970) }
            }
            return CallRecordTests.Expected(
                vendor: row["vendor"] as? String ?? "", callID: row["call_id"] as? String ?? "",
                started: seconds("started_at"), answered: seconds("answered_at"), ended: seconds("ended_at"),
                outcome: row["outcome"] as? String, talkSeconds: row["talk_seconds"] as? Int,
                from: row["from"] as? String, to: row["to"] as? String, events: row["events"] as? Int ?? -1)
        }
        XCTAssertEqual(rows, expected)
    }

    func testTableHasOneRowPerCall() throws {
        let expected = try writeShuffledLog()
        let result = try CallhookProcess.run(["calls", scratch.file("events.jsonl")], in: scratch.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, expected.count + 1)
        XCTAssertTrue(lines.first?.hasPrefix("STARTED") ?? false)
        for (line, call) in zip(lines.dropFirst(), expected) {
            XCTAssertTrue(line.hasSuffix("\(call.vendor):\(call.callID)"), String(line))
        }
    }
}
