import Foundation
import Glibc
import XCTest

/// Documentation.docc/Receiver.md "Responses": with `fsync: "always"`, a `200` goes out only after
/// `fdatasync` returned for the file holding its line. Checked on the system calls of the real
/// server, as strace sees them under concurrent load (group commit included).
final class FaultOrderingTests: ServerTestCase {
    func testEvery200IsSentAfterTheFdatasyncThatCoveredItsLine() throws {
        var config = TestConfiguration()
        config.fsync = "always"
        let server = try startServer(config)
        XCTAssertEqual(try deliver(server).status, 200)
        let log = "<" + resolved(eventLogPath) + ">"
        let tracer = try SyscallTracer.attach(to: server.pid, output: path("strace.txt"), options: [
            "-y", "-s", "1000000", "-e", "signal=none", "-e", "trace=write,writev,pwrite64,fdatasync,fsync,sendto,sendmsg",
        ])
        addTeardownBlock { tracer.detach() }
        let load = LoadGenerator(port: server.port, threads: 8)
        let deadline = Date().addingTimeInterval(4)
        repeat { usleep(100_000) } while load.acknowledged.count < 300 && Date() < deadline
        let acknowledged = load.stop()
        tracer.detach()
        XCTAssertTrue(load.statuses.isEmpty, "only 200s expected: \(load.statuses)")

        let calls = tracer.transcript.calls
        // With -y the first argument reads `FD</path>`.
        let logCalls = calls.filter { $0.arguments.drop { $0.isNumber }.hasPrefix(log) }
        var lineWrites: [String: StraceTranscript.Call] = [:]
        for call in logCalls where call.name != "fdatasync" && call.name != "fsync" && !call.failed {
            for id in StraceTranscript.lineIDs(in: call) { lineWrites[id] = call }
        }
        let syncs = logCalls.filter { ($0.name == "fdatasync" || $0.name == "fsync") && !$0.failed }
        var answers: [String: StraceTranscript.Call] = [:]
        for call in calls where !call.arguments.drop(while: { $0.isNumber }).hasPrefix(log) {
            for id in StraceTranscript.acknowledgedIDs(in: call) { answers[id] = call }
        }

        var violations: [String] = []
        for id in acknowledged {
            guard let answer = answers[id] else {
                violations.append("\(id): the client got 200 but strace saw no socket write of it")
                continue
            }
            guard let write = lineWrites[id] else {
                violations.append("\(id): answered 200 at line \(answer.entry + 1) but never written to the log")
                continue
            }
            let covering = syncs.first { $0.entry > write.exit && $0.exit < answer.entry }
            if covering == nil {
                violations.append("\(id): written at line \(write.entry + 1), answered at line \(answer.entry + 1) "
                                  + "with no completed fdatasync in between")
            }
        }
        XCTAssertGreaterThan(acknowledged.count, 50, "the load got little through under strace")
        XCTAssertTrue(violations.isEmpty, "\(violations.count) of \(acknowledged.count) answers came before their line was synced:\n"
                      + violations.prefix(10).joined(separator: "\n"))
        print("FaultOrderingTests: \(acknowledged.count) answers checked against \(syncs.count) fdatasyncs "
              + "and \(Set(lineWrites.values.map(\.entry)).count) log writes; \(violations.count) out of order")
    }
}
