import Foundation
import XCTest
@testable import Receiver

final class CallsCommandTests: XCTestCase {
    func records(_ vendors: [OpsPayloads.Vendor]) -> [CallRecord] {
        var correlator = CallCorrelator()
        var start = CallRecordTests.base
        for vendor in vendors {
            let payloads = OpsPayloads.call(vendor, id: "\(start)", start: start, answered: vendor != .voipnow)
            for (payload, offset) in zip(payloads, [1, 5, 35]) {
                correlator.add(.make(payload, receivedAt: start + (payloads.count == 2 && offset == 5 ? 20 : offset)))
            }
            start += 86_400 + 60
        }
        return correlator.sorted
    }

    func testTableHasAHeaderAndOneAlignedRowPerCall() {
        let table = CallsCommand.table(records([.impactpbx, .voipnow]))
        XCTAssertEqual(table, """
            STARTED                  ANSWERED      ENDED         OUTCOME    TALK  FROM        TO             EVENTS  CALL
            2023-11-14 22:13:20.000  22:13:25.000  22:13:55.000  answered   30s   0390085900  0035799123456  3       impactpbx:1700000000
            2023-11-15 22:14:21.000  -             22:14:40.000  no_answer  -     0390085900  0035799123456  2       voipnow:1700086460
            """)
    }

    func testTimesOnAnotherDayThanTheStartKeepTheirDate() {
        let json = #"{"id":"1","key":"a","vendor":"impactpbx","type":"call.hangup","call_id":"x","outcome":"answered","started_at":"2023-11-14T23:59:50.000Z","answered_at":"2023-11-14T23:59:55.000Z","ended_at":"2023-11-15T00:00:10.000Z"}"#
        var correlator = CallCorrelator()
        correlator.add(.make(json: json))
        let row = CallsCommand.table(correlator.sorted).split(separator: "\n")[1]
        XCTAssertTrue(row.hasPrefix("2023-11-14 23:59:50.000  23:59:55.000  2023-11-15 00:00:10.000  answered"), String(row))
    }

    func testJSONHasEveryFieldOfTheRow() throws {
        let call = records([.voipstudio])[0]
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(CallsCommand.json(call))) as? [String: Any])
        XCTAssertEqual(object["vendor"] as? String, "voipstudio")
        XCTAssertEqual(object["call_id"] as? String, "1700000000")
        XCTAssertEqual(object["started_at"] as? String, "2023-11-14T22:13:20.000Z")
        XCTAssertEqual(object["answered_at"] as? String, "2023-11-14T22:13:25.000Z")
        XCTAssertEqual(object["ended_at"] as? String, "2023-11-14T22:13:55.000Z")
        XCTAssertEqual(object["state"] as? String, "answered")
        XCTAssertEqual(object["outcome"] as? String, "answered")
        XCTAssertEqual(object["talk_seconds"] as? Int, 30)
        XCTAssertEqual(object["from"] as? String, OpsPayloads.caller)
        XCTAssertEqual(object["to"] as? String, OpsPayloads.callee)
        XCTAssertEqual(object["events"] as? Int, 3)
    }

    func testJSONOfACallInProgressHasNullsForWhatIsNotKnown() throws {
        var correlator = CallCorrelator()
        correlator.add(.make(json: #"{"id":"1","key":"a","vendor":"voipnow","type":"call.ringing","call_id":"x","received_at":"2023-11-14T23:59:50.000Z"}"#))
        let text = String(decoding: CallsCommand.json(correlator.sorted[0]), as: UTF8.self)
        XCTAssertEqual(text, #"{"vendor":"voipnow","call_id":"x","started_at":"2023-11-14T23:59:50.000Z","answered_at":null,"ended_at":null,"state":"ringing","outcome":null,"talk_seconds":null,"from":null,"to":null,"events":1}"#)
    }
}
