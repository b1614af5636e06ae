import Glibc

/// Reads a gzip file (RFC 1952) as a stream of its inflated bytes, member after member (as
/// `gzip -d` does with concatenated files), checking each member's CRC-32 and size. Memory
/// stays flat in the file's size: one read buffer and the inflater's window.
///
/// ```swift
/// try GzipReader.forEachPiece(fd: fd) { piece in lines.feed(piece) }
/// ```
public enum GzipReader {
    /// True when `bytes` start as a gzip member does (ID1 ID2, RFC 1952 §2.3.1).
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }

    /// Inflates `prefix` (bytes already read from `fd`, such as the two that told it is gzip)
    /// and the rest of `fd`; `emit` gets the output in order.
    public static func forEachPiece(fd: Int32, prefix: [UInt8] = [], _ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        var pending = prefix
        var input = BitInput {
            if !pending.isEmpty { defer { pending = [] }; return pending }
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return [] }
                return Array(buffer[0..<n])
            }
        }
        try forEachPiece(&input, emit)
    }

    /// Inflates a gzip file held in memory (tests, small inputs).
    public static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var given = false
        var input = BitInput { defer { given = true }; return given ? [] : bytes }
        var out: [UInt8] = []
        try forEachPiece(&input) { out.append(contentsOf: $0) }
        return out
    }

    static func forEachPiece(_ input: inout BitInput, _ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        var members = 0
        while let id1 = try input.byte() {
            try member(first: id1, &input, emit)
            members += 1
        }
        if members == 0 { throw InflateError.truncated }
    }

    /// RFC 1952 §2.3: header, DEFLATE data, CRC32 and ISIZE.
    private static func member(first id1: UInt8, _ input: inout BitInput,
                               _ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        let id2 = try input.requireByte(), method = try input.requireByte()
        guard id1 == 0x1F, id2 == 0x8B, method == 8 else { throw InflateError.notGzip }
        let flags = try input.requireByte()
        for _ in 0..<6 { _ = try input.requireByte() }   // MTIME, XFL, OS
        if flags & 0x04 != 0 {   // FEXTRA
            let length = Int(try input.requireByte()) | Int(try input.requireByte()) << 8
            for _ in 0..<length { _ = try input.requireByte() }
        }
        if flags & 0x08 != 0 { while try input.requireByte() != 0 {} }   // FNAME
        if flags & 0x10 != 0 { while try input.requireByte() != 0 {} }   // FCOMMENT
        if flags & 0x02 != 0 { _ = try input.requireByte(); _ = try input.requireByte() }   // FHCRC
        var crc = CRC32()
        var size: UInt32 = 0
        var inflater = Inflater()
        try inflater.inflate(&input) { piece in
            piece.withUnsafeBufferPointer { crc.update($0) }
            size = size &+ UInt32(truncatingIfNeeded: piece.count)
            try emit(piece)
        }
        input.alignToByte()
        var trailer: [UInt32] = [0, 0]
        for word in 0..<2 {
            for shift in stride(from: 0, to: 32, by: 8) { trailer[word] |= UInt32(try input.requireByte()) << UInt32(shift) }
        }
        guard trailer[0] == crc.value, trailer[1] == size else { throw InflateError.trailerMismatch }
    }
}
