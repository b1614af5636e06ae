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

    /// telnyx-python's webhook test payload (tests/test_webhook.py, `DUMMY_WEBHOOK_PAYLOAD`),
    /// signed over `12345|` + the payload. Telnyx's tests sign with a key generated per run, so
    /// the signature here is Python `cryptography`'s under the key above; with no tolerance the
    /// old timestamp passes, as `test_timestamp_off_but_no_tolerance` has it.
    func testTelnyxSDKPayloadWithoutTolerance() {
        let payload = Array("""
        {
            "record_type": "event",
            "id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
            "event_type": "call_initiated",
            "created_at": "2018-02-02T22:25:27.521992Z",
            "payload": {
                "to": "+13129457420",
                "start_time": "2018-02-02T22:25:27.521992Z",
                "occurred_at": "2018-02-02T22:25:27.521992Z",
                "from": "+35319605860",
                "call_control_id": "AgDIxmoRX6QMuaIj_uXRXnPAXP0QlNfXczRrZvZakpWxBlpw48KyZQ==",
                "connection_id": "7267xxxxxxxxxxxxxx",
                "call_leg_id": "428c31b6-7af4-4bcb-b7f5-5013ef9657c1",
                "call_session_id": "428c31b6-abf3-3bc1-b7f4-5013ef9657c1",
                "client_state": "aGF2ZSBhIG5pY2UgZGF5ID1d",
                "direction": "incoming",
                "state": "parked"
            }
        }
        """.utf8)
        let signature = ["telnyx-timestamp": "12345",
                         "telnyx-signature-ed25519": "GIC3pOwZpWm/cOAAMwaABQK7EufWWvm/fpyQ06Ns5I2vJauq1q3b9zVxgFVHrJ6tRmnd5L9A90KNvi0vpohqCQ=="]
        let untimed = Ed25519Scheme(publicKey: Ed25519.PublicKey(Base64.decode("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=".utf8)!)!,
                                    signed: "{header:telnyx-timestamp}|{body}", header: "telnyx-signature-ed25519",
                                    timestampHeader: "telnyx-timestamp", toleranceSeconds: 0)!
        XCTAssertEqual(untimed.check(body: payload, header: headers(signature), now: 1_700_000_000), .accepted)
        XCTAssertEqual(telnyx().check(body: payload, header: headers(signature), now: 1_700_000_000), .refused(.stale))
        XCTAssertEqual(untimed.check(body: payload + [0x0A], header: headers(signature), now: 1_700_000_000), .refused(.bad))
    }

    func testStaleAndMissing() {
        XCTAssertEqual(telnyx().check(body: body, header: headers(signed), now: 1_700_000_301), .refused(.stale))
        XCTAssertEqual(telnyx().check(body: body, header: headers([:]), now: 1_700_000_000), .refused(.missing))
        XCTAssertEqual(telnyx().check(body: body, header: headers(["telnyx-signature-ed25519": "AAAA"]), now: 1_700_000_000), .refused(.missing))
    }
}
