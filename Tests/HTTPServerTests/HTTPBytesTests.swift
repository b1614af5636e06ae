import XCTest
@testable import HTTPServer

final class HTTPBytesTests: XCTestCase {
    // RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    // "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    func testTokenBytesAreExactlyTchar() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            XCTAssertEqual(HTTPBytes.isToken(byte), tchar.contains(byte), "byte \(byte)")
        }
    }

    func testHexValues() {
        XCTAssertEqual(HTTPBytes.hexValue(UInt8(ascii: "0")), 0)
        XCTAssertEqual(HTTPBytes.hexValue(UInt8(ascii: "9")), 9)
        XCTAssertEqual(HTTPBytes.hexValue(UInt8(ascii: "a")), 10)
        XCTAssertEqual(HTTPBytes.hexValue(UInt8(ascii: "F")), 15)
        XCTAssertNil(HTTPBytes.hexValue(UInt8(ascii: "g")))
        XCTAssertNil(HTTPBytes.hexValue(UInt8(ascii: "G")))
        XCTAssertNil(HTTPBytes.hexValue(UInt8(ascii: "x")))
    }

    func testListElementsAreTrimmedAndEmptyOnesKept() {
        let bytes = Array(" a ,b,\t,c ".utf8)
        let elements = bytes.withUnsafeBytes { raw in
            HTTPBytes.listElements(raw, 0..<raw.count).map { Array(raw[$0]) }
        }
        XCTAssertEqual(elements, [Array("a".utf8), Array("b".utf8), [], Array("c".utf8)])
    }

    func testStringIsUTF8OrElseLatin1() {
        let utf8 = Array("é".utf8)
        let latin1: [UInt8] = [0x63, 0xE9, 0xC3]  // a lone 0xC3 is not UTF-8
        XCTAssertEqual(utf8.withUnsafeBytes { HTTPBytes.string($0, 0..<$0.count) }, "é")
        XCTAssertEqual(latin1.withUnsafeBytes { HTTPBytes.string($0, 0..<$0.count) }, "c\u{E9}\u{C3}")
    }
}
