@testable import CallEvents
import XCTest
import TestSupport
import TestKit

/// The compact text the reader keeps for the line encoder: present only when writing the value
/// back gives exactly it.
final class JSONReaderTests: XCTestCase {
    private func read(_ bytes: [UInt8]) -> (JSONValue, [UInt8]?)? {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer, keepingText: true)
            guard let value = try? reader.readDocument() else { return nil }
            switch reader.compactText {
            case .range(let range)?: return (value, Array(bytes[range]))
            case .copy(let copy)?: return (value, copy)
            case nil: return (value, nil)
            }
        }
    }

    private func written(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.value(value)
        return writer.bytes
    }

    func testCompactInputIsItsOwnText() {
        let text = #"{"a":[1,-2.5e3,{"b":"x\"y\\z\n\t"}],"c":null,"d":true,"e":"caf\#u{e9}"}"#
        let result = read(Array(text.utf8))
        XCTAssertEqual(result?.1, Array(text.utf8))
    }

    func testWhiteSpaceBetweenTokensIsLeftOut() {
        let result = read(Array("\u{feff} {\n\"a\" : [ 1 ,2 ] ,\r\n\t\"b\":\"c d\" }\n ".utf8))
        XCTAssertEqual(result.map { String(decoding: $0.1 ?? [], as: UTF8.self) }, #"{"a":[1,2],"b":"c d"}"#)
    }

    func testEscapesTheWriterSpellsOtherwiseHaveNoText() {
        for text in [#"{"a":"\/"}"#, #"{"a":"\u00e9"}"#, #"{"a":"\u001F"}"#, #"{"\u0041":1}"#, #"["\ud83d\ude00"]"#] {
            let result = read(Array(text.utf8))
            XCTAssertNotNil(result, text)
            XCTAssertNil(result?.1, text)
        }
    }

    func testBytesThatAreNotUTF8HaveNoText() {
        let result = read(Array(#"{"a":"caf"#.utf8) + [0xE9] + Array(#""}"#.utf8))
        XCTAssertNotNil(result)
        XCTAssertNil(result?.1)
    }

    func testTextIsAlwaysWhatTheValueWritesBackAs() {
        // Mutated vendor examples: whatever parses either has no text or exactly the writer's.
        var random = SplitMix64(seed: 0xC0A1)
        let seeds = VendorFixtures.validJSON.map { Array($0.utf8) }
        let alphabet = Array(#" {}[]":,\/ntu0123456789abcdefABCDEF"#.utf8) + [0x09, 0x0A, 0x0D, 0xC3, 0xA9, 0xE9]
        var withText = 0
        for _ in 0..<3000 {
            var bytes = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            guard let (value, text) = read(bytes) else { continue }
            if let text {
                withText += 1
                XCTAssertEqual(text, written(value), String(decoding: bytes, as: UTF8.self))
            }
        }
        XCTAssertGreaterThan(withText, 100, "the property was checked on too few inputs")
    }

    func testEveryMemberCarriesItsNameHash() {
        let text: [UInt8] = Array(#"{"CallID":1,"Caller ID Num":{"x":2},"a":3}"#.utf8)
        let value = try? JSONParser.parse(text).get()
        guard case .object(let members)? = value, case .object(let inner) = members[1].value else {
            return XCTFail("not an object: \(String(describing: value))")
        }
        XCTAssertEqual(members.map(\.nameHash), [FieldName.hash("callid" as StaticString),
                                                 FieldName.hash("calleridnum" as StaticString),
                                                 FieldName.hash("a" as StaticString)])
        XCTAssertEqual(inner.map(\.nameHash), [FieldName.hash("x" as StaticString)], "nested objects too")
        XCTAssertEqual(members.map(\.nameHash), members.map { FieldName.hash($0.key) }, "as the public init makes it")
    }
}
