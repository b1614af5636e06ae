@testable import CallEvents
import XCTest

final class FieldsTests: XCTestCase {
    func testNamesMatchIgnoringCaseAndSpaces() {
        let fields = Fields(raw: Mock.form("CallerID%20Num=1&Caller+ID+Name=Bob"))
        XCTAssertEqual(fields.text("calleridnum"), "1")
        XCTAssertEqual(fields.text("calleridname"), "Bob")
        XCTAssertNil(fields.text("callerid"), "a prefix is not a match")
        XCTAssertNil(fields.text("calleridnumx"))
    }

    func testRawIsSearchedBeforeQuery() {
        let fields = Fields(raw: Mock.form("a=body"), query: Mock.form("a=query&b=query"))
        XCTAssertEqual(fields.text("a"), "body")
        XCTAssertEqual(fields.text("b"), "query")
    }

    func testValueKinds() {
        let fields = Fields(raw: Mock.json(#"{"n":139543232,"s":"x","t":true,"z":null,"o":{"a":1},"e":"","r":["1","2"]}"#))
        XCTAssertEqual(fields.text("n"), "139543232")
        XCTAssertEqual(fields.text("s"), "x")
        XCTAssertEqual(fields.text("t"), "true")
        XCTAssertNil(fields.text("z"))
        XCTAssertNil(fields.text("o"))
        XCTAssertNil(fields.text("e"), "an empty string is absent")
        XCTAssertTrue(fields.has("e"))
        XCTAssertFalse(fields.has("missing"))
    }

    func testRepeatedFormNameGivesItsFirstValue() {
        XCTAssertEqual(Fields(raw: Mock.form("CallID=first&CallID=second")).text("callid"), "first")
    }

    func testTrimming() {
        let fields = Fields(raw: Mock.form("a=+%20Bob%09+&b=+++"))
        XCTAssertEqual(fields.trimmed("a"), "Bob")
        XCTAssertNil(fields.trimmed("b"), "white space only is absent")
    }

    func testPlusRepairInNumbers() {
        let table: [(String, String?)] = [
            (" 0312341234", "+0312341234"),     // an unescaped + read as a space
            (" 0312341234 ", "+0312341234"),
            ("+0312341234", "+0312341234"),
            ("0312341234", "0312341234"),
            ("  0312341234", "0312341234"),     // two spaces: not a lost +
            (" 031 234", "031 234"),            // not only digits
            (" 1002*001", "1002*001"),
            (" ", nil),
        ]
        for (value, expected) in table {
            let fields = Fields(raw: .object([JSONMember("n", .string(value))]))
            XCTAssertEqual(fields.number("n"), expected, "'\(value)'")
        }
    }

    func testIntegers() {
        let fields = Fields(raw: Mock.json(#"{"a":11,"b":"11","c":11.9,"d":"x","e":"-3","f":""}"#))
        XCTAssertEqual(fields.integer("a"), 11)
        XCTAssertEqual(fields.integer("b"), 11)
        XCTAssertEqual(fields.integer("c"), 11)
        XCTAssertNil(fields.integer("d"))
        XCTAssertEqual(fields.integer("e"), -3)
        XCTAssertNil(fields.integer("f"))
    }

    func testNonObjectPayloadHasNoFields() {
        XCTAssertNil(Fields(raw: Mock.json(#"[{"a":"1"}]"#)).text("a"))
    }

    func testFirstOfEqualNamesWinsWhetherParsedOrBuilt() {
        let raw = Mock.json(#"{"CallID":"a","callid":"b"}"#)
        XCTAssertEqual(Fields(raw: raw).text("callid"), "a", "the first of equal names")
        let built = JSONValue.object([JSONMember("Call ID", .string("c")), JSONMember("callid", .string("d"))])
        XCTAssertEqual(Fields(raw: built).text("callid"), "c", "a member made by hand hashes its name too")
    }
}
