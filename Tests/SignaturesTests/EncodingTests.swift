import XCTest
@testable import Signatures

final class EncodingTests: XCTestCase {
    func testHexRoundTripAndRefusals() {
        XCTAssertEqual(Hex.encode([0x00, 0xAB, 0xFF]), "00abff")
        XCTAssertEqual(Hex.decode("00ABff".utf8), [0x00, 0xAB, 0xFF])
        XCTAssertNil(Hex.decode("abc".utf8))
        XCTAssertNil(Hex.decode("zz".utf8))
        XCTAssertEqual(Hex.decode("".utf8), [])
    }

    func testConstantTimeEquals() {
        XCTAssertTrue(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        XCTAssertFalse(ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        XCTAssertFalse(ConstantTime.equals([0, 2, 3], [1, 2, 3]))
        XCTAssertFalse(ConstantTime.equals([1, 2], [1, 2, 3]))
        XCTAssertTrue(ConstantTime.equals([UInt8](), []))
    }
}

final class Base64StrictnessTests: XCTestCase {
    // RFC 4648 §3.5: "RSOYDt4T1cUTdK1PDd93/VVr8B9=" would decode to the same 20 bytes as the
    // canonical "…B8=" if the two spare bits were ignored.
    func testNonZeroSpareBitsAreRefused() {
        XCTAssertNotNil(Base64.decode("RSOYDt4T1cUTdK1PDd93/VVr8B8=".utf8))
        XCTAssertNil(Base64.decode("RSOYDt4T1cUTdK1PDd93/VVr8B9=".utf8))
        XCTAssertNil(Base64.decode("QR==".utf8))
        XCTAssertEqual(Base64.decode("QQ==".utf8), [0x41])
    }
}
