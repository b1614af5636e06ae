import EventLog
import XCTest
@testable import Receiver
import TestKit

/// The dedupe window rebuilt from the log's tail at start (Documentation.docc/Receiver.md,
/// "Storage": the window survives a restart).
final class StorageTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch.remove() }

    func line(id: String, key: String) -> String {
        #"{"id":"\#(id)","received_at":"2023-11-14T22:13:20.000Z","route":"r","vendor":"impactpbx","type":"call.hangup","vendor_event":"hangup","key":"\#(key)","call_id":"c","raw":{"key":"not this one"}}"# + "\n"
    }

    func testRebuildRemembersTheLastKeysOfTheLog() throws {
        try scratch.write("events.jsonl", ["a", "b", "c", "d"].map { line(id: "id-" + $0, key: "k-" + $0) }.joined())
        let dedupe = DedupeIndex(capacity: 3)
        Storage.rebuild(dedupe, from: scratch.file("events.jsonl"))
        XCTAssertNil(dedupe.lookup("k-a"), "beyond the window")
        XCTAssertEqual(dedupe.lookup("k-b"), "id-b")
        XCTAssertEqual(dedupe.lookup("k-d"), "id-d")
        XCTAssertNil(dedupe.lookup("not this one"))
    }

    func testAfterARebuildTheOldestKeyIsForgottenFirst() throws {
        try scratch.write("events.jsonl", ["a", "b", "c"].map { line(id: "id-" + $0, key: "k-" + $0) }.joined())
        let dedupe = DedupeIndex(capacity: 3)
        Storage.rebuild(dedupe, from: scratch.file("events.jsonl"))
        dedupe.insert(key: "k-new", id: "id-new")
        XCTAssertNil(dedupe.lookup("k-a"), "the oldest line's key goes first, as it would have without the restart")
        XCTAssertEqual(dedupe.lookup("k-b"), "id-b")
        XCTAssertEqual(dedupe.lookup("k-c"), "id-c", "the newest line's key stays")
    }

    func testAKeyWrittenTwiceAnswersWithTheFirstID() throws {
        // Two copies of one delivery that arrived together were both written; the first is the one.
        try scratch.write("events.jsonl", line(id: "first", key: "k") + line(id: "second", key: "k"))
        let dedupe = DedupeIndex(capacity: 10)
        Storage.rebuild(dedupe, from: scratch.file("events.jsonl"))
        XCTAssertEqual(dedupe.lookup("k"), "first")
    }

    func testNoLogAndAZeroWindowRebuildNothing() throws {
        let dedupe = DedupeIndex(capacity: 10)
        Storage.rebuild(dedupe, from: scratch.file("missing.jsonl"))
        XCTAssertEqual(dedupe.count, 0)
        try scratch.write("events.jsonl", line(id: "a", key: "k"))
        let off = DedupeIndex(capacity: 0)
        Storage.rebuild(off, from: scratch.file("events.jsonl"))
        XCTAssertNil(off.lookup("k"))
    }

    func testLinesThatAreNotEventsAreSkipped() throws {
        try scratch.write("events.jsonl", "not json\n" + #"{"id":"x"}"# + "\n" + line(id: "a", key: "k"))
        let dedupe = DedupeIndex(capacity: 10)
        Storage.rebuild(dedupe, from: scratch.file("events.jsonl"))
        XCTAssertEqual(dedupe.count, 1)
        XCTAssertEqual(dedupe.lookup("k"), "a")
    }
}
