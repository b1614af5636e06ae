import CallEvents
import Foundation
import TestKit
import XCTest

/// vendors.md "Handshakes" through the running server: answered at once, never stored,
/// counted in `callhook_handshakes_total{route,vendor}`.
final class HandshakeEndToEndTests: ServerTestCase {
    /// Zoom's documented validation request (plainToken and event_ts from its example).
    static let zoomValidation = #"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#

    private func start() throws -> CallhookProcess {
        var config = TestConfiguration()
        config.routes = [
            ["name": "zoom", "path": "/hooks/zoom", "vendor": "zoom", "secret": "zoom-secret"],
            ["name": "ringcentral", "path": "/hooks/ringcentral", "vendor": "ringcentral", "secret": "rc-verification"],
        ]
        return try startServer(config)
    }

    func testZoomURLValidationIsAnsweredWithTheTokensHMAC() throws {
        let server = try start()
        let body = Array(Self.zoomValidation.utf8)
        let now = Int(Date().timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(now):".utf8) + body, key: Array("zoom-secret".utf8))
        let answer = try deliver(server, Requests.post("/hooks/zoom", body: body, headers: [
            "x-zm-request-timestamp: \(now)", "x-zm-signature: v0=\(Hex.encode(mac))"]))
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertEqual(answer.json["plainToken"] as? String, "qgg8vlvZRS6UYooatFL8Aw")
        let expected = Hex.encode(HMAC<SHA256>.authenticationCode(for: Array("qgg8vlvZRS6UYooatFL8Aw".utf8), key: Array("zoom-secret".utf8)))
        XCTAssertEqual(answer.json["encryptedToken"] as? String, expected)
        XCTAssertEqual(try eventLines().count, 0, "a handshake is never stored")
        XCTAssertEqual(try rejectLines().count, 0)
        let metrics = try deliver(server, Requests.get("/metrics")).text
        XCTAssertTrue(metrics.contains(#"callhook_handshakes_total{route="zoom",vendor="zoom"} 1"#), metrics)
    }

    /// An unsigned validation request would make the receiver sign text of anyone's choosing.
    func testAnUnsignedZoomValidationIsRefused() throws {
        let server = try start()
        let answer = try deliver(server, Requests.post("/hooks/zoom", body: Self.zoomValidation))
        XCTAssertEqual(answer.status, 401)
        XCTAssertEqual(answer.json["error"] as? String, "missing signature")
        XCTAssertNil(answer.json["encryptedToken"])
    }

    func testRingCentralValidationTokenIsEchoed() throws {
        let server = try start()
        let answer = try deliver(server, Requests.post("/hooks/ringcentral", body: "", contentType: nil,
                                                       headers: ["Validation-Token: 5b4ee5c0-7d6f-4a1b-8f1e-2c9d3e4f5a6b"]))
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertEqual(answer.header("Validation-Token"), "5b4ee5c0-7d6f-4a1b-8f1e-2c9d3e4f5a6b")
        XCTAssertTrue(answer.body.isEmpty, answer.text)
        XCTAssertEqual(try eventLines().count, 0)
        let metrics = try deliver(server, Requests.get("/metrics")).text
        XCTAssertTrue(metrics.contains(#"callhook_handshakes_total{route="ringcentral",vendor="ringcentral"} 1"#), metrics)
    }
}
