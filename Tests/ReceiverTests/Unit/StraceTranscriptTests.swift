import XCTest

/// The transcript reader the fault tests check the server's system calls with.
final class StraceTranscriptTests: XCTestCase {
    func testWholeSplitAndUnfinishedCalls() {
        let text = """
            101 write(5</log>, "a", 1) = 1
            102 fdatasync(5</log> <unfinished ...>
            101 sendto(7<socket:[1]>, "x", 1, 0, NULL, 0) = 1
            102 <... fdatasync resumed>) = 0
            101 sendto(7<socket:[1]>, "y", 1, 0, NULL, 0 <unfinished ...>
            """
        let calls = StraceTranscript(text: text).calls
        XCTAssertEqual(calls.map(\.name), ["write", "sendto", "fdatasync", "sendto"])
        let sync = calls[2]
        XCTAssertEqual([sync.entry, sync.exit], [1, 3])
        XCTAssertEqual(sync.result, "0")
        // Still in the kernel when strace detached: kept, with its arguments, ending last.
        let last = calls[3]
        XCTAssertTrue(last.arguments.contains("\"y\""))
        XCTAssertEqual(last.entry, 4)
        XCTAssertEqual(last.exit, 5)
        XCTAssertFalse(last.failed)
    }
}
