@testable import CallEvents
import XCTest

final class HangupCauseTests: XCTestCase {
    func testEachCauseInTheTable() {
        let table: [(String, Outcome)] = [
            ("USER_BUSY", .busy),
            ("NO_ANSWER", .noAnswer), ("NO_USER_RESPONSE", .noAnswer),
            ("ORIGINATOR_CANCEL", .cancelled),
            ("NORMAL_CIRCUIT_CONGESTION", .congestion), ("SWITCH_CONGESTION", .congestion),
            ("SUBSCRIBER_ABSENT", .unavailable), ("USER_NOT_REGISTERED", .unavailable),
            ("DESTINATION_OUT_OF_ORDER", .unavailable),
            ("NO_ROUTE_DESTINATION", .failed), ("UNALLOCATED_NUMBER", .failed), ("CALL_REJECTED", .failed),
            ("INCOMPATIBLE_DESTINATION", .unknown), ("", .unknown),
        ]
        for (cause, outcome) in table {
            XCTAssertEqual(HangupCause.outcome(for: cause, answered: false), outcome, cause)
            XCTAssertEqual(HangupCause.outcome(for: cause, answered: true), outcome, "\(cause), answered")
        }
    }

    func testNormalClearingIsAnsweredOnlyWhenTheCallWasAnswered() {
        XCTAssertEqual(HangupCause.outcome(for: "NORMAL_CLEARING", answered: true), .answered)
        XCTAssertEqual(HangupCause.outcome(for: "NORMAL_CLEARING", answered: false), .unknown)
    }

    func testAnyCaseSpacesAndHyphensMatch() {
        for cause in ["user_busy", "User Busy", "USER-BUSY", " USER_BUSY ", "uSeR bUsY"] {
            XCTAssertEqual(HangupCause.outcome(for: cause, answered: false), .busy, cause)
        }
        XCTAssertEqual(HangupCause.outcome(for: "Normal Clearing", answered: true), .answered)
    }

    func testMissingCauseIsUnknown() {
        XCTAssertEqual(HangupCause.outcome(for: nil, answered: true), .unknown)
    }

    func testNearMissIsUnknown() {
        XCTAssertEqual(HangupCause.outcome(for: "USER_BUSY_", answered: false), .unknown)
        XCTAssertEqual(HangupCause.outcome(for: "USERBUSY", answered: false), .unknown)
    }
}
