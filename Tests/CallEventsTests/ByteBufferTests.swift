@testable import CallEvents
import XCTest

final class ByteBufferTests: XCTestCase {
    func testWritesPastItsScratchIntoTheHeap() {
        let expected = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { scratch in
            var out = ByteBuffer(scratch)
            var k = 0
            while k < expected.count {
                let n = min(k % 37 + 1, expected.count - k)
                if n == 1 {
                    out.append(expected[k])
                } else {
                    expected[k..<(k + n)].withUnsafeBufferPointer { out.append($0) }
                }
                k += n
            }
            XCTAssertEqual(out.count, expected.count)
            return out.array
        }
        XCTAssertEqual(written, expected)
    }

    func testArrayHoldsExactlyTheBytesWritten() {
        let array = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            var out = ByteBuffer(scratch)
            Array("abc".utf8).withUnsafeBufferPointer { out.appendQuoted($0) }
            return out.array
        }
        XCTAssertEqual(array, Array(#""abc""#.utf8))
        XCTAssertEqual(array.count, 5)
    }

    func testWithoutScratchMemory() {
        let array = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 0) { scratch in
            var out = ByteBuffer(scratch)
            out.appendString("x\"y")
            out.appendInteger(-12)
            return out.array
        }
        XCTAssertEqual(String(decoding: array, as: UTF8.self), #""x\"y"-12"#)
    }

    func testQuotedTextThatDoesNotFit() {
        let text = String(repeating: "z", count: 100)
        let array = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { scratch in
            var out = ByteBuffer(scratch)
            out.appendString(text)
            return out.array
        }
        XCTAssertEqual(String(decoding: array, as: UTF8.self), "\"\(text)\"")
    }
}
