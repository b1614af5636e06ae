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
