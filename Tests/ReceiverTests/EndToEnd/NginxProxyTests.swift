import Foundation
import XCTest
import TestKit

/// callhook behind a real nginx (README, "Running it for real"): nginx appends the address it
/// got the request from to `X-Forwarded-For`; callhook trusts nginx's address only, so the
/// client is the right-most address that is not a trusted proxy, and a route's allow list
/// decides on that address, whatever the client wrote in the header itself.
///
/// The test client connects from 127.0.0.3 (or .4), nginx reaches callhook from 127.0.0.2.
final class NginxProxyTests: XCTestCase {
    var scratch: ScratchDirectory!
    var server: OpsServer?
    var nginx: OpsNginx?

    override func setUpWithError() throws {
        guard OpsNginx.executable() != nil else {
            throw XCTSkip("nginx is not installed (apt-get install nginx); the proxy tests need the real one")
        }
        scratch = try ScratchDirectory()
    }

    override func tearDown() {
        nginx?.stop()
        server?.stop()
        scratch?.remove()
    }

    /// `local` admits 127.0.0.3 only; `documentation` admits 198.51.100.0/24 only.
    func start(trustedProxies: [String]) throws -> (OpsServer, OpsNginx) {
        let routes: [[String: Any]] = [
            ["name": "local", "path": "/hooks/local", "vendor": "impactpbx", "secret": OpsServer.secret, "allow": ["127.0.0.3/32"]],
            ["name": "documentation", "path": "/hooks/documentation", "vendor": "impactpbx", "secret": OpsServer.secret,
             "allow": ["198.51.100.0/24"]],
        ]
        let server = try OpsServer.start(in: scratch, settings: ["trusted_proxies": trustedProxies, "routes": routes])
        self.server = server
        let nginx = try OpsNginx.start(in: scratch, upstreamPort: server.port)
        self.nginx = nginx
        return (server, nginx)
    }

    func deliver(_ route: String, id: String, from client: String, via nginx: OpsNginx,
                 forwardedFor: String? = "198.51.100.9") throws -> HTTPTestResponse {
        var payload = OpsPayloads.unique(id)
        payload.path = "/hooks/" + route
        let headers = forwardedFor.map { ["X-Forwarded-For: " + $0] } ?? []
        return try HTTPTestClient.exchange(port: nginx.port, payload.request(headers: headers), from: client)
    }

    func sourceAddress(of id: String?) -> String? {
        let event = server?.events().first { $0["id"] as? String == id }
        return (event?["source"] as? [String: Any])?["addr"] as? String
    }

    func testTheClientIsTheAddressNginxSawNotWhatTheClientWrote() throws {
        let (_, nginx) = try start(trustedProxies: [OpsNginx.proxyAddress + "/32"])
        // nginx sends "198.51.100.9, 127.0.0.3": 127.0.0.3 is the right-most untrusted address.
        let allowed = try deliver("local", id: "n1", from: "127.0.0.3", via: nginx)
        XCTAssertEqual(allowed.status, 200, "\(allowed)\n\(nginx.log)")
        XCTAssertEqual(sourceAddress(of: allowed.id), "127.0.0.3")

        let spoofed = try deliver("documentation", id: "n2", from: "127.0.0.3", via: nginx)
        XCTAssertEqual(spoofed.status, 403, "a client cannot claim an allowed address: \(spoofed)")

        let other = try deliver("local", id: "n3", from: "127.0.0.4", via: nginx)
        XCTAssertEqual(other.status, 403, "\(other)")

        let plain = try deliver("local", id: "n4", from: "127.0.0.3", via: nginx, forwardedFor: nil)
        XCTAssertEqual(plain.status, 200, "\(plain)")
        XCTAssertEqual(sourceAddress(of: plain.id), "127.0.0.3")
        XCTAssertEqual(server?.events().count, 2)
    }

    func testBehindATrustedBalancerTheForwardedAddressIsTheClient() throws {
        // 127.0.0.3 is now a trusted hop too (a load balancer in front of nginx): the address it
        // forwarded, 198.51.100.9, is the right-most untrusted one.
        let (_, nginx) = try start(trustedProxies: [OpsNginx.proxyAddress + "/32", "127.0.0.3/32"])
        let allowed = try deliver("documentation", id: "b1", from: "127.0.0.3", via: nginx)
        XCTAssertEqual(allowed.status, 200, "\(allowed)\n\(nginx.log)")
        XCTAssertEqual(sourceAddress(of: allowed.id), "198.51.100.9")

        let refused = try deliver("local", id: "b2", from: "127.0.0.3", via: nginx)
        XCTAssertEqual(refused.status, 403, "the client is 198.51.100.9, not the balancer: \(refused)")

        let rightMost = try deliver("documentation", id: "b3", from: "127.0.0.3", via: nginx,
                                    forwardedFor: "203.0.113.50, 198.51.100.20")
        XCTAssertEqual(rightMost.status, 200, "\(rightMost)")
        XCTAssertEqual(sourceAddress(of: rightMost.id), "198.51.100.20", "left of it is what the client wrote")
    }

    func testKeepAliveOnBothSidesAndDuplicatesThroughTheProxy() throws {
        let (server, nginx) = try start(trustedProxies: [OpsNginx.proxyAddress + "/32"])
        let client = try HTTPTestClient(port: nginx.port, from: "127.0.0.3")
        var payload = OpsPayloads.unique("k0")
        payload.path = "/hooks/local"
        var ids: Set<String> = []
        for i in 0..<20 {
            var each = OpsPayloads.unique("k\(i)")
            each.path = "/hooks/local"
            let response = try client.request(each.request())
            XCTAssertEqual(response.status, 200, "\(i): \(response)")
            ids.insert(try XCTUnwrap(response.id))
        }
        let again = try client.request(payload.request())
        XCTAssertEqual(again.json["duplicate"] as? Bool, true)
        XCTAssertEqual(ids.count, 20)
        XCTAssertEqual(Set(server.events().compactMap { $0["id"] as? String }), ids)
    }
}
