import XCTest
@testable import Receiver

final class CallCorrelatorTests: XCTestCase {
    func testEventsWithoutCallIDBelongToNoCall() {
        var correlator = CallCorrelator()
        correlator.add(.make(json: #"{"id":"1","key":"k","vendor":"voipstudio","type":"sms.received","call_id":null}"#))
        XCTAssertTrue(correlator.calls.isEmpty)
    }

    func testCallsWithTheSameStartAreOrderedByVendorAndCallID() {
        var correlator = CallCorrelator()
        for (vendor, call) in [("voipnow", "b"), ("impactpbx", "z"), ("voipnow", "a")] {
            correlator.add(.make(json: #"{"id":"\#(call)","key":"\#(vendor)\#(call)","vendor":"\#(vendor)","type":"call.ringing","call_id":"\#(call)","started_at":"2023-11-14T22:13:20.000Z"}"#))
        }
        XCTAssertEqual(correlator.sorted.map { "\($0.vendor):\($0.callID)" }, ["impactpbx:z", "voipnow:a", "voipnow:b"])
    }

    func testEventsOfOneCallIdAtTwoVendorsAreTwoCalls() {
        var correlator = CallCorrelator()
        correlator.add(.make(json: #"{"id":"1","key":"a","vendor":"voipnow","type":"call.ringing","call_id":"42"}"#))
        correlator.add(.make(json: #"{"id":"2","key":"b","vendor":"impactpbx","type":"call.ringing","call_id":"42"}"#))
        correlator.add(.make(json: #"{"id":"3","key":"c","vendor":"voipnow","type":"call.hangup","call_id":"42"}"#))
        XCTAssertEqual(correlator.calls.map(\.vendor), ["voipnow", "impactpbx"])
        XCTAssertEqual(correlator.calls.map(\.eventsSeen), [2, 1])
    }

    func testCallsWithoutAnyTimeComeLast() {
        var correlator = CallCorrelator()
        correlator.add(.make(json: #"{"id":"1","key":"a","vendor":"voipnow","type":"call.hangup","call_id":"untimed"}"#))
        correlator.add(.make(json: #"{"id":"2","key":"b","vendor":"voipnow","type":"call.ringing","call_id":"timed","received_at":"2023-11-14T22:13:20.000Z"}"#))
        XCTAssertEqual(correlator.sorted.map(\.callID), ["timed", "untimed"])
    }
}
