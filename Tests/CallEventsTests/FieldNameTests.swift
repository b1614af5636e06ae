@testable import CallEvents
import XCTest

final class FieldNameTests: XCTestCase {
    func testEverySpellingOfANameHashesAlike() {
        let spellings = ["CallerID Num", "CallerIDNum", "callerid num", "CALLERIDNUM", " Caller ID Num "]
        for spelling in spellings {
            XCTAssertEqual(FieldName.hash(spelling), FieldName.hash("calleridnum" as StaticString), spelling)
        }
    }

    func testDifferentNamesHashApart() {
        var seen: [UInt64: String] = [:]
        for name in KnownNames.names + ["a", "b", "ab", "ba", "call_id_", "callid2", "x_y_z_1234567890abcdef"] {
            let key = String(name.lowercased().filter { $0 != " " })
            let hash = FieldName.hash(key)
            if let other = seen[hash] { XCTAssertEqual(other, key, "\(other) and \(key) share a hash") }
            seen[hash] = key
        }
    }

    func testNonLettersAreNotFolded() {
        // Only A-Z fold: `@` (0x40) and `[` (0x5B) sit beside them and must stay apart from ` and {.
        XCTAssertNotEqual(FieldName.hash("a@"), FieldName.hash("a`"))
        XCTAssertNotEqual(FieldName.hash("a["), FieldName.hash("a{"))
        XCTAssertNotEqual(FieldName.hash("caf\u{e9}"), FieldName.hash("caf\u{c9}"))
    }

    func testMatchesEveryLengthAndCase() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz_0123".utf8)
        for count in 1...24 {
            let wanted = Array(alphabet.prefix(count))
            let upper = wanted.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
            wanted.withUnsafeBufferPointer { want in
                XCTAssertTrue(FieldName.matches(String(decoding: upper, as: UTF8.self), want), "\(count)")
                XCTAssertTrue(FieldName.matches(" " + String(decoding: wanted, as: UTF8.self), want), "\(count)")
                var changed = upper
                changed[count - 1] = UInt8(ascii: "!")
                XCTAssertFalse(FieldName.matches(String(decoding: changed, as: UTF8.self), want), "\(count)")
                XCTAssertFalse(FieldName.matches(String(decoding: upper.dropLast(), as: UTF8.self), want), "\(count)")
            }
        }
    }

    func testASpaceIsNotAnyOtherByte() {
        Array("ab".utf8).withUnsafeBufferPointer { want in
            XCTAssertTrue(FieldName.matches("a b", want))
            XCTAssertFalse(FieldName.matches("a\tb", want))
            XCTAssertFalse(FieldName.matches("a_b", want))
        }
    }
}
