/// Percent-decoding of URL parts (RFC 3986 §2.1) as the WHATWG URL standard does it: an
/// invalid `%` sequence is kept as is rather than refused.
enum PercentDecoding {
    /// The decoded bytes; with `plusIsSpace` (form fields, the WHATWG
    /// `application/x-www-form-urlencoded` parser), `+` is a space.
    static func decode(_ bytes: some Collection<UInt8>, plusIsSpace: Bool) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                if first != bytes.endIndex, let high = hexValue(bytes[first]) {
                    let second = bytes.index(after: first)
                    if second != bytes.endIndex, let low = hexValue(bytes[second]) {
                        result.append(high << 4 | low)
                        index = bytes.index(after: second)
                        continue
                    }
                }
                result.append(byte)
            } else {
                result.append(plusIsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
            }
            index = bytes.index(after: index)
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
