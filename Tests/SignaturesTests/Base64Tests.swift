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
}
