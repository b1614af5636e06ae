import System
import Dispatch
import Foundation
import EventLog
import Glibc
import XCTest
import TestKit

final class EventLogWriterTests: XCTestCase {
    private var dir: ScratchDirectory!

    override func setUpWithError() throws {
        dir = try ScratchDirectory()
    }

    override func tearDown() {
        dir.remove()
    }

    /// `{"t":T,"n":N,"pad":"..."}` with a length that varies with N.
    private static func line(thread: Int, number: Int) -> String {
        "{\"t\":\(thread),\"n\":\(number),\"pad\":\"\(String(repeating: "x", count: (number * 37 + thread) % 300))\"}"
    }

    func testConcurrentAppendsWriteEveryLineWholeInPerThreadOrder() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .never)
        let outcomes = Outcomes()
        let threads = 16, perThread = 2_000
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for n in 0..<perThread {
                log.append(Array(Self.line(thread: t, number: n).utf8), completion: outcomes.completion())
            }
        }
        XCTAssertTrue(outcomes.wait())
        log.close()

        XCTAssertEqual(outcomes.all.count, threads * perThread)
        XCTAssertEqual(outcomes.failures, [])
        let lines = ScratchDirectory.lines(of: path)
        XCTAssertEqual(lines.count, threads * perThread)
        XCTAssertEqual(ScratchDirectory.bytes(of: path).last, UInt8(ascii: "\n"))
        var next = [Int](repeating: 0, count: threads)
        for line in lines {
            // Each line must be exactly one whole line as appended: a cut or interleaved
            // line would not match the line rebuilt from its own thread and number.
            let fields = line.split(separator: ",", maxSplits: 2)
            guard fields.count == 3, let t = Int(fields[0].dropFirst(5)), t >= 0, t < threads else {
                XCTFail("mangled line: \(line.prefix(80))")
                return
            }
            XCTAssertEqual(line, Self.line(thread: t, number: next[t]), "thread \(t) out of order")
            next[t] += 1
        }
        XCTAssertEqual(next, [Int](repeating: perThread, count: threads))
        XCTAssertEqual(log.stats.linesWritten, UInt64(threads * perThread))
    }

    func testAlwaysGroupCommitSyncsQueuedLinesTogether() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .always)
        let release = DispatchSemaphore(value: 0)
        log.holdWriter(release: release)
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 8) { t in
            for n in 0..<125 {
                log.append(Array(Self.line(thread: t, number: n).utf8), completion: outcomes.completion())
            }
        }
        XCTAssertEqual(log.stats.queueDepth, 1_000)
        release.signal()
        XCTAssertTrue(outcomes.wait())
        // One sync for the gate line, one for the 1,000 lines queued behind it.
        XCTAssertEqual(log.stats.fsyncs, 2)
        XCTAssertEqual(log.stats.linesWritten, 1_001)
        XCTAssertEqual(log.stats.fsyncLatency.count, 2)
        log.close()
    }

    func testAlwaysUnderConcurrencySyncsFarLessThanOncePerLine() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .always)
        let outcomes = Outcomes()
        let threads = 16, perThread = 250
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for n in 0..<perThread {
                log.append(Array(Self.line(thread: t, number: n).utf8), completion: outcomes.completion())
            }
        }
        XCTAssertTrue(outcomes.wait())
        XCTAssertEqual(outcomes.failures, [])
        let stats = log.stats
        XCTAssertGreaterThan(stats.fsyncs, 0)
        XCTAssertLessThan(stats.fsyncs, UInt64(threads * perThread / 2))
        log.close()
    }

    func testAlwaysCompletesOnlyAfterTheLineIsSynced() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .always)
        for i in 0..<10 {
            let seen = Locked<(UInt64, UInt64)>((0, 0))
            let done = DispatchSemaphore(value: 0)
            log.append(Array("{\"i\":\(i)}".utf8)) { _ in
                let stats = log.stats
                seen.withLock { $0 = (stats.fsyncs, stats.linesWritten) }
                done.signal()
            }
            done.wait()
            let (fsyncs, lines) = seen.withLock { $0 }
            XCTAssertEqual(fsyncs, UInt64(i + 1), "completion ran before its fdatasync")
            XCTAssertEqual(lines, UInt64(i + 1))
        }
        log.close()
    }

    func testNeverCompletesWithoutSyncing() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .never)
        for i in 0..<10 {
            XCTAssertNoThrow(try log.appendAndWait("{\"i\":\(i)}").get())
        }
        XCTAssertEqual(log.stats.fsyncs, 0)
        XCTAssertEqual(log.stats.linesWritten, 10)
        log.close()
        XCTAssertEqual(log.stats.fsyncs, 1, "close syncs what was written")
    }

    func testIntervalSyncsWrittenLinesWithoutFurtherAppends() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .interval(milliseconds: 20))
        XCTAssertNoThrow(try log.appendAndWait("{\"a\":1}").get())
        var waited = 0
        while log.stats.fsyncs == 0 && waited < 5_000 {
            usleep(10_000)
            waited += 10
        }
        XCTAssertEqual(log.stats.fsyncs, 1)
        log.close()
    }

    func testLinesAreAppendedToAnExistingFile() throws {
        let path = dir.file("events.jsonl")
        ScratchDirectory.write(Array("{\"old\":1}\n".utf8), to: path)
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"new\":2}").get())
        log.close()
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"old\":1}", "{\"new\":2}"])
    }

    func testInitThrowsOpenErrorWithErrnoWhenFolderIsMissing() {
        XCTAssertThrowsError(try EventLogWriter(path: dir.file("missing/events.jsonl"), fsync: .always)) {
            XCTAssertEqual($0 as? StorageError, .io(call: "open", errno: ENOENT))
            XCTAssertEqual("\($0)", "open failed: No such file or directory (errno 2)")
        }
    }

    func testInitThrowsWhenPathIsAFolder() {
        XCTAssertThrowsError(try EventLogWriter(path: dir.path, fsync: .always)) {
            XCTAssertEqual($0 as? StorageError, .io(call: "open", errno: EISDIR))
        }
    }

    func testCloseDrainsEverythingQueued() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        let release = DispatchSemaphore(value: 0)
        log.holdWriter(release: release)
        let outcomes = Outcomes()
        for n in 0..<500 {
            log.append(Array(Self.line(thread: 0, number: n).utf8), completion: outcomes.completion())
        }
        let closed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            log.close()
            closed.signal()
        }
        XCTAssertEqual(closed.wait(timeout: .now() + 0.2), .timedOut, "close returned before draining")
        release.signal()
        XCTAssertEqual(closed.wait(timeout: .now() + 30), .success)
        // Every completion ran before close returned.
        XCTAssertEqual(outcomes.all.count, 500)
        XCTAssertEqual(outcomes.failures, [])
        XCTAssertEqual(ScratchDirectory.lines(of: path).count, 501)
    }

    func testAppendAfterCloseFailsWithClosed() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        log.close()
        log.close()  // a second close is harmless
        let result = Locked<Result<Void, StorageError>?>(nil)
        log.append(Array("{}".utf8)) { r in result.withLock { $0 = r } }
        // Called at once on this thread: there is no writer left to call it.
        XCTAssertNotNil(result.withLock { $0 })
        XCTAssertThrowsError(try result.withLock { $0! }.get()) {
            XCTAssertEqual($0 as? StorageError, .closed)
        }
        XCTAssertEqual(ScratchDirectory.bytes(of: path), [])
    }

    private static let threads = 8, perThread = 1_000

    /// The first half of each thread's lines, then `between`, then the second half, appended
    /// from `threads` threads at once.
    private static func appendAround(_ log: EventLogWriter, outcomes: Outcomes, _ between: () -> Void) {
        func append(_ numbers: Range<Int>) {
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                for n in numbers {
                    log.append(Array(line(thread: t, number: n).utf8), completion: outcomes.completion())
                }
            }
        }
        append(0..<perThread / 2)
        between()
        append(perThread / 2..<perThread)
    }

    /// Every line `appendAround` appends.
    private static var allLines: Set<String> {
        Set((0..<threads).flatMap { t in (0..<perThread).map { line(thread: t, number: $0) } })
    }

    func testReopenAfterRenameNeitherLosesNorSplitsNorDuplicatesLines() throws {
        let path = dir.file("events.jsonl")
        let rotated = dir.file("events.jsonl.1")
        let log = try EventLogWriter(path: path, fsync: .always)
        let outcomes = Outcomes()
        let threads = Self.threads, perThread = Self.perThread
        Self.appendAround(log, outcomes: outcomes) {
            XCTAssertEqual(rename(path, rotated), 0)
            log.reopen()
        }
        // Appends race with the reopen on purpose: some land before it, some after.
        XCTAssertTrue(outcomes.wait())
        XCTAssertEqual(outcomes.all.count, threads * perThread)
        log.close()

        XCTAssertEqual(outcomes.failures, [])
        let old = ScratchDirectory.lines(of: rotated)
        let new = ScratchDirectory.lines(of: path)
        XCTAssertFalse(new.isEmpty, "nothing went to the reopened file")
        XCTAssertEqual(ScratchDirectory.bytes(of: rotated).last, UInt8(ascii: "\n"))
        XCTAssertEqual(ScratchDirectory.bytes(of: path).last, UInt8(ascii: "\n"))
        let expected = Self.allLines
        XCTAssertEqual(old.count + new.count, threads * perThread, "a line was lost or duplicated")
        XCTAssertEqual(Set(old + new), expected)
        XCTAssertEqual(log.stats.reopens, 1)
    }

    /// logrotate's `create`: the file renamed and a new one made at the path. The next batch
    /// goes to the new file before any SIGHUP, so nothing is written into the renamed one
    /// after the rename that a shipper finishing it at the rename would miss.
    func testAFileRenamedAndReplacedIsFollowedAtTheNextBatch() throws {
        let path = dir.file("events.jsonl")
        let rotated = dir.file("events.jsonl.1")
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"a\":1}").get())
        XCTAssertEqual(rename(path, rotated), 0)
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        XCTAssertGreaterThanOrEqual(created, 0)
        close(created)
        XCTAssertNoThrow(try log.appendAndWait("{\"b\":2}").get())
        XCTAssertNoThrow(try log.appendAndWait("{\"c\":3}").get())
        log.close()
        XCTAssertEqual(ScratchDirectory.lines(of: rotated), ["{\"a\":1}"])
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"b\":2}", "{\"c\":3}"])
        XCTAssertEqual(log.stats.reopens, 1)
    }

    /// A rename with nothing new at the path yet: the lines keep going to the file we have,
    /// and the SIGHUP after the rotation reopens (as logrotate's `nocreate` expects).
    func testARenameWithoutANewFileKeepsWritingTheRenamedOne() throws {
        let path = dir.file("events.jsonl")
        let rotated = dir.file("events.jsonl.1")
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"a\":1}").get())
        XCTAssertEqual(rename(path, rotated), 0)
        XCTAssertNoThrow(try log.appendAndWait("{\"b\":2}").get())
        XCTAssertEqual(ScratchDirectory.lines(of: rotated), ["{\"a\":1}", "{\"b\":2}"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(log.stats.reopens, 0)
        log.reopen()
        XCTAssertNoThrow(try log.appendAndWait("{\"c\":3}").get())
        log.close()
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"c\":3}"])
    }

    /// `rotate(suffix:)` (SIGUSR1): the writer renames the file itself between two batches, so
    /// under concurrent appends every line is in exactly one of the two files, whole, and no
    /// line reaches the renamed file after the rename.
    func testRotationRenamesBetweenBatchesAndLosesNothing() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        let outcomes = Outcomes()
        let threads = Self.threads, perThread = Self.perThread
        Self.appendAround(log, outcomes: outcomes) { log.rotate(suffix: "-r") }
        XCTAssertTrue(outcomes.wait())
        // The rotation has happened once a line appended after every earlier one is in the new file.
        XCTAssertNoThrow(try log.appendAndWait("{\"last\":1}").get())
        let renamedSize = ScratchDirectory.bytes(of: path + "-r").count
        XCTAssertNoThrow(try log.appendAndWait("{\"after\":1}").get())
        log.close()

        XCTAssertEqual(outcomes.failures, [])
        XCTAssertEqual(ScratchDirectory.bytes(of: path + "-r").count, renamedSize, "a line reached the renamed file after the rename")
        let old = ScratchDirectory.lines(of: path + "-r")
        let new = ScratchDirectory.lines(of: path)
        XCTAssertEqual(new.suffix(2), ["{\"last\":1}", "{\"after\":1}"])
        let expected = Self.allLines
        XCTAssertEqual(old.count + new.count - 2, threads * perThread, "a line was lost or duplicated")
        XCTAssertEqual(Set(old + new.dropLast(2)), expected)
        XCTAssertEqual(log.stats.rotations, 1)
    }

    /// A second rotation with the same suffix (twice in one second) does not overwrite the first.
    func testRotationNeverOverwritesAnEarlierRotatedFile() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        var renamed: [String?] = []
        for (n, name) in ["a", "b", "c"].enumerated() {
            XCTAssertNoThrow(try log.appendAndWait("{\"\(name)\":\(n)}").get())
            renamed.append(try Self.rotateAndWait(log, suffix: "-s").get())
        }
        XCTAssertNoThrow(try log.appendAndWait("{\"d\":3}").get())
        log.close()
        XCTAssertEqual(renamed, [path + "-s", path + "-s.1", path + "-s.2"])
        XCTAssertEqual(ScratchDirectory.lines(of: path + "-s"), ["{\"a\":0}"])
        XCTAssertEqual(ScratchDirectory.lines(of: path + "-s.1"), ["{\"b\":1}"])
        XCTAssertEqual(ScratchDirectory.lines(of: path + "-s.2"), ["{\"c\":2}"])
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"d\":3}"])
        XCTAssertEqual(log.stats.rotations, 3)
    }

    /// Asks for a rotation and waits until the writer says how it went.
    private static func rotateAndWait(_ log: EventLogWriter, suffix: String) -> Result<String?, StorageError> {
        let outcome = Locked<Result<String?, StorageError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        log.rotate(suffix: suffix) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0! }
    }

    /// If logrotate moved the file already, a rotation does not rename the new file it made:
    /// it follows the path, as a reopen does.
    func testRotationAfterAnOutsideRenameOnlyReopens() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"a\":1}").get())
        XCTAssertEqual(rename(path, path + ".1"), 0)
        XCTAssertEqual(try Self.rotateAndWait(log, suffix: "-x").get(), nil)
        XCTAssertNoThrow(try log.appendAndWait("{\"b\":2}").get())
        log.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-x"))
        XCTAssertEqual(ScratchDirectory.lines(of: path + ".1"), ["{\"a\":1}"])
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"b\":2}"])
        XCTAssertEqual(log.stats.rotations, 0)
    }

    func testRotationAfterCloseSaysClosed() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .always)
        log.close()
        XCTAssertThrowsError(try Self.rotateAndWait(log, suffix: "-c").get()) {
            XCTAssertEqual($0 as? StorageError, .closed)
        }
    }

    func testRotationSuffixIsUTCAndSortsByTime() {
        XCTAssertEqual(EventLogWriter.rotationSuffix(secondsSinceEpoch: 0), "-19700101T000000Z")
        XCTAssertEqual(EventLogWriter.rotationSuffix(secondsSinceEpoch: 1_796_299_261), "-20261203T120101Z")
    }

    func testReopenRecreatesADeletedFile() throws {
        let path = dir.file("events.jsonl")
        let log = try EventLogWriter(path: path, fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{\"a\":1}").get())
        XCTAssertEqual(unlink(path), 0)
        log.reopen()
        XCTAssertNoThrow(try log.appendAndWait("{\"b\":2}").get())
        log.close()
        XCTAssertEqual(ScratchDirectory.lines(of: path), ["{\"b\":2}"])
    }

    func testHealthyWhenNothingFailed() throws {
        let log = try EventLogWriter(path: dir.file("events.jsonl"), fsync: .always)
        XCTAssertNoThrow(try log.appendAndWait("{}").get())
        let stats = log.stats
        XCTAssertTrue(log.isHealthy)
        XCTAssertTrue(stats.healthy)
        XCTAssertNil(stats.unhealthySince)
        XCTAssertNil(stats.lastError)
        XCTAssertEqual(stats.bytesWritten, 3)
        log.close()
    }
}
