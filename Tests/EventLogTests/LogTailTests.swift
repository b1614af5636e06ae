import EventLog
import XCTest
import TestKit

final class LogTailTests: XCTestCase {
    private var dir: ScratchDirectory!
    private var path: String { dir.file("events.jsonl") }

    override func setUpWithError() throws {
        dir = try ScratchDirectory()
    }

    override func tearDown() {
        dir.remove()
    }

    private func tail(_ content: String, count: Int, blockSize: Int = 64 << 10) throws -> [String] {
        ScratchDirectory.write(Array(content.utf8), to: path)
        return try LogTail.lastLines(path: path, count: count, blockSize: blockSize)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    func testLastLinesOfFileEndingInNewline() throws {
        XCTAssertEqual(try tail("a\nbb\nccc\ndddd\n", count: 2), ["ccc", "dddd"])
    }

    func testLastLinesOfFileWithoutTrailingNewlineCountTheFinalPiece() throws {
        XCTAssertEqual(try tail("a\nbb\nccc\ndddd", count: 2), ["ccc", "dddd"])
    }

    func testCountBeyondTheFileReturnsEveryLineOldestFirst() throws {
        XCTAssertEqual(try tail("a\nbb\nccc\n", count: 10), ["a", "bb", "ccc"])
        XCTAssertEqual(try tail("only", count: 10), ["only"])
    }

    func testEmptyLinesAreLines() throws {
        XCTAssertEqual(try tail("a\n\nb\n", count: 10), ["a", "", "b"])
        XCTAssertEqual(try tail("\n", count: 10), [""])
    }

    func testEmptyAndMissingFilesHaveNoLines() throws {
        XCTAssertEqual(try tail("", count: 5), [])
        XCTAssertEqual(try LogTail.lastLines(path: dir.file("missing.jsonl"), count: 5), [])
        XCTAssertEqual(try tail("a\n", count: 0), [])
    }

    func testLinesSpanningManySmallReadBlocks() throws {
        let lines = (0..<50).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "z", count: $0 % 23))\"}" }
        let content = lines.joined(separator: "\n") + "\n"
        for block in [1, 2, 3, 7, 64, 4096] {
            XCTAssertEqual(try tail(content, count: 20, blockSize: block), Array(lines.suffix(20)), "block \(block)")
            XCTAssertEqual(try tail(content, count: 50, blockSize: block), lines, "block \(block)")
        }
    }

    func testFileLargerThanTheDefaultReadBlock() throws {
        let lines = (0..<5_000).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "y", count: 40 + $0 % 50))\"}" }
        let content = lines.joined(separator: "\n") + "\n"
        XCTAssertGreaterThan(content.utf8.count, 2 * (64 << 10))
        XCTAssertEqual(try tail(content, count: 3_000), Array(lines.suffix(3_000)))
    }
}
