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
