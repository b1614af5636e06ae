/// A canonical Huffman code (RFC 1951 §3.2.2) built from code lengths, decoded a bit at a time
/// by counting codes per length: small tables, no lookup arrays to size.
struct Huffman {
    private var counts = [Int](repeating: 0, count: 16)
    private var symbols: [Int]

    /// Throws `badCode` when the lengths over-subscribe the code space.
    init(lengths: [Int]) throws {
        for length in lengths { counts[length] += 1 }
        counts[0] = 0
        var left = 1
        for length in 1..<16 {
            left = (left << 1) - counts[length]
            if left < 0 { throw InflateError.badCode }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length != 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
    }

    func decode(_ input: inout BitInput) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try input.bit()
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw InflateError.badCode
    }
}
