import XCTest
@testable import Receiver

final class FilePathTests: XCTestCase {
    func testResolve() {
        XCTAssertEqual(FilePath.resolve("events.jsonl", against: "/srv/callhook"), "/srv/callhook/events.jsonl")
        XCTAssertEqual(FilePath.resolve("./logs//e.jsonl", against: "/srv/"), "/srv/logs/e.jsonl")
        XCTAssertEqual(FilePath.resolve("/var/log/e.jsonl", against: "/srv"), "/var/log/e.jsonl")
        XCTAssertEqual(FilePath.resolve("../e.jsonl", against: "/srv/a"), "/srv/a/../e.jsonl")
        XCTAssertEqual(FilePath.resolve("e", against: "/"), "/e")
    }

    func testDirectory() {
        XCTAssertEqual(FilePath.directory(of: "/etc/callhook/config.json"), "/etc/callhook")
        XCTAssertEqual(FilePath.directory(of: "/config.json"), "/")
        XCTAssertEqual(FilePath.directory(of: "/etc/./callhook//config.json"), "/etc/callhook")
    }

    func testAbsoluteUsesTheWorkingDirectory() {
        let absolute = FilePath.absolute("config.json")
        XCTAssertTrue(absolute.hasPrefix("/"))
        XCTAssertEqual(absolute, FilePath.currentDirectory() == "/" ? "/config.json" : FilePath.currentDirectory() + "/config.json")
    }

    func testProblems() {
        XCTAssertNil(FilePath.problem(with: "e.jsonl"))
        XCTAssertNil(FilePath.problem(with: "/var/log/.e"))
        XCTAssertNotNil(FilePath.problem(with: ""))
        XCTAssertNotNil(FilePath.problem(with: "logs/"))
        XCTAssertNotNil(FilePath.problem(with: "."))
        XCTAssertNotNil(FilePath.problem(with: "logs/.."))
        XCTAssertNotNil(FilePath.problem(with: "a\u{0}b"))
    }
}
