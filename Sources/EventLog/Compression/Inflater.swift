/// DEFLATE (RFC 1951) decoding of one stream, pulled from a `BitInput` and handed out in pieces
/// as it is produced: memory is the 32 KiB window plus one flush's worth, whatever the size.
///
/// ```swift
/// var input = BitInput { try file.next() }
/// try Inflater().inflate(&input) { piece in consume(piece) }
/// ```
struct Inflater {
    static let window = 32 << 10
    private static let flushAt = 96 << 10

    // RFC 1951 §3.2.5: base values and extra bits of length codes 257... and distance codes.
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
                                       8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
                                        7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    // RFC 1951 §3.2.7: the order code length code lengths are sent in.
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    // RFC 1951 §3.2.6: the fixed codes.
    private static let fixed: (Huffman, Huffman) = {
        var lengths = [Int](repeating: 8, count: 288)
        for i in 144..<256 { lengths[i] = 9 }
        for i in 256..<280 { lengths[i] = 7 }
        return (try! Huffman(lengths: lengths), try! Huffman(lengths: [Int](repeating: 5, count: 30)))
    }()

    private var output: [UInt8] = []
    /// Bytes before `output` already handed out: what tells a distance that reaches too far.
    private var flushed = 0

    init() {
        output.reserveCapacity(Self.flushAt + 258)
    }

    /// Inflates one stream to its final block; `emit` gets the output in order.
    mutating func inflate(_ input: inout BitInput, emit: (ArraySlice<UInt8>) throws -> Void) throws {
        var last = false
        while !last {
            last = try input.bits(1) == 1
            switch try input.bits(2) {
            case 0: try stored(&input, emit)
            case 1: try codes(&input, Self.fixed.0, Self.fixed.1, emit)
            case 2:
                let (literals, distances) = try dynamicCodes(&input)
                try codes(&input, literals, distances, emit)
            default: throw InflateError.reservedBlockType
            }
        }
        try emit(output[...])
        flushed += output.count
        output.removeAll(keepingCapacity: true)
    }

    /// RFC 1951 §3.2.4.
    private mutating func stored(_ input: inout BitInput, _ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        input.alignToByte()
        let len = Int(try input.requireByte()) | Int(try input.requireByte()) << 8
        let nlen = Int(try input.requireByte()) | Int(try input.requireByte()) << 8
        guard len == ~nlen & 0xFFFF else { throw InflateError.storedLengthMismatch }
        for _ in 0..<len {
            output.append(try input.requireByte())
            if output.count >= Self.flushAt { try flush(emit) }
        }
    }

    /// RFC 1951 §3.2.7.
    private func dynamicCodes(_ input: inout BitInput) throws -> (Huffman, Huffman) {
        let hlit = try input.bits(5) + 257
        let hdist = try input.bits(5) + 1
        let hclen = try input.bits(4) + 4
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for i in 0..<hclen { codeLengthLengths[Self.codeLengthOrder[i]] = try input.bits(3) }
        let codeLengths = try Huffman(lengths: codeLengthLengths)
        var lengths: [Int] = []
        lengths.reserveCapacity(hlit + hdist)
        while lengths.count < hlit + hdist {
            let symbol = try codeLengths.decode(&input)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw InflateError.badCode }
                lengths += [Int](repeating: previous, count: 3 + (try input.bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try input.bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try input.bits(7)))
            }
        }
        guard lengths.count == hlit + hdist, lengths[256] != 0 else { throw InflateError.badCode }
        return (try Huffman(lengths: Array(lengths[0..<hlit])), try Huffman(lengths: Array(lengths[hlit...])))
    }

    /// RFC 1951 §3.2.5: literals, and lengths with distances, to the end-of-block code.
    private mutating func codes(_ input: inout BitInput, _ literals: Huffman, _ distances: Huffman,
                                _ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        while true {
            let symbol = try literals.decode(&input)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let l = symbol - 257
                guard l < 29 else { throw InflateError.badCode }
                let length = Self.lengthBase[l] + (try input.bits(Self.lengthExtra[l]))
                let d = try distances.decode(&input)
                guard d < 30 else { throw InflateError.badCode }
                let distance = Self.distanceBase[d] + (try input.bits(Self.distanceExtra[d]))
                guard distance <= output.count else { throw InflateError.distanceTooFar }
                // Byte by byte: a copy may overlap what it is writing (RFC 1951 §3.2.3).
                var from = output.count - distance
                for _ in 0..<length { output.append(output[from]); from += 1 }
            }
            if output.count >= Self.flushAt { try flush(emit) }
        }
    }

    /// Hands out all but the last window, which later distances may still reach.
    private mutating func flush(_ emit: (ArraySlice<UInt8>) throws -> Void) throws {
        let keep = Self.window
        let out = output.count - keep
        try emit(output[0..<out])
        flushed += out
        output.removeFirst(out)
    }
}
