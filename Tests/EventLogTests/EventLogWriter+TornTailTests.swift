import EventLog
import XCTest

final class EventLogWriterTornTailTests: XCTestCase {
    private var dir: TemporaryDirectory!
    private var path: String { dir.file("events.jsonl") }

    override func setUpWithError() throws {
        dir = try TemporaryDirectory()
    }

    override func tearDown() {
        dir.remove()
    }

    func testTornTailIsCutAndReturned() throws {
        TemporaryDirectory.write(Array("{\"a\":1}\n{\"b\":2}\n{\"c\":".utf8), to: path)
        let torn = try EventLogWriter.cutTornTail(path: path)
        XCTAssertEqual(torn, Array("{\"c\":".utf8))
        XCTAssertEqual(TemporaryDirectory.bytes(of: path), Array("{\"a\":1}\n{\"b\":2}\n".utf8))
    }

    func testTornTailLongerThanTheReadBlockIsReturnedWhole() throws {
        let tail = (0..<100).map { "x\($0)" }.joined()
        TemporaryDirectory.write(Array("{\"a\":1}\n\(tail)".utf8), to: path)
        let torn = try EventLogWriter.cutTornTail(path: path, blockSize: 7)
        XCTAssertEqual(torn, Array(tail.utf8))
        XCTAssertEqual(TemporaryDirectory.bytes(of: path), Array("{\"a\":1}\n".utf8))
    }

    func testFileWithoutAnyNewlineIsAllTornTail() throws {
        TemporaryDirectory.write(Array("{\"partial\":".utf8), to: path)
        XCTAssertEqual(try EventLogWriter.cutTornTail(path: path, blockSize: 4), Array("{\"partial\":".utf8))
        XCTAssertEqual(TemporaryDirectory.bytes(of: path), [])
    }

    func testFileEndingInNewlineIsLeftUntouched() throws {
        let content = Array("{\"a\":1}\n{\"b\":2}\n".utf8)
        TemporaryDirectory.write(content, to: path)
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
        XCTAssertEqual(TemporaryDirectory.bytes(of: path), content)
    }

    func testEmptyFileHasNoTornTail() throws {
        TemporaryDirectory.write([], to: path)
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
        XCTAssertEqual(TemporaryDirectory.bytes(of: path), [])
    }

    func testMissingFileHasNoTornTail() throws {
        XCTAssertNil(try EventLogWriter.cutTornTail(path: path))
    }

    func testWriterAppendsCleanlyAfterTheCut() throws {
        TemporaryDirectory.write(Array("{\"a\":1}\n{\"b\"".utf8), to: path)
        XCTAssertNotNil(try EventLogWriter.cutTornTail(path: path))
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"c\":3}").get())
        log.close()
        XCTAssertEqual(TemporaryDirectory.lines(of: path), ["{\"a\":1}", "{\"c\":3}"])
    }
}
