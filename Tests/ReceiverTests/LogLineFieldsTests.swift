import XCTest
@testable import Receiver

final class LogLineFieldsTests: XCTestCase {
    func testReadsIDAndKeyOfAnEventLine() throws {
        let line = Array(#"{"id":"019a-1","received_at":"2026-11-21T08:09:10.123Z","key":"impactpbx:r:hangup:t","raw":{"key":"no"}}"#.utf8)
        let fields = try XCTUnwrap(LogLineFields.keyAndID(line))
        XCTAssertEqual(fields.id, "019a-1")
        XCTAssertEqual(fields.key, "impactpbx:r:hangup:t")
    }

    func testUnescapesTheKey() throws {
        let line = Array(#"{"id":"a","key":"voipnow:\"q\"\\x"}"#.utf8)
        XCTAssertEqual(LogLineFields.keyAndID(line)?.key, #"voipnow:"q"\x"#)
    }

    func testLineWithoutAKeyHasNone() {
        XCTAssertNil(LogLineFields.keyAndID(Array(#"{"id":"a","route":"r"}"#.utf8)))
        XCTAssertNil(LogLineFields.keyAndID(Array(#"{"id":"a","key":"unterminated"#.utf8)))
    }
}
