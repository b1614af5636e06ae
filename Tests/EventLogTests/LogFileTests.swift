@testable import EventLog
import Glibc
import XCTest
import TestKit

final class LogFileTests: XCTestCase {
    private var dir: ScratchDirectory!

    override func setUpWithError() throws {
        dir = try ScratchDirectory()
    }

    override func tearDown() {
        dir.remove()
    }

    func testDirectoryNameLikeDirname() {
        XCTAssertEqual(LogFile.directoryName(of: "events.jsonl"), ".")
        XCTAssertEqual(LogFile.directoryName(of: "/events.jsonl"), "/")
        XCTAssertEqual(LogFile.directoryName(of: "/var/log/callhook/events.jsonl"), "/var/log/callhook")
        XCTAssertEqual(LogFile.directoryName(of: "logs/events.jsonl"), "logs")
    }

    func testOpenCreatesMissingFileWithMode0644() throws {
        let path = dir.file("new.jsonl")
        let file = try LogFile.open(path: path)
        file.close()
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o644)
    }

    func testOpenThroughDanglingSymlinkCreatesTheTarget() throws {
        let target = dir.file("target.jsonl")
        let link = dir.file("link.jsonl")
        XCTAssertEqual(symlink(target, link), 0)
        let file = try LogFile.open(path: link)
        file.close()
        XCTAssertEqual(access(target, F_OK), 0)
    }

    func testWriteAllAndTruncateBack() throws {
        let path = dir.file("events.jsonl")
        let file = try LogFile.open(path: path)
        defer { file.close() }
        try Array("abc\n".utf8).withUnsafeBytes { try file.writeAll($0) }
        let end = try file.endOffset()
        try Array("de".utf8).withUnsafeBytes { try file.writeAll($0) }
        try file.truncate(to: end)
        XCTAssertEqual(end, 4)
        XCTAssertEqual(ScratchDirectory.bytes(of: path), Array("abc\n".utf8))
    }
}
