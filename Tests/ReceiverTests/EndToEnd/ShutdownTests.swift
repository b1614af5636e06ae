import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Operating": SIGTERM / SIGINT stop accepting, finish what is in
/// flight, sync, exit 0.
final class ShutdownTests: ServerTestCase {
    func testSIGTERMUnderLoadExitsZeroWithEveryAcknowledgedEventInTheLog() throws {
        let server = try startServer()
        // Idle keep-alive connections, each after one request.
        var idle: [HTTPTestClient] = []
        var acknowledged: [String] = []
        for _ in 0..<3 {
            let client = try HTTPTestClient(port: server.port)
            try client.send(Requests.delivery())
            acknowledged.append(try XCTUnwrap(try client.readResponse().id))
            idle.append(client)
        }
        let load = LoadGenerator(port: server.port, threads: 4)
        // SIGTERM arrives while deliveries are flowing.
        let flowing = Date().addingTimeInterval(15)
        while load.acknowledged.count < 30, Date() < flowing { usleep(5_000) }
        server.signal(SIGTERM)
        let status = server.waitForExit(seconds: 15)
        acknowledged += load.stop()

        XCTAssertEqual(status, 0, "stderr:\n\(server.stderr)")
        XCTAssertGreaterThan(acknowledged.count, 10)
        for client in idle {
            XCTAssertTrue(client.waitForClose(seconds: 1), "idle keep-alive connections are closed")
        }
        let logged = try LogFile.ids(eventLogPath)
        let missing = Set(acknowledged).subtracting(logged)
        XCTAssertTrue(missing.isEmpty, "\(missing.count) acknowledged events not in the log")
        XCTAssertEqual(logged.count, Set(logged).count, "no line written twice")
        XCTAssertFalse(try HTTPTestClient.connects(port: server.port), "nothing listens after the stop")
    }

    func testSIGINTStopsCleanly() throws {
        let server = try startServer()
        XCTAssertEqual(try deliver(server).status, 200)
        server.signal(SIGINT)
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
        XCTAssertEqual(try eventLines().count, 1)
    }

    func testResponseInFlightWhenSIGTERMArrivesIsStillSent() throws {
        var config = TestConfiguration()
        config.limits = ["drain_timeout_ms": 5000]
        let server = try startServer(config)
        // Ten pipelined requests; once the first is answered the server is working through
        // them, and the signal lands while some are queued or being synced.
        let client = try HTTPTestClient(port: server.port)
        try client.send((0..<10).flatMap { _ in Requests.delivery() })
        let first = try client.readResponse()
        XCTAssertEqual(first.status, 200, first.description)
        server.signal(SIGTERM)
        var answered = [try XCTUnwrap(first.id)]
        while let response = try? client.readResponse() {
            if response.status == 200 { answered.append(try XCTUnwrap(response.id)) } else {
                XCTAssertEqual(response.status, 503, response.description)
            }
            if response.closesConnection { break }
        }
        XCTAssertEqual(server.waitForExit(seconds: 10), 0)
                XCTAssertTrue(Set(answered).isSubset(of: try LogFile.ids(eventLogPath)))
    }
}
