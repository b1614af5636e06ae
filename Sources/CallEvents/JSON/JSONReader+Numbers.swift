import Glibc   // strtod, for the range check of numbers with an exponent

/// RFC 8259 §6 numbers, kept as their literal text.
extension JSONReader {
    /// §6: `[ minus ] int [ frac ] [ exp ]`; where the literal is (its text is kept as sent).
    mutating func scanNumber() throws(DecodeFailure) -> Range<Int> {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1   // §6: no leading zeros
        } else {
            skipDigits()
        }
        let integerDigits = index - start
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<index])
        // Without an exponent only more than 308 integer digits can exceed Double.greatestFiniteMagnitude.
        if hasExponent || integerDigits > 308, !Self.isFinite(literal) {
            index = start
            throw failure("number out of range")
        }
        return start..<index
    }

    private static func isFinite(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: literal.count + 1) { text in
            for k in 0..<literal.count { text[k] = CChar(bitPattern: literal[k]) }
            text[literal.count] = 0
            return strtod(text.baseAddress!, nil).isFinite
        }
    }

    private mutating func skipDigits() {
        var i = index
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        index = i
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
