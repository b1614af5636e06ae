import XCTest
@testable import CallEvents

/// A Telnyx-style delivery signed by Python's `cryptography` package (private key bytes 0...31).
final class Ed25519SchemeTests: XCTestCase {
    private let body = Array(#"{"data":{"event_type":"call.hangup","id":"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0","payload":{"call_control_id":"v3:abc","hangup_cause":"normal_clearing"}}}"#.utf8)
    private let signed = ["telnyx-timestamp": "1700000000",
                          "telnyx-signature-ed25519": "IUP4IqgvGqjTR3GloZqIXs0AJZTSbhtqItv0up1gslalQ0pJ5Y/p0+PEkYPxhDQEZ9hMvPUFyvH8CSmbePQ2CQ=="]

    private func telnyx(key: String = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=") -> Ed25519Scheme {
        Ed25519Scheme(publicKey: Ed25519.PublicKey(Base64.decode(key.utf8)!)!, signed: "{header:telnyx-timestamp}|{body}",
                      header: "telnyx-signature-ed25519", timestampHeader: "telnyx-timestamp")!
    }

    private func headers(_ values: [String: String]) -> (String) -> [UInt8]? { { values[$0].map { Array($0.utf8) } } }

    func testSignedDeliveryIsAccepted() {
        XCTAssertEqual(telnyx().check(body: body, header: headers(signed), now: 1_700_000_010), .accepted)
    }

    func testTamperedBodyTimestampSignatureOrKeyIsRefused() {
        var tampered = body
        tampered[tampered.count - 5] ^= 1
        XCTAssertEqual(telnyx().check(body: tampered, header: headers(signed), now: 1_700_000_000), .refused(.bad))
        var stamp = signed
        stamp["telnyx-timestamp"] = "1700000001"
        XCTAssertEqual(telnyx().check(body: body, header: headers(stamp), now: 1_700_000_000), .refused(.bad))
        var signature = signed
        signature["telnyx-signature-ed25519"] = "J" + signed["telnyx-signature-ed25519"]!.dropFirst()
        XCTAssertEqual(telnyx().check(body: body, header: headers(signature), now: 1_700_000_000), .refused(.bad))
        // The RFC 8032 TEST 1 key instead of the sender's.
        XCTAssertEqual(telnyx(key: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").check(body: body, header: headers(signed), now: 1_700_000_000), .refused(.bad))
    }

    func testStaleAndMissing() {
        XCTAssertEqual(telnyx().check(body: body, header: headers(signed), now: 1_700_000_301), .refused(.stale))
        XCTAssertEqual(telnyx().check(body: body, header: headers([:]), now: 1_700_000_000), .refused(.missing))
        XCTAssertEqual(telnyx().check(body: body, header: headers(["telnyx-signature-ed25519": "AAAA"]), now: 1_700_000_000), .refused(.missing))
    }
}
