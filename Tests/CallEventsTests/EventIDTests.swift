import Dispatch
import System
import XCTest
@testable import CallEvents
import TestSupport

final class EventIDTests: XCTestCase {
    private let now = Timestamp(milliseconds: 1_700_000_000_123)

    func testFormatIsLowercaseUUIDv7() {
        // RFC 9562 §5.7: 8-4-4-4-12 hex, version nibble 7, variant bits 10.
        let id = EventID.make(now: now)
        let bytes = Array(id.utf8)
        XCTAssertEqual(bytes.count, 36)
        for (k, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(k) {
                XCTAssertEqual(byte, UInt8(ascii: "-"), id)
            } else {
                XCTAssertTrue(Array("0123456789abcdef".utf8).contains(byte), id)
            }
        }
        XCTAssertEqual(bytes[14], UInt8(ascii: "7"), id)
        XCTAssertTrue(Array("89ab".utf8).contains(bytes[19]), id)
    }

    private func milliseconds(of id: String) -> UInt64? {
        UInt64(String(id.prefix(8)) + String(id.dropFirst(9).prefix(4)), radix: 16)
    }

    func testTimestampIsTheFirst48Bits() {
        // The process-wide sequence may already be past this time (other tests), never before it.
        let id = EventID.make(now: now)
        XCTAssertGreaterThanOrEqual(milliseconds(of: id) ?? 0, UInt64(now.milliseconds))
        var sequence = EventID.Sequence()
        var random = SplitMix64(seed: 0)
        XCTAssertEqual(sequence.advance(to: 0xFFFF_FFFF_FFFF, using: &random).0, 0xFFFF_FFFF_FFFF)
        XCTAssertEqual(sequence.advance(to: 0x1_0000_0000_0000, using: &random).0, 0xFFFF_FFFF_FFFF)
    }

    func testFormatOfKnownFields() {
        XCTAssertEqual(EventID.format(milliseconds: 0x0189_ABCD_EF01, counter: 0xABC, random: .max),
                       "0189abcd-ef01-7abc-bfff-ffffffffffff")
        XCTAssertEqual(EventID.format(milliseconds: 0, counter: 0, random: 0), "00000000-0000-7000-8000-000000000000")
    }

    func testSequenceStartsEachMillisecondWithHeadroom() {
        var sequence = EventID.Sequence()
        var random = SplitMix64(seed: 1)
        for ms in Int64(1)...1000 {
            let (got, counter) = sequence.advance(to: ms, using: &random)
            XCTAssertEqual(got, ms)
            XCTAssertLessThan(counter, 0x800)
        }
    }

    func testSequenceIsStrictlyIncreasingWithinAMillisecondAndWhenTheClockStepsBack() {
        var sequence = EventID.Sequence()
        var random = SplitMix64(seed: 2)
        var previous = sequence.advance(to: 1_000, using: &random)
        for ms: Int64 in [1_000, 1_000, 999, 0, -5, 1_000, 1_001, 1_001] {
            let next = sequence.advance(to: ms, using: &random)
            XCTAssertTrue(next.0 > previous.0 || next.0 == previous.0 && next.1 > previous.1, "\(previous) -> \(next)")
            previous = next
        }
    }

    func testCounterOverflowBorrowsTheNextMillisecond() {
        var sequence = EventID.Sequence()
        var random = SplitMix64(seed: 3)
        _ = sequence.advance(to: 500, using: &random)
        var last = (Int64(0), UInt16(0))
        for _ in 0..<0x1000 { last = sequence.advance(to: 500, using: &random) }
        XCTAssertEqual(last.0, 501)
        XCTAssertLessThan(last.1, 0x800)
    }

    func testIDsAreStrictlyIncreasing() {
        let base = Timestamp(milliseconds: 1_700_000_000_123)
        var previous = EventID.make(now: base)
        for k in 0..<10_000 {
            let id = EventID.make(now: Timestamp(milliseconds: base.milliseconds + Int64(k / 3)))
            XCTAssertLessThan(previous, id)
            previous = id
        }
    }

    func testUniqueOverAHundredThousand() {
        var seen = Set<String>()
        let start = Timestamp(milliseconds: 1_800_000_000_000)
        for k in 0..<100_000 {
            seen.insert(EventID.make(now: Timestamp(milliseconds: start.milliseconds + Int64(k / 50))))
        }
        XCTAssertEqual(seen.count, 100_000)
    }

    func testUniqueAcrossThreads() {
        let ids = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            var local: [String] = []
            for _ in 0..<5_000 { local.append(EventID.make(now: Timestamp(milliseconds: 1_700_000_000_000))) }
            ids.withLock { $0.append(contentsOf: local) }
        }
        XCTAssertEqual(Set(ids.withLock { $0 }).count, 20_000)
    }

    func testRandomPoolRefillsWithFreshBits() {
        var pool = EventID.RandomPool()
        let draws = (0..<100).map { _ in pool.next() }   // past three refills of 32
        XCTAssertEqual(Set(draws).count, draws.count)
        XCTAssertFalse(draws.contains(0))
    }

    /// The 62 random bits are what keep two instances' ids apart: they must differ id to id
    /// (and the counter must not start at 0 every millisecond), whatever the build.
    func testIDsCarryRandomBitsNotZeros() {
        let now = Timestamp(milliseconds: 1_700_000_000_000)
        let ids = (0..<64).map { i in EventID.make(now: Timestamp(milliseconds: now.milliseconds + Int64(i) * 10)) }
        let randomParts = ids.map { $0.suffix(12) }   // the last 48 of the 62 random bits
        XCTAssertEqual(Set(randomParts).count, ids.count, "random bits repeat: \(ids.prefix(3))")
        XCTAssertFalse(randomParts.contains("000000000000"))
        let counterStarts = ids.map { $0.dropFirst(15).prefix(3) }   // rand_a: a new millisecond each time
        XCTAssertGreaterThan(Set(counterStarts).count, 1, "the counter starts at the same value every millisecond")
    }
}
