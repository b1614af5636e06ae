import Foundation
import TestKit
import TestSupport
import XCTest

/// llhttp's request fixtures (Tests/TestSupport/LlhttpRequestFixtures.swift) sent as raw bytes to
/// the running server, each on a connection of its own with a `GET /healthz` pipelined after it:
/// a refused framing gets its status and the connection closes before the pipelined request is
/// read (nothing smuggled); a valid message is answered and the pipelined request after it too.
/// Each goes to a route with its secret, so the server reads the body (to an unknown path it
/// answers `404` from the head alone and closes, never reading the body).
final class LlhttpFixtureServerTests: ServerTestCase {
    static let follower = Array("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n".utf8)

    /// The fixture with its request target replaced by the ImpactPBX route and its token, and
    /// `PUT` by `POST` (a route answers another method `405` from the head alone, too).
    static func retargeted(_ fixture: [UInt8]) -> [UInt8] {
        let put = Array("PUT ".utf8)
        let bytes = fixture.starts(with: put) ? Array("POST ".utf8) + fixture.dropFirst(put.count) : fixture
        let space = UInt8(ascii: " ")
        guard let first = bytes.firstIndex(of: space),
              let second = bytes[(first + 1)...].firstIndex(of: space) else { return bytes }
        return Array(bytes[...first]) + Array("/hooks/impactpbx?token=\(TestConfiguration.secret)".utf8) + Array(bytes[second...])
    }

    func testEveryFixtureIsAnsweredOrRefusedAndNothingIsSmuggled() throws {
        let server = try startServer()
        for fixture in LlhttpRequestFixtures.all {
            let client = try HTTPTestClient(port: server.port, timeout: 3)
            try client.send(Self.retargeted(fixture.bytes) + Self.follower)
            let first: HTTPTestResponse
            do { first = try client.readResponse() } catch {
                XCTFail("\(fixture.name): \(error)")
                continue
            }
            switch fixture.expected {
            case .refused(let statuses):
                XCTAssertTrue(statuses.contains(first.status), "\(fixture.name): \(first.status), expected \(statuses)")
                XCTAssertTrue(client.waitForClose(seconds: 3), "\(fixture.name): not closed after \(first.status)")
                XCTAssertNil(try? client.readResponse(), "\(fixture.name): the pipelined request was read")
            case .answered:
                XCTAssertFalse([400, 408, 413, 431, 501].contains(first.status), "\(fixture.name): \(first.status)")
                let second = try? client.readResponse()
                XCTAssertEqual(second?.status, 200, "\(fixture.name): the request after it was not answered")
            case .answeredThenClosed:
                XCTAssertFalse([400, 408, 413, 431, 501].contains(first.status), "\(fixture.name): \(first.status)")
                XCTAssertTrue(client.waitForClose(seconds: 3), "\(fixture.name): not closed")
            }
        }
        XCTAssertTrue(server.isRunning)
        XCTAssertEqual(try deliver(server).status, 200, "the server still serves")
    }
}
