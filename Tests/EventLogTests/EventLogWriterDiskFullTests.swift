import System
import EventLog
import Glibc
import XCTest
import TestKit

/// A full disk, made real with a small tmpfs (needs root, or CAP_SYS_ADMIN).
final class EventLogWriterDiskFullTests: XCTestCase {
    private var dir: ScratchDirectory!
    private var mounted = false
    private var log: EventLogWriter?

    override func setUpWithError() throws {
        dir = try ScratchDirectory()
        guard mount("tmpfs", dir.path, "tmpfs", 0, "size=256k") == 0 else {
            let code = errno
            dir.remove()
            throw XCTSkip("cannot mount a 256k tmpfs at \(dir.path) (errno \(code)); disk-full tests need root")
        }
        mounted = true
    }

    override func tearDown() {
        log?.close()
        log = nil
        if mounted && umount2(dir.path, 0) != 0 {
            _ = umount2(dir.path, Int32(MNT_DETACH))
        }
        dir.remove()
    }

    /// Writes a filler file until the tmpfs is full.
    private func fillDisk() -> String {
        let path = dir.file("filler")
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0x2E, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        XCTAssertEqual(errno, ENOSPC)
        return path
    }

    private func line(_ n: Int, size: Int = 700) -> String {
        let head = "{\"n\":\(n),\"pad\":\""
        return head + String(repeating: "p", count: size - head.utf8.count - 2) + "\"}"
    }

    private var eventsPath: String { dir.file("events.jsonl") }

    /// Appends one line at a time until one fails; returns the lines that succeeded and the error.
    private func appendUntilFailure(_ log: EventLogWriter, from start: Int) -> ([String], StorageError?) {
        var written: [String] = []
        for n in start..<start + 100 {
            switch log.appendAndWait(line(n)) {
            case .success: written.append(line(n))
            case .failure(let error): return (written, error)
            }
        }
        return (written, nil)
    }

    func testFullDiskFailsWithNoSpaceKeepsWholeLinesAndRecoversWithoutReopen() throws {
        let log = try EventLogWriter(path: eventsPath, fsync: .always, retryDelayMilliseconds: 0)
        self.log = log
        var written = (0..<5).map { line($0) }
        for l in written { XCTAssertNoThrow(try log.appendAndWait(l).get()) }

        let filler = fillDisk()
        let (more, error) = appendUntilFailure(log, from: 5)
        written += more
        XCTAssertEqual(error, .noSpace)
        let stats = log.stats
        XCTAssertFalse(log.isHealthy)
        XCTAssertFalse(stats.healthy)
        XCTAssertNotNil(stats.unhealthySince)
        XCTAssertEqual(stats.lastError, .noSpace)
        XCTAssertGreaterThanOrEqual(stats.failedBatches, 1)
        XCTAssertEqual(ScratchDirectory.lines(of: eventsPath), written)
        XCTAssertEqual(ScratchDirectory.bytes(of: eventsPath).last, UInt8(ascii: "\n"))

        // Still full: the next batch tries the disk again and fails again.
        XCTAssertThrowsError(try log.appendAndWait(line(900)).get()) {
            XCTAssertEqual($0 as? StorageError, .noSpace)
        }

        XCTAssertEqual(unlink(filler), 0)
        XCTAssertNoThrow(try log.appendAndWait(line(1000)).get())
        written.append(line(1000))
        XCTAssertTrue(log.isHealthy)
        XCTAssertNil(log.stats.unhealthySince)
        XCTAssertEqual(log.stats.lastError, .noSpace, "the last error stays visible after recovery")
        XCTAssertEqual(ScratchDirectory.lines(of: eventsPath), written)
    }

    func testBatchThatDoesNotFitIsCutFromTheFileAndFailedWhole() throws {
        let log = try EventLogWriter(path: eventsPath, fsync: .always, retryDelayMilliseconds: 0)
        self.log = log
        XCTAssertNoThrow(try log.appendAndWait("{\"first\":1}").get())

        // Leave two pages free: part of the batch fits, the rest does not.
        let filler = fillDisk()
        var info = stat()
        XCTAssertEqual(stat(filler, &info), 0)
        XCTAssertEqual(truncate(filler, info.st_size - 8192), 0)

        let release = DispatchSemaphore(value: 0)
        log.holdWriter(release: release, line: "{\"gate\":1}")
        let outcomes = Outcomes()
        for n in 0..<20 {
            log.append(Array(line(n, size: 1000).utf8), completion: outcomes.completion())
        }
        release.signal()
        XCTAssertTrue(outcomes.wait())

        XCTAssertEqual(outcomes.failures, [StorageError](repeating: .noSpace, count: 20))
        // Nothing of the failed batch remains: not its first lines, not a partial one.
        XCTAssertEqual(ScratchDirectory.lines(of: eventsPath), ["{\"first\":1}", "{\"gate\":1}"])
        XCTAssertEqual(ScratchDirectory.bytes(of: eventsPath).last, UInt8(ascii: "\n"))
    }

    func testAppendsFailFastUntilTheRetryDelayHasPassed() throws {
        let log = try EventLogWriter(path: eventsPath, fsync: .always, retryDelayMilliseconds: 60_000)
        self.log = log
        let filler = fillDisk()
        let (written, error) = appendUntilFailure(log, from: 0)
        XCTAssertEqual(error, .noSpace)
        XCTAssertEqual(unlink(filler), 0)

        // Space is back, but the retry delay has not passed: refused without touching the disk.
        XCTAssertThrowsError(try log.appendAndWait(line(500)).get()) {
            XCTAssertEqual($0 as? StorageError, .noSpace)
        }
        XCTAssertEqual(log.stats.rejectedWhileUnhealthy, 1)
        XCTAssertEqual(log.stats.failedBatches, 1)
        XCTAssertEqual(ScratchDirectory.lines(of: eventsPath), written)
    }
}
