import Foundation
import Glibc
import XCTest
import TestKit

/// The real server out of file descriptors (`RLIMIT_NOFILE` 256, more clients than that):
/// `accept` fails with `EMFILE`, the listener pauses instead of spinning, and the server serves
/// again as soon as descriptors are free, without a restart.
final class FaultDescriptorLimitTests: ServerTestCase {
    static let limit = 256

    func testOutOfDescriptorsAcceptPausesWithoutSpinningAndServesAgainOnceSomeClose() throws {
        var config = TestConfiguration()
        config.limits = ["header_timeout_ms": 60_000, "idle_timeout_ms": 60_000]
        let server = try startServer(config, launcher: CallhookProcess.descriptorLimit(Self.limit))
        let first = try deliver(server)
        XCTAssertEqual(first.status, 200, first.description)
        var acknowledged = [try XCTUnwrap(first.id)]

        // The first delivery's connection is closed; wait until the server has let its descriptor
        // go, so no descriptor frees up later by itself.
        waitUntilDescriptorsSettle(server)

        // More connections than descriptors: the kernel completes them all, the server cannot.
        var clients: [HTTPTestClient] = []
        for _ in 0..<(Self.limit + 44) { clients.append(try HTTPTestClient(port: server.port, timeout: 5)) }
        let filled = Date().addingTimeInterval(5)
        while (server.openDescriptors ?? 0) < Self.limit && Date() < filled { usleep(10_000) }
        XCTAssertEqual(server.openDescriptors, Self.limit, "the server never ran out of descriptors")

        // Saturated: a connection made now waits in the backlog; the server sleeps meanwhile.
        let waiting = try HTTPTestClient(port: server.port, timeout: 5)
        clients.append(waiting)
        try waiting.send(Requests.delivery(ref: "waited-for-a-descriptor"))
        let cpuBefore = try XCTUnwrap(server.cpuSeconds)
        XCTAssertFalse(try waiting.receivesSomething(within: 1), "a connection beyond the descriptor limit was answered")
        let cpu = try XCTUnwrap(server.cpuSeconds) - cpuBefore
        print("FaultDescriptorLimitTests: \(server.openDescriptors ?? 0) of \(Self.limit) descriptors in use, "
              + "\(cpu) s of CPU in 1 s out of descriptors")
        XCTAssertLessThan(cpu, 0.25, "the server spins while accept fails with EMFILE")

        // A hundred clients leave: the waiting connection is accepted and answered, and so is a new one.
        clients.removeFirst(100)
        let answered = try waiting.readFinalResponse().final
        XCTAssertEqual(answered.status, 200, answered.description)
        acknowledged.append(try XCTUnwrap(answered.id))
        let fresh = try deliver(server)
        XCTAssertEqual(fresh.status, 200, fresh.description)
        acknowledged.append(try XCTUnwrap(fresh.id))
        XCTAssertTrue(server.isRunning)
        try assertEachIDOnce(acknowledged, in: [eventLogPath])
    }

    /// Waits (up to 2 s) until the server's open descriptors stay the same for 200 ms.
    private func waitUntilDescriptorsSettle(_ server: CallhookProcess) {
        let deadline = Date().addingTimeInterval(2)
        var last = server.openDescriptors
        var stableSince = Date()
        while Date() < deadline {
            usleep(20_000)
            let now = server.openDescriptors
            if now != last {
                last = now
                stableSince = Date()
            } else if Date().timeIntervalSince(stableSince) >= 0.2 {
                return
            }
        }
    }
}
