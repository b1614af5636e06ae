import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "HTTP/1.1": `limits.max_connections` caps open connections. One
/// over the cap is closed at once, unanswered; once others close, new connections are served again.
final class FaultConnectionLimitTests: ServerTestCase {
    static let maxConnections = 50

    /// A connection that is served: `/healthz` answered on it.
    func openServed(_ server: CallhookProcess) throws -> HTTPTestClient {
        let client = try HTTPTestClient(port: server.port)
        try client.send(Requests.get("/healthz"))
        let response = try client.readResponse()
        XCTAssertEqual(response.status, 200, response.description)
        return client
    }

    /// Asserts a new connection is closed without an answer while the server is full.
    func assertRefused(_ server: CallhookProcess, file: StaticString = #filePath, line: UInt = #line) throws {
        let extra = try HTTPTestClient(port: server.port)
        try? extra.send(Requests.delivery(ref: "over-the-limit"))
        XCTAssertTrue(extra.waitForClose(seconds: 1), "a connection over max_connections is closed at once", file: file, line: line)
        XCTAssertEqual(String(decoding: extra.unparsed, as: UTF8.self), "", "and not answered", file: file, line: line)
    }

    func testConnectionOverMaxConnectionsIsClosedAtOnceAndNewOnesAreServedOnceOthersClose() throws {
        var config = TestConfiguration()
        config.limits = ["max_connections": Self.maxConnections, "header_timeout_ms": 60_000, "idle_timeout_ms": 60_000]
        let server = try startServer(config)
        var open: [HTTPTestClient] = []
        for _ in 0..<Self.maxConnections { open.append(try openServed(server)) }
        try assertRefused(server)

        // The connections inside the limit still work.
        let inside = try open[0].exchangeAll(Requests.delivery()).final
        XCTAssertEqual(inside.status, 200, inside.description)
        var acknowledged = [try XCTUnwrap(inside.id)]

        // Ten leave; ten new ones are served as soon as the server has seen them go.
        open.removeFirst(10)
        for index in 0..<10 {
            var served: HTTPTestClient?
            let deadline = Date().addingTimeInterval(2)
            while served == nil && Date() < deadline {
                let client = try HTTPTestClient(port: server.port)
                if let response = try? client.exchangeAll(Requests.delivery()).final {
                    XCTAssertEqual(response.status, 200, response.description)
                    acknowledged.append(try XCTUnwrap(response.id))
                    served = client
                } else {
                    usleep(20_000)
                }
            }
            open.append(try XCTUnwrap(served, "new connection \(index + 1) not served after ten closed"))
        }
        // Full again: the count went back up by exactly the ten.
        try assertRefused(server)
        XCTAssertFalse(try eventLines().contains { $0["call_id"] as? String == "over-the-limit" })
        try assertEachIDOnce(acknowledged, in: [eventLogPath])
    }
}
