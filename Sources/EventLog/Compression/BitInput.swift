/// Bytes pulled from a source a chunk at a time, read as DEFLATE's bit stream: least
/// significant bit first (RFC 1951 §3.1.1). Holds fewer than 8 unread bits between reads, so
/// `alignToByte` drops only the rest of the current byte.
struct BitInput {
    private let refill: () throws -> [UInt8]
    private var chunk: [UInt8] = []
    private var position = 0
    private var bits: UInt32 = 0
    private var bitCount = 0
    private(set) var atEnd = false

    /// `refill` returns the next bytes of the source, empty at its end.
    init(refill: @escaping () throws -> [UInt8]) {
        self.refill = refill
    }

    /// The next byte, nil at the end of the source.
    mutating func byte() throws -> UInt8? {
        if position == chunk.count {
            guard !atEnd else { return nil }
            chunk = try refill()
            position = 0
            if chunk.isEmpty { atEnd = true; return nil }
        }
        defer { position += 1 }
        return chunk[position]
    }

    mutating func requireByte() throws -> UInt8 {
        guard let b = try byte() else { throw InflateError.truncated }
        return b
    }

    /// `count` bits (at most 16), the first read in the lowest bit.
    mutating func bits(_ count: Int) throws -> Int {
        while bitCount < count {
            bits |= UInt32(try requireByte()) << UInt32(bitCount)
            bitCount += 8
        }
        let value = Int(bits & ((1 << UInt32(count)) - 1))
        bits >>= UInt32(count)
        bitCount -= count
        return value
    }

    mutating func bit() throws -> Int {
        if bitCount == 0 {
            bits = UInt32(try requireByte())
            bitCount = 8
        }
        let value = Int(bits & 1)
        bits >>= 1
        bitCount -= 1
        return value
    }

    /// RFC 1951 §3.2.4: a stored block starts at the next byte boundary.
    mutating func alignToByte() {
        bits = 0
        bitCount = 0
    }
}
