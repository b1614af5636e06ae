import XCTest
@testable import CallEvents

/// Tokens made with Python's `hmac` and `base64` (an implementation independent of ours), in
/// the shapes Vonage (Authorization, payload_hash) and Dialpad (the body) send.
final class JWTSchemeTests: XCTestCase {
    private let vonageBody = Array(#"{"from":"447700900000","to":"447700900001","uuid":"aaaaaaaa-bbbb-cccc-dddd-0123456789ab","status":"answered","timestamp":"2023-11-14T22:13:20.000Z"}"#.utf8)
    private let vonageToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE3MDAwMDAwMDAsImp0aSI6ImIwZDRiYzI3LThiMDYtNGI1YS05ZDJjLTdiNGM3YTdiZDJhMSIsImlzcyI6IlZvbmFnZSIsInBheWxvYWRfaGFzaCI6IjI5MzA1ZWJlNGZjYzQwMWYwZWE1NjU2NmViYjQ3NGYwNDk3Mzg3MzI1ZjU5MGE3YjU2OTFhNTBjNzZhNGY4MjkiLCJhcGlfa2V5IjoiYWJjZDEyMzQifQ.MMns6sYkflKjzNjalKF77DOLEo6StDcGejhxiEgGodM"
    private let dialpadBody = Array("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjYWxsX2lkIjo2MzQyMzQzMjk5LCJzdGF0ZSI6Imhhbmd1cCIsImRhdGVfc3RhcnRlZCI6MTcwMDAwMDAwMDAwMCwiaWF0IjoxNzAwMDAwMDAwfQ.u2MTCtsxOjMgwtqHdU49c1TxGDLvbLkqzM-47dLmazU".utf8)

    private let vonage = JWTScheme(location: .authorization, payloadHash: true, secrets: [Array("vonage-signature-secret".utf8)])
    private let dialpad = JWTScheme(location: .body, secrets: [Array("dialpad-secret".utf8)])

    private func bearer(_ token: String) -> (String) -> [UInt8]? { { $0 == "authorization" ? Array("Bearer \(token)".utf8) : nil } }

    func testVonageAuthorizationWithPayloadHash() {
        XCTAssertEqual(vonage.check(body: vonageBody, header: bearer(vonageToken), now: 1_700_000_030), .accepted)
        XCTAssertEqual(vonage.check(body: vonageBody + [0x20], header: bearer(vonageToken), now: 1_700_000_030), .refused(.bad))
        XCTAssertEqual(vonage.check(body: vonageBody, header: bearer(String(vonageToken.dropLast()) + "N"), now: 1_700_000_030), .refused(.bad))
        XCTAssertEqual(vonage.check(body: vonageBody, header: bearer(vonageToken), now: 1_700_000_301), .refused(.stale))
        XCTAssertEqual(vonage.check(body: vonageBody, header: { _ in nil }, now: 1_700_000_000), .refused(.missing))
        XCTAssertEqual(vonage.check(body: vonageBody, header: { _ in Array("Basic abc".utf8) }, now: 1_700_000_000), .refused(.missing))
    }

    func testDialpadBodyToken() {
        XCTAssertEqual(dialpad.check(body: dialpadBody, header: { _ in nil }, now: 1_700_000_000), .accepted)
        var tampered = dialpadBody
        tampered[60] = tampered[60] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        XCTAssertEqual(dialpad.check(body: tampered, header: { _ in nil }, now: 1_700_000_000), .refused(.bad))
        XCTAssertEqual(JWTScheme(location: .body, secrets: [Array("old".utf8)]).check(body: dialpadBody, header: { _ in nil }, now: 1_700_000_000), .refused(.bad))
        XCTAssertEqual(JWTScheme(location: .body, secrets: [Array("old".utf8), Array("dialpad-secret".utf8)]).check(body: dialpadBody, header: { _ in nil }, now: 1_700_000_000), .accepted)
    }

    // RFC 8725 §3.1: the algorithm is fixed by the receiver, never taken from the token.
    func testAlgNoneIsRefused() {
        let none = Array("eyJhbGciOiJub25lIn0.eyJjYWxsX2lkIjo2MzQyMzQzMjk5LCJzdGF0ZSI6Imhhbmd1cCIsImRhdGVfc3RhcnRlZCI6MTcwMDAwMDAwMDAwMCwiaWF0IjoxNzAwMDAwMDAwfQ.u2MTCtsxOjMgwtqHdU49c1TxGDLvbLkqzM-47dLmazU".utf8)
        XCTAssertEqual(dialpad.check(body: none, header: { _ in nil }, now: 1_700_000_000), .refused(.bad))
        XCTAssertEqual(dialpad.check(body: Array("not a jwt".utf8), header: { _ in nil }, now: 1_700_000_000), .refused(.bad))
    }
}
