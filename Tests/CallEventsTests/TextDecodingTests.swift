import XCTest
@testable import CallEvents
import TestSupport

final class TextDecodingTests: XCTestCase {
    private func valid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }
    }

    func testValidUTF8IsReadAsUTF8() {
        XCTAssertEqual(TextDecoding.string(Array("Zoë € 😀".utf8)), "Zoë € 😀")
        XCTAssertEqual(TextDecoding.string([]), "")
    }

    func testInvalidUTF8IsReadAsLatin1() {
        XCTAssertEqual(TextDecoding.string([0x52, 0x65, 0x6E, 0xE9]), "René")
        XCTAssertEqual(TextDecoding.string([0xC3, 0xA9, 0xFF]), "Ã©ÿ")   // one bad byte makes all of it Latin-1
        XCTAssertEqual(TextDecoding.string([0x00, 0x80, 0x9F]), "\u{0}\u{80}\u{9F}")
    }

    func testEveryByteSurvivesLatin1() {
        let all = (0...255).map { UInt8($0) }
        let text = TextDecoding.string(all)
        XCTAssertEqual(text.unicodeScalars.map { $0.value }, (0...255).map { UInt32($0) })
    }

    func testStrictUTF8Rules() {
        // RFC 3629 §4: the byte sequences that are UTF-8, and the ones that only look like it.
        XCTAssertTrue(valid([0x7F, 0xC2, 0x80, 0xDF, 0xBF, 0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEE, 0x80, 0x80,
                             0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF]))
        XCTAssertFalse(valid([0x80]), "lone continuation byte")
        XCTAssertFalse(valid([0xC0, 0x80]), "overlong NUL")
        XCTAssertFalse(valid([0xC1, 0xBF]), "overlong two-byte")
        XCTAssertFalse(valid([0xE0, 0x9F, 0xBF]), "overlong three-byte")
        XCTAssertFalse(valid([0xED, 0xA0, 0x80]), "surrogate U+D800")
        XCTAssertFalse(valid([0xF0, 0x8F, 0xBF, 0xBF]), "overlong four-byte")
        XCTAssertFalse(valid([0xF4, 0x90, 0x80, 0x80]), "above U+10FFFF")
        XCTAssertFalse(valid([0xF5, 0x80, 0x80, 0x80]), "F5 never starts a sequence")
        XCTAssertFalse(valid([0xE2, 0x82]), "truncated")
        XCTAssertFalse(valid([0xC3, 0x41]), "continuation byte missing")
    }

    func testValidatorAgreesWithTheStandardLibrary() {
        var random = SplitMix64(seed: 99)
        let interesting: [UInt8] = [0x41, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0..<6, using: &random)).map { _ in interesting.randomElement(using: &random)! }
            let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } != nil
            XCTAssertEqual(valid(bytes), expected, "\(bytes)")
        }
    }
}
