import XCTest
@testable import CallEvents

/// Expected codes computed with Python's `hmac` module (an implementation independent of ours).
final class HMACSchemeTests: XCTestCase {
    private let body = Array(#"{"event":"phone.callee_answered","event_ts":1700000000123,"payload":{"account_id":"abc"}}"#.utf8)

    private func zoom(secrets: [String] = ["zoom-secret"], tolerance: Int = 300) -> HMACScheme {
        HMACScheme(hash: .sha256, signed: "v0:{header:x-zm-request-timestamp}:{body}", header: "x-zm-signature",
                   prefix: "v0=", encoding: .hex, timestampHeader: "x-zm-request-timestamp",
                   toleranceSeconds: tolerance, secrets: secrets.map { Array($0.utf8) })!
    }

    private func headers(_ values: [String: String]) -> (String) -> [UInt8]? {
        { name in values[name].map { Array($0.utf8) } }
    }

    private let signed = ["x-zm-signature": "v0=2e29103ccac677c8e5fa1d6bb703a0c23e0e448d79a18a5f5fe28cd714b73ebb",
                          "x-zm-request-timestamp": "1700000000"]

    func testZoomSignedDeliveryIsAccepted() {
        XCTAssertEqual(zoom().check(body: body, header: headers(signed), now: 1_700_000_100), .accepted)
    }

    func testTamperedBodyTimestampOrSignatureIsRefused() {
        var tampered = body
        tampered[10] ^= 1
        XCTAssertEqual(zoom().check(body: tampered, header: headers(signed), now: 1_700_000_000), .refused(.bad))
        var stamp = signed
        stamp["x-zm-request-timestamp"] = "1700000001"
        XCTAssertEqual(zoom().check(body: body, header: headers(stamp), now: 1_700_000_000), .refused(.bad))
        for position in [3, 66] {
            var signature = Array(signed["x-zm-signature"]!)
            signature[position] = signature[position] == "0" ? "1" : "0"
            var changed = signed
            changed["x-zm-signature"] = String(signature)
            XCTAssertEqual(zoom().check(body: body, header: headers(changed), now: 1_700_000_000), .refused(.bad), "byte \(position)")
        }
        var noPrefix = signed
        noPrefix["x-zm-signature"] = String(signed["x-zm-signature"]!.dropFirst(3))
        XCTAssertEqual(zoom().check(body: body, header: headers(noPrefix), now: 1_700_000_000), .refused(.bad))
    }

    func testStaleAndMissing() {
        XCTAssertEqual(zoom().check(body: body, header: headers(signed), now: 1_700_000_301), .refused(.stale))
        XCTAssertEqual(zoom().check(body: body, header: headers(signed), now: 1_699_999_699), .refused(.stale))
        XCTAssertEqual(zoom(tolerance: 0).check(body: body, header: headers(signed), now: 1_800_000_000), .accepted)
        XCTAssertEqual(zoom().check(body: body, header: headers([:]), now: 1_700_000_000), .refused(.missing))
        XCTAssertEqual(zoom().check(body: body, header: headers(["x-zm-signature": signed["x-zm-signature"]!]), now: 1_700_000_000),
                       .refused(.missing))
    }

    func testRotationAcceptsAnyListedSecret() {
        XCTAssertEqual(zoom(secrets: ["new", "zoom-secret"]).check(body: body, header: headers(signed), now: 1_700_000_000), .accepted)
        XCTAssertEqual(zoom(secrets: ["new"]).check(body: body, header: headers(signed), now: 1_700_000_000), .refused(.bad))
    }

    func testStripeStyleSHA512Base64() {
        let scheme = HMACScheme(hash: .sha512, signed: "{header:X-Timestamp}.{body}", header: "X-Signature",
                                encoding: .base64, timestampHeader: "X-Timestamp", secrets: [Array("whsec".utf8)])!
        let values = ["x-timestamp": "1700000000",
                      "x-signature": "A0tmqbhhir7/FIvbBL6FFUbv51GWEtvAS3IvSvRUgnbYFxNB5VgeXKCRtML/44GnEaQUKHM0gRG0edDsPa3yDw=="]
        XCTAssertEqual(scheme.check(body: body, header: headers(values), now: 1_700_000_000), .accepted)
        XCTAssertEqual(scheme.check(body: body + [0x20], header: headers(values), now: 1_700_000_000), .refused(.bad))
    }

    func testTemplateRefusals() {
        XCTAssertNil(HMACScheme(hash: .sha1, signed: "{body", header: "x", secrets: []))
        XCTAssertNil(HMACScheme(hash: .sha1, signed: "{query}", header: "x", secrets: []))
        XCTAssertNil(HMACScheme(hash: .sha1, signed: "{header:}", header: "x", secrets: []))
        XCTAssertEqual(HMACScheme.parse(template: "v0:{header:X-A}:{body}"), [.literal(Array("v0:".utf8)), .header("x-a"), .literal([0x3A]), .body])
    }
}
