@testable import CallEvents
import XCTest
import TestSupport

final class ByteScanTests: XCTestCase {
    /// Every length up to a few words and every position of the byte looked for, so each path
    /// (whole words, a tail read from the end, the short 4- and 1-byte reads) is met.
    func testFirstSpecialAgreesWithAByteLoop() {
        let specials: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x00, 0x1F, 0x0A]
        for count in 0...40 {
            for position in 0...count {
                for special in specials {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                    if position < count { bytes[position] = special }
                    bytes.withUnsafeBufferPointer { buffer in
                        for start in 0...count {
                            let expected = position >= start && position < count ? position : count
                            XCTAssertEqual(ByteScan.firstSpecial(buffer, from: start, stopOnNonASCII: false), expected,
                                           "count \(count), \(special) at \(position), from \(start)")
                        }
                    }
                }
            }
        }
    }

    func testBytesThatAreNotSpecial() {
        // Just above and below the specials: a borrow must not make them look like one.
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xC3, 0xE9, 0xFF]
        for count in 1...24 {
            for byte in plain {
                let bytes = [UInt8](repeating: byte, count: count)
                bytes.withUnsafeBufferPointer { buffer in
                    let stopAtNonASCII = ByteScan.firstSpecial(buffer, from: 0, stopOnNonASCII: true)
                    XCTAssertEqual(ByteScan.firstSpecial(buffer, from: 0, stopOnNonASCII: false), count, "\(byte) x \(count)")
                    XCTAssertEqual(stopAtNonASCII, byte >= 0x80 ? 0 : count, "\(byte) x \(count)")
                }
            }
        }
    }

    func testSpecialAfterAZeroByteIsStillFoundFirstZero() {
        // A zero byte borrows from the byte above it; the lowest hit must still be the real one.
        let bytes: [UInt8] = [0x61, 0x00, 0x01, 0x22, 0x61, 0x61, 0x61, 0x61, 0x61]
        bytes.withUnsafeBufferPointer { XCTAssertEqual(ByteScan.firstSpecial($0, from: 0, stopOnNonASCII: false), 1) }
    }

    func testRandomBytesAgreeWithAByteLoop() {
        var random = SplitMix64(seed: 0xB17E)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<48, using: &random)).map { _ in
                Bool.random(using: &random) ? UInt8(ascii: "x") : UInt8.random(in: 0...255, using: &random)
            }
            bytes.withUnsafeBufferPointer { buffer in
                let special = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 } ?? bytes.count
                let nonASCII = bytes.firstIndex { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 || $0 >= 0x80 } ?? bytes.count
                XCTAssertEqual(ByteScan.firstSpecial(buffer, from: 0, stopOnNonASCII: false), special, "\(bytes)")
                XCTAssertEqual(ByteScan.firstSpecial(buffer, from: 0, stopOnNonASCII: true), nonASCII, "\(bytes)")
                XCTAssertEqual(ByteScan.isASCII(buffer), bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
                let ampersands = bytes.filter { $0 == UInt8(ascii: "&") }.count
                XCTAssertGreaterThanOrEqual(ByteScan.count(buffer) { ByteScan.equal($0, UInt8(ascii: "&")) }, ampersands)
            }
        }
    }

    func testCountIsExactWithoutNeighbouringHits() {
        let text = Array("a=1&b=2&c=3&d=4&e=5&f=6&g=7".utf8)
        text.withUnsafeBufferPointer { XCTAssertEqual(ByteScan.count($0) { ByteScan.equal($0, UInt8(ascii: "&")) }, 6) }
    }

    func testTailReadsOnlyTheBytesAsked() {
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
        bytes.withUnsafeBytes { raw in
            for count in 1...bytes.count {
                for start in max(0, count - 7)..<count {
                    let (word, valid) = ByteScan.tail(raw.baseAddress!, from: start, count: count)
                    var expected: UInt64 = 0
                    for (k, byte) in bytes[start..<count].enumerated() { expected |= UInt64(byte) << (8 * k) }
                    XCTAssertEqual(word, expected, "\(start)..<\(count)")
                    XCTAssertEqual(valid, UInt64.max >> (64 - 8 * (count - start)))
                }
            }
        }
    }
}
