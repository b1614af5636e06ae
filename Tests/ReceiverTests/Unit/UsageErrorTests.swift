import XCTest
@testable import Receiver

final class UsageErrorTests: XCTestCase {
    func testDescriptionPointsAtTheRightHelp() {
        XCTAssertEqual(UsageError("--vendor needs a value", command: .tail).description,
                       "callhook tail: --vendor needs a value\nRun 'callhook tail --help' for usage.")
        XCTAssertEqual(UsageError("missing command").description, "callhook: missing command\nRun 'callhook --help' for usage.")
    }
}
