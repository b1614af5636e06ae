import Foundation
import Glibc
import XCTest

/// Documentation.docc/Receiver.md "Storage" and "Responses" with I/O errors injected into the
/// running server by strace (`-e inject`), on the event log's descriptor only (`-P`): no `200` for
/// a line that is not on disk, `503` for those instead, the process stays up and recovers by
/// itself.
final class FaultInjectionTests: ServerTestCase {
    /// Every fifth call on the log, four times: `when=5..20+5`.
    static let injections = 4

    func testFdatasyncFailingWithEIOIsAnswered503AndTheServerRecovers() throws {
        try assertInjectedFaultsAreNeverAcknowledged(call: "fdatasync", error: "EIO")
    }

    func testWriteFailingWithENOSPCIsAnswered503AndTheServerRecovers() throws {
        try assertInjectedFaultsAreNeverAcknowledged(call: "write", error: "ENOSPC")
    }

    /// Runs concurrent load while strace fails `call` on the event log `injections` times, then
    /// checks every answer against the transcript of the log's writes and syncs.
    func assertInjectedFaultsAreNeverAcknowledged(call: String, error: String,
                                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let server = try startServer()
        let warmUp = try deliver(server)
        XCTAssertEqual(warmUp.status, 200, warmUp.description, file: file, line: line)
        var acknowledged = [try XCTUnwrap(warmUp.id)]
        let log = resolved(eventLogPath)
        let tracer = try SyscallTracer.attach(to: server.pid, output: path("strace.txt"), options: [
            "-y", "-s", "1000000", "-e", "signal=none", "-P", log, "-e", "trace=write,fdatasync",
            "-e", "inject=\(call):error=\(error):when=5..\(5 * Self.injections)+5",
        ])
        addTeardownBlock { tracer.detach() }

        // Load until every fault has been injected and deliveries are stored again after the last.
        let load = LoadGenerator(port: server.port, threads: 4)
        let deadline = Date().addingTimeInterval(20)
        var recoveredUnderLoad = 0
        while Date() < deadline {
            usleep(50_000)
            let transcript = tracer.transcript
            let injected = transcript.calls.filter(\.injected)
            guard injected.count >= Self.injections, let lastFault = injected.last?.exit else { continue }
            recoveredUnderLoad = transcript.calls.filter { $0.name == "fdatasync" && !$0.failed && $0.entry > lastFault }.count
            if recoveredUnderLoad >= 5 { break }
        }
        acknowledged += load.stop()
        tracer.detach()

        // What the transcript says failed: the lines of a failed write, and those written since
        // the last good sync when a sync fails.
        let calls = tracer.transcript.calls
        var failedIDs: Set<String> = []
        var unsynced: [String] = []
        for traced in calls {
            let ids = StraceTranscript.lineIDs(in: traced)
            switch (traced.name, traced.failed) {
            case ("write", false): unsynced += ids
            case ("write", true): failedIDs.formUnion(ids)
            case ("fdatasync", false): unsynced = []
            case ("fdatasync", true):
                failedIDs.formUnion(unsynced)
                unsynced = []
            default: break
            }
        }
        let injected = calls.filter(\.injected)
        XCTAssertEqual(injected.count, Self.injections, "faults injected: \(injected.map(\.result))", file: file, line: line)
        XCTAssertFalse(failedIDs.isEmpty, "the faults hit no line", file: file, line: line)
        XCTAssertGreaterThanOrEqual(recoveredUnderLoad, 5, "the log did not recover under load after the last fault",
                                    file: file, line: line)

        // The answers: 503 for what failed, 200 only for what is in the log.
        XCTAssertEqual(Set(load.statuses.keys), [503], "only 503 besides 200: \(load.statuses)", file: file, line: line)
        let acknowledgedFailures = failedIDs.intersection(acknowledged)
        XCTAssertTrue(acknowledgedFailures.isEmpty, "\(acknowledgedFailures.count) lines whose \(call) failed were answered 200",
                      file: file, line: line)
        XCTAssertTrue(server.isRunning, "an I/O error never stops the process", file: file, line: line)

        // Untraced again: deliveries are stored without a restart, and the health check agrees.
        for _ in 0..<3 {
            let response = try deliver(server)
            XCTAssertEqual(response.status, 200, response.description, file: file, line: line)
            if let id = response.id { acknowledged.append(id) }
        }
        XCTAssertEqual(try deliver(server, Requests.get("/healthz")).status, 200, file: file, line: line)

        let seen = try assertEachIDOnce(acknowledged, in: [eventLogPath], file: file, line: line)
        XCTAssertTrue(failedIDs.isDisjoint(with: seen.keys), "a line whose \(call) failed stayed in the log", file: file, line: line)
        let storedRefs = Set(try eventLines().compactMap { $0["call_id"] as? String })
        XCTAssertTrue(storedRefs.isDisjoint(with: load.refusedRefs), "a delivery answered 503 is in the log", file: file, line: line)
        let lost = acknowledged.filter { seen[$0] == nil }.count
        print("FaultInjectionTests: \(call) \(error) x\(injected.count): \(acknowledged.count) acknowledged, "
              + "\(load.statuses[503] ?? 0) answered 503 (\(failedIDs.count) lines hit by the faults), \(lost) acknowledged events lost")
    }
}
