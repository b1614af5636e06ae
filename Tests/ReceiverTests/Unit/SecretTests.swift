import XCTest
@testable import Receiver

final class SecretTests: XCTestCase {
    func testMatchesOnlyTheSameBytes() {
        let secret = Secret("s3cret")
        XCTAssertTrue(secret.matches(Array("s3cret".utf8)))
        XCTAssertFalse(secret.matches(Array("s3creT".utf8)))
        XCTAssertFalse(secret.matches(Array("s3cre".utf8)), "a prefix is not the secret")
        XCTAssertFalse(secret.matches(Array("s3crets3cret".utf8)), "a repetition is not the secret")
        XCTAssertFalse(secret.matches(Array("s3cret!".utf8)))
        XCTAssertFalse(secret.matches([UInt8]()))
    }

    func testEmptySecretMatchesNothing() {
        XCTAssertFalse(Secret("").matches([UInt8]()))
        XCTAssertTrue(Secret("").isEmpty)
    }

    func testEveryPrintedFormIsRedacted() {
        let secret = Secret("hunter2")
        XCTAssertEqual("\(secret)", "<redacted>")
        XCTAssertEqual(String(reflecting: secret), "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        XCTAssertFalse(dumped.contains("hunter2"), dumped)
        XCTAssertFalse(dumped.contains("bytes") || dumped.contains("104"), "no stored bytes either: \(dumped)")
        XCTAssertFalse(String(describing: Optional(secret)).contains("hunter2"))
    }
}
