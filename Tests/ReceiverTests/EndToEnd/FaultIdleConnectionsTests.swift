import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "HTTP/1.1": thousands of idle connections cost memory, not
/// threads, and do not hold up deliveries. Ten thousand against the real server, its memory read
/// from /proc.
final class FaultIdleConnectionsTests: ServerTestCase {
    static let connections = 10_000
    /// A generous bound on what they may add to the server's resident memory.
    static let memoryBoundKiB = 64 * 1024

    /// Raises this process's soft `RLIMIT_NOFILE` (the server inherits it) to at least `needed`.
    func raiseDescriptorLimit(to needed: Int) throws {
        var limit = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit), 0)
        if limit.rlim_cur >= rlim_t(needed) { return }
        guard limit.rlim_max >= rlim_t(needed) else {
            throw XCTSkip("RLIMIT_NOFILE hard limit \(limit.rlim_max) is below the \(needed) descriptors this test needs")
        }
        let original = limit
        limit.rlim_cur = rlim_t(needed)
        guard setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
            throw XCTSkip("cannot raise RLIMIT_NOFILE to \(needed): \(String(cString: strerror(errno)))")
        }
        addTeardownBlock {
            var restored = original
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &restored)
        }
    }

    func testTenThousandIdleConnectionsCostLittleMemoryAndDeliveriesGoOn() throws {
        try raiseDescriptorLimit(to: Self.connections + 1_000)
        var config = TestConfiguration()
        config.limits = ["max_connections": Self.connections + 100, "header_timeout_ms": 120_000, "idle_timeout_ms": 120_000]
        let server = try startServer(config)
        let warmUp = try deliver(server)
        XCTAssertEqual(warmUp.status, 200, warmUp.description)
        let before = try XCTUnwrap(server.residentKiB)

        var idle: [HTTPTestClient] = []
        idle.reserveCapacity(Self.connections)
        let started = Date()
        for _ in 0..<Self.connections { idle.append(try HTTPTestClient(port: server.port)) }
        // The idle ones and the scrape's own.
        var open = 0.0
        let accepted = Date().addingTimeInterval(10)
        repeat {
            open = try metric(server, "callhook_open_connections") ?? 0
        } while open < Double(Self.connections + 1) && Date() < accepted && usleep(20_000) == 0
        XCTAssertGreaterThanOrEqual(open, Double(Self.connections + 1), "the server did not accept every connection")
        let opened = Date().timeIntervalSince(started)

        // Deliveries go on, on a new connection and on one of the idle ones.
        let fresh = try deliver(server)
        XCTAssertEqual(fresh.status, 200, fresh.description)
        let onIdle = try idle[0].exchangeAll(Requests.delivery()).final
        XCTAssertEqual(onIdle.status, 200, onIdle.description)
        let after = try XCTUnwrap(server.residentKiB)
        let added = after - before
        print("FaultIdleConnectionsTests: VmRSS \(before) KiB before, \(after) KiB with \(Self.connections) idle connections "
              + "(+\(added) KiB, \(added * 1024 / Self.connections) bytes each; opened in \(String(format: "%.2f", opened)) s)")
        XCTAssertLessThan(added, Self.memoryBoundKiB, "idle connections cost too much memory")
        XCTAssertTrue(server.isRunning)
        try assertEachIDOnce([warmUp.id, fresh.id, onIdle.id].compactMap { $0 }, in: [eventLogPath])
    }
}
