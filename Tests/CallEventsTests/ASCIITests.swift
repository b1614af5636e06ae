@testable import CallEvents
import XCTest

final class ASCIITests: XCTestCase {
    func testEqualsIgnoresCaseAndSurroundingSpace() {
        XCTAssertTrue(ASCII.equals("IN", "in"))
        XCTAssertTrue(ASCII.equals(" Call.Hangup\t", "call.hangup"))
        XCTAssertFalse(ASCII.equals("INBOUND", "in"))
        XCTAssertFalse(ASCII.equals("i", "in"))
        XCTAssertFalse(ASCII.equals("", "in"))
        XCTAssertFalse(ASCII.equals("ın", "in"), "only ASCII letters fold")
    }

    func testHasPrefix() {
        XCTAssertTrue(ASCII.hasPrefix("inbound_external", "inbound"))
        XCTAssertTrue(ASCII.hasPrefix("  Internal", "internal"))
        XCTAssertFalse(ASCII.hasPrefix("in", "inbound"))
        XCTAssertFalse(ASCII.hasPrefix("outbound", "inbound"))
    }

    func testTrimmed() {
        XCTAssertEqual(ASCII.trimmed(" a b\r\n"), "a b")
        XCTAssertEqual(ASCII.trimmed("é "), "é")
        XCTAssertNil(ASCII.trimmed(" \t "))
        XCTAssertNil(ASCII.trimmed(""))
    }
}
