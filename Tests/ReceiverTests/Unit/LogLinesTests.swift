import XCTest
@testable import Receiver
import TestKit

/// Reading a log line by line without following (following is run for real in TailFollowTests).
final class LogLinesTests: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws { scratch = try ScratchDirectory() }
    override func tearDown() { scratch.remove() }

    func read(_ name: String) -> [String]? {
        var lines: [String] = []
        let opened = LogLines(path: scratch.file(name)).forEach { lines.append(String(decoding: $0, as: UTF8.self)) }
        return opened ? lines : nil
    }

    func testEveryLineWithoutItsNewline() throws {
        try scratch.write("a.jsonl", "one\ntwo\n\nfour\n")
        XCTAssertEqual(read("a.jsonl"), ["one", "two", "", "four"])
    }

    func testLinesLongerThanTheReadBuffer() throws {
        let long = String(repeating: "x", count: 200_000)
        try scratch.write("a.jsonl", "short\n" + long + "\n" + long + "y\nend\n")
        XCTAssertEqual(read("a.jsonl"), ["short", long, long + "y", "end"])
    }

    func testAPartialLastLineIsLeftOut() throws {
        // A line without its newline is still being written (or was torn); it is not an event yet.
        try scratch.write("a.jsonl", "one\ntwo\nthr")
        XCTAssertEqual(read("a.jsonl"), ["one", "two"])
    }

    func testAnEmptyFileHasNoLinesAndAMissingOneCannotBeOpened() throws {
        try scratch.write("empty.jsonl", "")
        XCTAssertEqual(read("empty.jsonl"), [])
        XCTAssertNil(read("missing.jsonl"))
    }
}
