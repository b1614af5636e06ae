import XCTest
@testable import Receiver

final class JSONPathTests: XCTestCase {
    func testIdentifierKeysAndIndexes() {
        XCTAssertEqual(JSONPath.root.description, "$")
        XCTAssertEqual(JSONPath.root.key("routes").index(2).key("vendor").description, "$.routes[2].vendor")
        XCTAssertEqual(JSONPath.root.key("_a1").description, "$._a1")
    }

    func testOtherKeysAreQuoted() {
        XCTAssertEqual(JSONPath.root.key("max body").description, #"$["max body"]"#)
        XCTAssertEqual(JSONPath.root.key("1st").description, #"$["1st"]"#)
        XCTAssertEqual(JSONPath.root.key("a\"b").description, #"$["a\"b"]"#)
        XCTAssertEqual(JSONPath.root.key("").description, #"$[""]"#)
        XCTAssertEqual(JSONPath.root.key("é").description, #"$["é"]"#)
    }
}
