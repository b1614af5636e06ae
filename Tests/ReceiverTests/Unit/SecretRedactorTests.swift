import XCTest
@testable import Receiver

final class SecretRedactorTests: XCTestCase {
    func redacted(_ text: String, secrets: [String]) -> String {
        var line = Array(text.utf8)
        SecretRedactor(secrets: secrets).redact(&line)
        return String(decoding: line, as: UTF8.self)
    }

    func testReplacesEveryOccurrenceInsideJSONStrings() {
        XCTAssertEqual(redacted(#"{"a":"k1 and k1","b":"xk1"}"#, secrets: ["k1"]),
                       #"{"a":"[redacted] and [redacted]","b":"x[redacted]"}"#)
    }

    func testMatchesASecretWithQuotesAsJSONEscapesIt() {
        XCTAssertEqual(redacted(#"{"a":"p\"w\\d"}"#, secrets: [#"p"w\d"#]), #"{"a":"[redacted]"}"#)
    }

    func testLongerSecretIsReplacedWholeBeforeOneItContains() {
        XCTAssertEqual(redacted(#"{"a":"abcd"}"#, secrets: ["bc", "abcd"]), #"{"a":"[redacted]"}"#)
    }

    func testEmptySecretIsIgnored() {
        XCTAssertEqual(redacted(#"{"a":"x"}"#, secrets: [""]), #"{"a":"x"}"#)
    }

    /// A body kept as base64 in the rejects log is redacted before it is encoded.
    func testRawBytesThatAreNotUTF8AreRedactedAsSent() {
        var bytes: [UInt8] = [0xFF] + Array(#"p"w"#.utf8) + [0xC0]
        SecretRedactor(secrets: [#"p"w"#]).redactRaw(&bytes)
        XCTAssertEqual(bytes, [0xFF] + Array("[redacted]".utf8) + [0xC0])
    }
}
