@testable import EventLog
import Foundation
import XCTest

/// Files made by the real `gzip` and by Python's zlib (which can be told the block type), read
/// back with our inflater.
final class GzipReaderTests: XCTestCase {
    /// Log-like text long enough for several blocks, with repeats for back-references.
    private let sample: [UInt8] = {
        var text = ""
        var seed: UInt64 = 42
        for i in 0..<6000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            text += #"{"id":"\#(i)","vendor":"voipnow","call_id":"\#(seed >> 40)","type":"call.ringing"}"# + "\n"
        }
        return Array(text.utf8)
    }()

    private func run(_ program: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8]? {
        let paths = ["/usr/bin/\(program)", "/bin/\(program)", "/usr/local/bin/\(program)",
                     NSHomeDirectory() + "/.pyenv/shims/\(program)"]
        guard let path = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Write from another thread: the child's output pipe may fill before it reads all input.
        let data = Data(input)
        let writer = Thread { stdin.fileHandleForWriting.write(data); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return Array(out)
    }

    /// RFC 1951 §3.2.3: BTYPE of the first block, right after a 10-byte header with no flags.
    private func firstBlockType(_ gz: [UInt8]) -> Int { Int(gz[10] >> 1) & 3 }

    private func python(level: Int, strategy: String) throws -> [UInt8]? {
        let script = "import sys, zlib; c = zlib.compressobj(\(level), zlib.DEFLATED, 31, 9, zlib.\(strategy)); "
            + "d = sys.stdin.buffer.read(); sys.stdout.buffer.write(c.compress(d) + c.flush())"
        return try run("python3", ["-c", script], input: sample)
    }

    func testRealGzip() throws {
        guard let gz = try run("gzip", ["-c", "-9"], input: sample) else { throw XCTSkip("gzip is not installed") }
        XCTAssertEqual(try GzipReader.inflate(gz), sample)
    }

    func testRealGzipWithFileNameAndConcatenatedMembers() throws {
        let dir = NSTemporaryDirectory() + "gz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/events.jsonl"
        try Data(sample).write(to: URL(fileURLWithPath: file))
        // `gzip -k` keeps the name in the header (FNAME).
        guard try run("gzip", ["-k", "-f", file], input: []) != nil else { throw XCTSkip("gzip is not installed") }
        let named = try Array(Data(contentsOf: URL(fileURLWithPath: file + ".gz")))
        XCTAssertEqual(named[3] & 0x08, 0x08, "FNAME set")
        XCTAssertEqual(try GzipReader.inflate(named + named), sample + sample)
    }

    func testStoredFixedAndDynamicBlocksFromZlib() throws {
        for (level, strategy, type) in [(0, "Z_DEFAULT_STRATEGY", 0), (6, "Z_FIXED", 1), (6, "Z_DEFAULT_STRATEGY", 2)] {
            guard let gz = try python(level: level, strategy: strategy) else { throw XCTSkip("python3 is not installed") }
            XCTAssertEqual(firstBlockType(gz), type, "zlib made the block type asked for")
            XCTAssertEqual(try GzipReader.inflate(gz), sample, "block type \(type)")
        }
    }

    func testStreamingHandsOutPiecesOfBoundedSize() throws {
        guard let gz = try run("gzip", ["-c"], input: sample) else { throw XCTSkip("gzip is not installed") }
        var given = false
        var input = BitInput { defer { given = true }; return given ? [] : gz }
        var largest = 0, total = 0
        try GzipReader.forEachPiece(&input) { largest = max(largest, $0.count); total += $0.count }
        XCTAssertEqual(total, sample.count)
        XCTAssertLessThan(largest, 100 << 10)
    }

    func testDamageIsAnError() throws {
        guard let gz = try run("gzip", ["-c"], input: sample) else { throw XCTSkip("gzip is not installed") }
        XCTAssertThrowsError(try GzipReader.inflate(Array(gz.dropLast(20)))) { XCTAssertEqual($0 as? InflateError, .truncated) }
        var crc = gz
        crc[crc.count - 6] ^= 0xFF
        XCTAssertThrowsError(try GzipReader.inflate(crc)) { XCTAssertEqual($0 as? InflateError, .trailerMismatch) }
        XCTAssertThrowsError(try GzipReader.inflate(Array("plain text".utf8))) { XCTAssertEqual($0 as? InflateError, .notGzip) }
    }

    // RFC 1951 §3.2.3: block type 3 is reserved. Header, then bits BFINAL=1 BTYPE=11.
    func testReservedBlockType() {
        let gz: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0b0000_0111]
        XCTAssertThrowsError(try GzipReader.inflate(gz)) { XCTAssertEqual($0 as? InflateError, .reservedBlockType) }
    }

    // RFC 1951 §3.2.4: NLEN must be LEN's complement.
    func testStoredBlockLengthCheck() {
        let gz: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0b0000_0001, 2, 0, 0xFC, 0xFF, 65, 66]
        XCTAssertThrowsError(try GzipReader.inflate(gz)) { XCTAssertEqual($0 as? InflateError, .storedLengthMismatch) }
    }

    func testCRC32CheckValue() {
        var crc = CRC32()
        crc.update(Array("123456789".utf8))
        XCTAssertEqual(crc.value, 0xCBF4_3926)
    }
}
