import XCTest
@testable import Receiver

final class QuotingTests: XCTestCase {
    func testEscapesQuotesBackslashesAndControls() {
        XCTAssertEqual(quoted("a\"b\\c"), #""a\"b\\c""#)
        XCTAssertEqual(quoted("a\nb\tc\r\u{1}\u{7f}"), #""a\nb\tc\r\u0001\u007f""#)
        XCTAssertEqual(quoted("é"), "\"é\"")
    }

    func testLongTextIsCut() {
        XCTAssertEqual(quoted(String(repeating: "x", count: 100)), "\"" + String(repeating: "x", count: 80) + "...\"")
        XCTAssertEqual(quoted(String(repeating: "x", count: 80)), "\"" + String(repeating: "x", count: 80) + "\"")
    }
}
