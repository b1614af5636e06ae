import XCTest
@testable import Receiver

final class ConfigurationErrorsTests: XCTestCase {
    func testDescriptionIsOneProblemALine() {
        let errors = ConfigurationErrors(messages: ["$.a: one", "$.b: two"], warnings: ["w"])
        XCTAssertEqual(errors.description, "$.a: one\n$.b: two")
    }
}
