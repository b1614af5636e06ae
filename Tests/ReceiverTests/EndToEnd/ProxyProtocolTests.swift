import Foundation
import Glibc
import XCTest
import TestKit

/// Documentation.docc/Receiver.md "Configuration": `listen_proxy_protocol` makes the listener
/// expect a PROXY protocol header from a peer in `trusted_proxies`, take the client address from
/// it (the allow list then decides on it), and close a connection without a valid one.
final class ProxyProtocolTests: ServerTestCase {
    private func start(_ mode: String, trusted: [String] = ["127.0.0.1/32"], allow: String = "203.0.113.0/24",
                       limits: [String: Int] = [:]) throws -> CallhookProcess {
        var config = TestConfiguration()
        config.trustedProxies = trusted
        config.limits = limits
        config.extra["listen_proxy_protocol"] = mode
        config.routes = config.routes.map { route in
            var route = route
            if route["name"] as? String == "guarded" { route["allow"] = [allow] }
            return route
        }
        return try startServer(config)
    }

    private var guarded: [UInt8] {
        Requests.post("/hooks/guarded?token=\(Requests.secret)", body: OpsPayloads.impactpbxHangup(ref: UUID().uuidString))
    }

    private func v2(source: [UInt8], port: UInt16) -> [UInt8] {
        [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x21, 0x11, 0x00, 0x0C]
            + source + [127, 0, 0, 1, UInt8(port >> 8), UInt8(port & 0xFF), 0x1F, 0x90]
    }

    func testV1AndV2HeadersGiveTheClientAddressTheAllowListDecidesOn() throws {
        let server = try start("any")
        let allowed = try HTTPTestClient.exchange(port: server.port,
            Array("PROXY TCP4 203.0.113.9 127.0.0.1 40001 8080\r\n".utf8) + guarded)
        XCTAssertEqual(allowed.status, 200, allowed.text)
        let refused = try HTTPTestClient.exchange(port: server.port,
            Array("PROXY TCP4 198.51.100.4 127.0.0.1 40002 8080\r\n".utf8) + guarded)
        XCTAssertEqual(refused.status, 403)
        let binary = try HTTPTestClient.exchange(port: server.port, v2(source: [203, 0, 113, 77], port: 40003) + guarded)
        XCTAssertEqual(binary.status, 200, binary.text)

        let sources = try eventLines().compactMap { ($0["source"] as? [String: Any])?["addr"] as? String }
        XCTAssertEqual(sources, ["203.0.113.9", "203.0.113.77"], "the event records the proxied client")
        let deadline = Date().addingTimeInterval(3)
        while !server.stderr.contains("refused"), Date() < deadline { usleep(5_000) }
        let refusal = server.stderr.split(separator: "\n").first { $0.contains("refused") }
        XCTAssertEqual(refusal.map(String.init), #"info: refused route=guarded client=198.51.100.4 reason="address not allowed""#)
    }

    func testAHeaderSplitAcrossWritesAndLocalKeepTheSocketPeer() throws {
        let server = try start("v2", allow: "127.0.0.1/32")
        let client = try HTTPTestClient(port: server.port)
        let header = v2(source: [203, 0, 113, 9], port: 1)
        try client.send(Array(header.prefix(7)))
        usleep(20_000)
        try client.send(Array(header.dropFirst(7)) + guarded)
        XCTAssertEqual(try client.readResponse().status, 403, "203.0.113.9 is not 127.0.0.1")
        // LOCAL: the proxy's own check; the socket's peer stands.
        let local: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A, 0x20, 0x00, 0x00, 0x00]
        XCTAssertEqual(try HTTPTestClient.exchange(port: server.port, local + guarded).status, 200)
    }

    func testAConnectionWithoutAValidHeaderIsClosedWithNoAnswer() throws {
        let server = try start("v2")
        for bad in [guarded, Array("PROXY TCP4 203.0.113.9 127.0.0.1 1 2\r\n".utf8) + guarded] {
            let client = try HTTPTestClient(port: server.port)
            try client.send(bad)
            XCTAssertTrue(client.waitForClose(seconds: 3), "closed")
            XCTAssertEqual(client.unparsed, [], "no HTTP answer")
        }
        XCTAssertEqual(try LogFile.ids(eventLogPath).count, 0)
    }

    func testTheHeaderIsReadUnderTheHeadDeadline() throws {
        let server = try start("v1", limits: ["header_timeout_ms": 300])
        let client = try HTTPTestClient(port: server.port)
        try client.send("PROXY TCP4 203.0")
        let started = Date()
        XCTAssertTrue(client.waitForClose(seconds: 5))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "cut at the head deadline")
    }

    func testAnUntrustedPeerSpeaksPlainHTTPAndItsHeaderIsNotBelieved() throws {
        let server = try start("any", trusted: ["10.0.0.0/8"], allow: "127.0.0.1/32")
        XCTAssertEqual(try deliver(server, guarded).status, 200, "plain HTTP from a peer that is no proxy")
        let forged = try HTTPTestClient.exchange(port: server.port, Array("PROXY TCP4 203.0.113.9 127.0.0.1 1 2\r\n".utf8) + guarded)
        XCTAssertEqual(forged.status, 400, "a PROXY line from an untrusted peer is not HTTP")
    }

    func testRealHAProxyWithSendProxyV2TheAllowListSeesTheRealClient() throws {
        guard OpsHAProxyRelay.executable() != nil else {
            throw XCTSkip("haproxy not found (Debian's haproxy package); .ci/run installs it")
        }
        let server = try start("v2", allow: "127.0.0.3/32")
        let haproxy = try OpsHAProxyRelay.start(in: directory.path, upstreamPort: server.port)
        defer { haproxy.stop() }
        let body = OpsPayloads.impactpbxHangup(ref: UUID().uuidString)
        let request = HTTPTestClient.Request.post("/hooks/guarded?token=\(Requests.secret)", body: body, contentType: "application/json")
        let allowed = try HTTPTestClient.exchange(port: haproxy.port, request, from: "127.0.0.3")
        XCTAssertEqual(allowed.status, 200, "\(allowed)\n\(haproxy.log)\n\(server.stderr)")
        let refused = try HTTPTestClient.exchange(port: haproxy.port, request, from: "127.0.0.4")
        XCTAssertEqual(refused.status, 403, "HAProxy's own address (127.0.0.1) and 127.0.0.4 are not allowed")
        let sources = try eventLines().compactMap { ($0["source"] as? [String: Any])?["addr"] as? String }
        XCTAssertEqual(sources, ["127.0.0.3"])
    }
}
