import EventLog
import XCTest
import TestKit

final class EventLogWriterTornTailTests: XCTestCase {
    private var dir: ScratchDirectory!
    private var path: String { dir.file("events.jsonl") }

    override func setUpWithError() throws {
        dir = try ScratchDirectory()
    }

    override func tearDown() {
        dir.remove()
    }

    func testTornTailIsCutAndReturned() throws {
        ScratchDirectory.write(Array("{\"a\":1}\n{\"b\":2}\n{\"c\":".utf8), to: path)
        let torn = try EventLogWriter.cutTornTail(path: path)
        XCTAssertEqual(torn, Array("{\"c\":".utf8))
        XCTAssertEqual(ScratchDirectory.bytes(of: path), Array("{\"a\":1}\n{\"b\":2}\n".utf8))
    }

    func testTornTailLongerThanTheReadBlockIsReturnedWhole() throws {
        let tail = (0..<100).map { "x\($0)" }.joined()
        ScratchDirectory.write(Array("{\"a\":1}\n\(tail)".utf8), to: path)
        let torn = try EventLogWriter.cutTornTail(path: path, blockSize: 7)
        XCTAssertEqual(torn, Array(tail.utf8))
        XCTAssertEqual(ScratchDirectory.bytes(of: path), Array("{\"a\":1}\n".utf8))
    }

    func testFileWithoutAnyNewlineIsAllTornTail() throws {
        ScratchDirectory.write(Array("{\"partial\":".utf8), to: path)
        XCTAssertEqual(try EventLogWriter.cutTornTail(path: path, blockSize: 4), Array("{\"partial\":".utf8))
        XCTAssertEqual(ScratchDirectory.bytes(of: path), [])
    }

    func testFileEndingInNewlineIsLeftUntouched() throws {
        let content = Array("{\"a\":1}\n{\"b\":2}\n".utf8)
        ScratchDirectory.write(content, to: path)
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
        XCTAssertEqual(ScratchDirectory.bytes(of: path), content)
    }

    func testEmptyFileHasNoTornTail() throws {
        ScratchDirectory.write([], to: path)
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
        XCTAssertEqual(ScratchDirectory.bytes(of: path), [])
    }

    func testMissingFileHasNoTornTail() throws {
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
    }

    func testWriterAppendsCleanlyAfterTheCut() throws {
        ScratchDirectory.write(Array("{\"a\":1}\n{\"b\"".utf8), to: path)
        XCTAssertNotNil(try EventLogWriter.cutTornTail(path: path))
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"c\":3}").get())
        log.close()
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"a\":1}", "{\"c\":3}"])
    }
}
