import XCTest
@testable import Receiver

final class PercentDecodingTests: XCTestCase {
    private func decode(_ text: String, plus: Bool) -> String {
        String(decoding: PercentDecoding.decode(text.utf8, plusIsSpace: plus), as: UTF8.self)
    }

    func testEscapes() {
        XCTAssertEqual(decode("a%20b%2Fc%2fd", plus: false), "a b/c/d")
        XCTAssertEqual(decode("%E2%82%AC", plus: false), "€")
    }

    func testPlusIsASpaceOnlyInForms() {
        XCTAssertEqual(decode("a+b", plus: true), "a b")
        XCTAssertEqual(decode("a+b", plus: false), "a+b")
        XCTAssertEqual(decode("a%2Bb", plus: true), "a+b")
    }

    func testInvalidEscapesAreKept() {
        XCTAssertEqual(decode("%", plus: false), "%")
        XCTAssertEqual(decode("%4", plus: false), "%4")
        XCTAssertEqual(decode("%4g%", plus: false), "%4g%")
        XCTAssertEqual(decode("%%41", plus: false), "%A")
    }
}
