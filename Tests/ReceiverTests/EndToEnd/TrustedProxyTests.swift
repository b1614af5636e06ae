import Foundation
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Authentication", `allow`: the client address behind a trusted
/// proxy. The tests connect from 127.0.0.1; the `guarded` route allows only 203.0.113.0/24.
final class TrustedProxyTests: ServerTestCase {
    func send(_ server: CallhookProcess, path: String = "/hooks/guarded", headers: [String]) throws -> HTTPTestResponse {
        try deliver(server, Requests.delivery(path: path, headers: headers))
    }

    func lastSourceAddress() throws -> String? {
        (try eventLines().last?["source"] as? [String: Any])?["addr"] as? String
    }

    func testForwardedForFromATrustedPeerIsTheClientAndTheAllowListDecidesOnIt() throws {
        let server = try startServer()
        let allowed = try send(server, headers: ["X-Forwarded-For: 203.0.113.7"])
        XCTAssertEqual(allowed.status, 200, allowed.description)
        XCTAssertEqual(try lastSourceAddress(), "203.0.113.7")

        let refused = try send(server, headers: ["X-Forwarded-For: 198.51.100.1"])
        XCTAssertEqual(refused.status, 403, refused.description)
        XCTAssertEqual(try eventLines().count, 1)
    }

    func testForwardedForIsReadFromTheRightSkippingTrustedProxies() throws {
        let server = try startServer()
        // The right-most address that is not a trusted proxy is the client; what is left of it
        // was written by the client itself and proves nothing.
        let spoofedLeft = try send(server, headers: ["X-Forwarded-For: 198.51.100.1, 203.0.113.7"])
        XCTAssertEqual(spoofedLeft.status, 200, spoofedLeft.description)
        XCTAssertEqual(try lastSourceAddress(), "203.0.113.7")

        let behindTwoProxies = try send(server, headers: ["X-Forwarded-For: 203.0.113.8, 127.0.0.1"])
        XCTAssertEqual(behindTwoProxies.status, 200, behindTwoProxies.description)
        XCTAssertEqual(try lastSourceAddress(), "203.0.113.8")

        let spoofedRight = try send(server, headers: ["X-Forwarded-For: 203.0.113.7, 198.51.100.1"])
        XCTAssertEqual(spoofedRight.status, 403, "the right-most untrusted address decides: \(spoofedRight)")
    }

    func testRealIPFromATrustedPeerIsTheClientWhenThereIsNoForwardedFor() throws {
        let server = try startServer()
        let allowed = try send(server, headers: ["X-Real-IP: 203.0.113.9"])
        XCTAssertEqual(allowed.status, 200, allowed.description)
        XCTAssertEqual(try lastSourceAddress(), "203.0.113.9")
        let refused = try send(server, headers: ["X-Real-IP: 198.51.100.9"])
        XCTAssertEqual(refused.status, 403, refused.description)
    }

    func testForwardedForFromAnUntrustedPeerIsIgnored() throws {
        var config = TestConfiguration()
        config.trustedProxies = []
        let server = try startServer(config)
        for header in ["X-Forwarded-For: 203.0.113.7", "X-Real-IP: 203.0.113.7"] {
            let refused = try send(server, headers: [header])
            XCTAssertEqual(refused.status, 403, "\(header) from an untrusted peer: \(refused)")
            let open = try send(server, path: "/hooks/impactpbx", headers: [header])
            XCTAssertEqual(open.status, 200, open.description)
            XCTAssertEqual(try lastSourceAddress(), "127.0.0.1", "source.addr is the peer when it is not trusted")
        }
    }
}
