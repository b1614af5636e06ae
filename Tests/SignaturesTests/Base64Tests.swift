import XCTest
@testable import Signatures

final class Base64Tests: XCTestCase {
    private func decode(_ text: String) -> String? {
        Base64.decode(text.utf8).map { String(decoding: $0, as: UTF8.self) }
    }

    func testRFC4648TestVectors() {
        // RFC 4648 §10.
        XCTAssertEqual(decode(""), "")
        XCTAssertEqual(decode("Zg=="), "f")
        XCTAssertEqual(decode("Zm8="), "fo")
        XCTAssertEqual(decode("Zm9v"), "foo")
        XCTAssertEqual(decode("Zm9vYg=="), "foob")
        XCTAssertEqual(decode("Zm9vYmE="), "fooba")
        XCTAssertEqual(decode("Zm9vYmFy"), "foobar")
    }

    func testPaddingMayBeLeftOut() {
        XCTAssertEqual(decode("Zg"), "f")
        XCTAssertEqual(decode("Zm8"), "fo")
    }

    func testFullAlphabet() {
        XCTAssertEqual(Base64.decode("+/+/".utf8), [0xFB, 0xFF, 0xBF])
        XCTAssertEqual(Base64.decode("AZaz09+/".utf8)?.count, 6)
    }

    func testRejectsWhatNoEncoderWrites() {
        for text in ["Z", "Zm9vY", "Zg=", "Zg===", "Z===", "Zm9v!", "Zm 9v", "Zm9v\n", "=Zm9", "Zg==Zg==", "Zm-_"] {
            XCTAssertNil(Base64.decode(text.utf8), text)
        }
    }

    /// A byte outside the alphabet anywhere, in the whole quads or in the last characters, and
    /// whatever its value (the other alphabet's two, `=`, a space, a byte above 0x7F), is refused.
    func testRefusesAByteOutsideTheAlphabetAtEveryPosition() {
        let text = Array(Base64.encode((0..<40).map { UInt8(truncatingIfNeeded: $0 * 7) }, alphabet: .url, padded: false).utf8)
        XCTAssertNotNil(Base64.decode(text, alphabet: .url))
        for position in text.indices {
            for bad in [UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), 0x20, 0x80, 0xFF, 0x00] {
                var changed = text
                changed[position] = bad
                XCTAssertNil(Base64.decode(changed, alphabet: .url), "byte \(bad) at \(position)")
            }
        }
        for position in text.indices where text[position] == UInt8(ascii: "-") || text[position] == UInt8(ascii: "_") {
            XCTAssertNil(Base64.decode(text, alphabet: .standard), "url character at \(position)")
        }
    }

    /// Every length from 0 to 200 and both alphabets, padded and not: decoding undoes encoding,
    /// through the whole-quad path and the one for the last two or three characters alike.
    func testDecodingUndoesEncodingAtEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for alphabet in [Base64.Alphabet.standard, .url] {
                for padded in [true, false] {
                    let text = Base64.encode(bytes, alphabet: alphabet, padded: padded)
                    XCTAssertEqual(Base64.decode(text.utf8, alphabet: alphabet), bytes, "\(length) \(alphabet) \(padded)")
                }
            }
        }
    }
}
