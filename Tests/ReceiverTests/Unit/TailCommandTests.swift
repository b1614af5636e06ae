import CallEvents
import XCTest
@testable import Receiver

final class TailCommandTests: XCTestCase {
    let event = LoggedEvent.make(json: #"{"id":"1","vendor":"voipnow","type":"call.hangup","call_id":"1a2b"}"#)

    func testNoFilterMatchesEverything() {
        XCTAssertTrue(TailCommand.matches(event, .init()))
    }

    func testEachFilterMatchesItsField() {
        XCTAssertTrue(TailCommand.matches(event, .init(vendor: "voipnow")))
        XCTAssertTrue(TailCommand.matches(event, .init(type: .hangup)))
        XCTAssertTrue(TailCommand.matches(event, .init(callID: "1a2b")))
        XCTAssertTrue(TailCommand.matches(event, .init(vendor: "voipnow", type: .hangup, callID: "1a2b")))
    }

    func testAnyFilterThatDiffersLeavesTheEventOut() {
        XCTAssertFalse(TailCommand.matches(event, .init(vendor: "impactpbx")))
        XCTAssertFalse(TailCommand.matches(event, .init(type: .ringing)))
        XCTAssertFalse(TailCommand.matches(event, .init(callID: "1a2")))
        XCTAssertFalse(TailCommand.matches(event, .init(vendor: "voipnow", type: .hangup, callID: "other")))
    }

    func testCallFilterLeavesOutEventsWithoutCallID() {
        let sms = LoggedEvent.make(json: #"{"id":"2","vendor":"voipstudio","type":"sms.received","call_id":null}"#)
        XCTAssertFalse(TailCommand.matches(sms, .init(callID: "1a2b")))
        XCTAssertTrue(TailCommand.matches(sms, .init(vendor: "voipstudio")))
    }
}
