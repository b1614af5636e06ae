@testable import CallEvents
import XCTest

final class KnownNamesTests: XCTestCase {
    private func known(_ name: String) -> String? {
        ASCII.withUTF8(of: name) { KnownNames.string($0, hash: FieldName.hash($0)) }
    }

    func testEveryListedNameIsFoundAsSpelled() {
        for name in KnownNames.names {
            XCTAssertEqual(known(name), name)
        }
    }

    func testOnlyTheExactSpellingIsShared() {
        // Same FieldName hash, different bytes: a raw key must keep its own spelling.
        XCTAssertNil(known("callid"))
        XCTAssertNil(known("CALLID"))
        XCTAssertNil(known("CallerIDNum "))
        XCTAssertNil(known("Caller IDNum"))
        XCTAssertNil(known("call_start_uepoc"))
        XCTAssertNil(known("call_start_uepochs"))
        XCTAssertNil(known("unknown_field"))
        XCTAssertNil(known(""))
    }

    func testDecodedPayloadsUseTheSpellingSent() throws {
        let raw = try JSONParser.parse(Array(#"{"CALL_ID":1,"call_id":2,"Call Id":3}"#.utf8)).get()
        XCTAssertEqual(raw.members?.map(\.key), ["CALL_ID", "call_id", "Call Id"])
        let form = FormDecoding.decode(Array("callid=1&CallID=2&CallerID+Num=3".utf8)[...])
        XCTAssertEqual(form.members?.map(\.key), ["callid", "CallID", "CallerID Num"])
    }
}
