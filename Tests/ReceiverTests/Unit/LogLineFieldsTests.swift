import CallEvents
import XCTest
@testable import Receiver

final class LogLineFieldsTests: XCTestCase {
    func testKeyAndIDOfALineTheServerWrites() throws {
        let payload = OpsPayloads.call(.impactpbx, id: "r1", start: 1_700_000_000, answered: true)[2]
        let event = LoggedEvent.make(payload, receivedAt: 1_700_000_035)
        let fields = try XCTUnwrap(LogLineFields.keyAndID(event.line))
        XCTAssertEqual(fields.key, event.key)
        XCTAssertEqual(fields.id, event.string("id"))
    }

    func testEscapesInTheKeyAreDecoded() throws {
        let line = Array(#"{"id":"i\"1","received_at":"x","key":"voipnow:a\"b\\c:call.hangup","raw":{}}"#.utf8)
        let fields = try XCTUnwrap(LogLineFields.keyAndID(line))
        XCTAssertEqual(fields.key, #"voipnow:a"b\c:call.hangup"#)
        XCTAssertEqual(fields.id, #"i"1"#)
    }

    func testAKeyInsideRawIsNotTheLinesKey() throws {
        // `,"key":"` inside a string would have its quotes escaped; inside `raw` it is a member.
        let line = Array(#"{"id":"1","type":"x","key":"top","raw":{"a":1,"key":"inner"}}"#.utf8)
        XCTAssertEqual(LogLineFields.keyAndID(line)?.key, "top")
        let quoted = Array(#"{"id":"1","note":"say ,\"key\":\"no\"","key":"top"}"#.utf8)
        XCTAssertEqual(LogLineFields.keyAndID(quoted)?.key, "top")
    }

    func testLinesWithoutIDOrKeyGiveNothing() {
        XCTAssertNil(LogLineFields.keyAndID(Array(#"{"id":"1","type":"x"}"#.utf8)))
        XCTAssertNil(LogLineFields.keyAndID(Array(#"{"key":"k","id":"1"}"#.utf8)), "id is written first")
        XCTAssertNil(LogLineFields.keyAndID(Array(#"{"id":"1","key":"unterminated"#.utf8)))
        XCTAssertNil(LogLineFields.keyAndID([]))
    }
}
