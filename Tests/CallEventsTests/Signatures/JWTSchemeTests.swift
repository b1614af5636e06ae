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

    /// vonage-ruby-sdk's `verify_hs256_signature` vector (test/vonage/test.rb): the token verifies
    /// under its signature secret and not under the near-miss one. The SDK checks the token
    /// alone, so the body it hashed is not published: with `payload_hash` any body is refused.
    func testVonageSDKVector() {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1ODc0OTQ5NjIsImp0aSI6ImM1YmE4ZjI0LTFhMTQtNGMxMC1iZmRmLTNmYmU4Y2U1MTFiNSIsImlzcyI6IlZvbmFnZSIsInBheWxvYWRfaGFzaCI6ImQ2YzBlNzRiNTg1N2RmMjBlM2I3ZTUxYjMwYzBjMmE0MGVjNzNhNzc4NzliNmYwNzRkZGM3YTIzMTdkZDAzMWIiLCJhcGlfa2V5IjoiYTFiMmMzZCIsImFwcGxpY2F0aW9uX2lkIjoiYWFhYWFhYWEtYmJiYi1jY2NjLWRkZGQtMDEyMzQ1Njc4OWFiIn0.JQRKi1d0SQitmjPINfTWMpt3XZkGsLbD7EjCdXoNSbk"
        let valid = [Array("ZYtdTtGV3BCFN7tWmOWr1md66XsquMggr4W2cTtXtcPgfnI0Xw".utf8)]
        let invalid = [Array("ZYtdTtGV3BCFN7tWmOWr1md66XsquMggr4W2cTtXtcPgf55555".utf8)]
        let issued = 1_587_494_962
        XCTAssertEqual(JWTScheme(location: .authorization, secrets: valid).check(body: [], header: bearer(token), now: issued + 10), .accepted)
        XCTAssertEqual(JWTScheme(location: .authorization, secrets: invalid).check(body: [], header: bearer(token), now: issued + 10), .refused(.bad))
        XCTAssertEqual(JWTScheme(location: .authorization, secrets: valid).check(body: [], header: bearer(token), now: issued + 301), .refused(.stale))
        XCTAssertEqual(JWTScheme(location: .authorization, toleranceSeconds: 0, secrets: valid).check(body: [], header: bearer(token), now: issued + 86_400), .accepted)
        XCTAssertEqual(JWTScheme(location: .authorization, payloadHash: true, secrets: valid).check(body: vonageBody, header: bearer(token), now: issued), .refused(.bad))
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
