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

    /// `listening on` is printed only once the signals are handled: a SIGHUP and a SIGUSR1 sent
    /// the instant it appears neither kill the server (their default action) nor are lost, and a
    /// SIGTERM right behind them still drains and exits 0. Runtime/Signals.swift.
    func testSignalsSentTheMomentTheAddressIsPrintedAreHandled() throws {
        let url = directory.appendingPathComponent("config.json")
        try TestConfiguration().write(to: url)
        for round in 0..<8 {
            let child = try CallhookProcess.launch(["serve", "--config", url.path], in: directory.path, name: "serve")
            addTeardownBlock { child.kill() }
            // No sleep between the reads: the signals go out as close behind the line as a
            // reader can get.
            let deadline = Date().addingTimeInterval(15)
            while !child.stderr.contains("listening on "), child.isRunning, Date() < deadline {}
            child.signal(SIGHUP)
            child.signal(SIGUSR1)
            child.signal(SIGTERM)
            XCTAssertEqual(child.waitForExit(seconds: 15), 0, "round \(round), stderr:\n\(child.stderr)")
            let stderr = child.stderr
            XCTAssertTrue(stderr.contains("SIGHUP: reopening the logs"), "round \(round): SIGHUP taken; stderr:\n\(stderr)")
            XCTAssertTrue(stderr.contains("SIGUSR1: "), "round \(round): SIGUSR1 taken; stderr:\n\(stderr)")
            XCTAssertTrue(stderr.contains("stopped"), "round \(round): stderr:\n\(stderr)")
        }
    }
}
