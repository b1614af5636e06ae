/// RFC 8259 §7 strings, built straight from byte ranges.
extension JSONReader {
    /// §7: `quotation-mark *char quotation-mark`; control characters must be escaped.
    mutating func readString() throws(DecodeFailure) -> String {
        let string = try scanString()
        return try makeString(string)
    }

    /// A member name, and its `FieldName.hash`: a plain one the vendors document is the shared
    /// string of `KnownNames`, not a new one.
    mutating func readName() throws(DecodeFailure) -> (String, UInt64) {
        if let (range, hash) = scanPlainName() {
            let text = UnsafeBufferPointer(rebasing: bytes[range])
            return (KnownNames.string(text, hash: hash) ?? String(decoding: text, as: UTF8.self), hash)
        }
        let string = try scanString()
        guard string.ascii, !string.escaped else {
            let name = try makeString(string)
            return (name, FieldName.hash(name))
        }
        let text = UnsafeBufferPointer(rebasing: bytes[string.start..<string.end])
        let hash = FieldName.hash(text)
        return (KnownNames.string(text, hash: hash) ?? String(decoding: text, as: UTF8.self), hash)
    }

    /// A name of plain ASCII bytes (no escape, no control byte), scanned and hashed in one
    /// pass over its words: where its text is, and its hash; nil, with nothing read, for any
    /// other name (or an unterminated one).
    @inline(__always)
    mutating func scanPlainName() -> (Range<Int>, UInt64)? {
        let start = index + 1   // after the "
        let count = bytes.count
        guard start < count, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var hasher = FieldName.Hasher()
        var i = start
        while true {
            let word: UInt64
            let valid: UInt64
            if i &+ 8 <= count {
                word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                valid = .max
            } else if i < count {
                (word, valid) = ByteScan.tail(raw, from: i, count: count)
            } else {
                return nil
            }
            let special = ByteScan.specials(word, stopOnNonASCII: true) & valid & ByteScan.highs
            if special == 0 {
                guard valid == .max else { return nil }   // the input ends inside the name
                hasher.add(word)
                i &+= 8
                continue
            }
            let offset = special.trailingZeroBitCount &>> 3
            guard bytes[i &+ offset] == UInt8(ascii: "\"") else { return nil }
            if offset > 0 {
                let kept = UInt64.max &>> UInt64(64 &- 8 &* offset)
                hasher.add(word & kept, valid: kept)
            }
            let end = i &+ offset
            index = end &+ 1
            let hash = hasher.finish(count: end &- start) ?? FieldName.hash(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            return (start..<end, hash)
        }
    }

    /// Where a string's content is and what it holds.
    struct ScannedString {
        var start: Int
        var end: Int
        var ascii: Bool
        var escaped: Bool
    }

    /// Moves past the string at `index`, checking it is terminated and has no raw control byte.
    mutating func scanString() throws(DecodeFailure) -> ScannedString {
        index += 1   // "
        let start = index
        var ascii = true
        var escaped = false
        while true {
            // Plain bytes are skipped a word at a time; past the first non-ASCII byte those no longer stop the scan.
            index = ByteScan.firstSpecial(bytes, from: index, stopOnNonASCII: ascii)
            guard index < bytes.count else {
                index = bytes.count
                throw failure("expected '\"' to end the string")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2   // the escaped byte cannot end the string; checked when unescaping
                continue
            }
            if byte < 0x20 { throw failure("unescaped control character in string") }
            ascii = false   // 0x80 or above
            index += 1
        }
        let end = index
        index += 1   // "
        return ScannedString(start: start, end: end, ascii: ascii, escaped: escaped)
    }

    /// The text of a scanned string: UTF-8, or ISO-8859-1 when it is not valid UTF-8; escapes undone.
    private mutating func makeString(_ string: ScannedString) throws(DecodeFailure) -> String {
        let text = UnsafeBufferPointer(rebasing: bytes[string.start..<string.end])
        let utf8 = string.ascii || TextDecoding.isValidUTF8(text)
        if keepingText, !writesBackAsSent(string, utf8: utf8) { textIsCompact = false }
        if !string.escaped {
            return utf8 ? String(decoding: text, as: UTF8.self) : TextDecoding.latin1(text)
        }
        return try unescape(from: string.start, to: string.end, latin1: !utf8)
    }

    /// Whether the writer spells the string exactly as it was sent: UTF-8, and only escapes it uses.
    func writesBackAsSent(_ string: ScannedString, utf8: Bool) -> Bool {
        utf8 && (!string.escaped || hasOnlyShortEscapes(UnsafeBufferPointer(rebasing: bytes[string.start..<string.end])))
    }

    /// Whether every escape in `text` is one the writer uses for its character (`\"`, `\\`,
    /// `\b`, `\f`, `\n`, `\r`, `\t`): `\/` and `\u` escapes are written back otherwise.
    private func hasOnlyShortEscapes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < text.count {
            if text[i] == UInt8(ascii: "\\") {
                guard i + 1 < text.count else { return false }
                switch text[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                    continue
                default:
                    return false
                }
            }
            i += 1
        }
        return true
    }

    /// Builds the string of `bytes[start..<end]`, which holds escapes. In `latin1` mode each raw
    /// byte is a code point of its own (the string is not valid UTF-8).
    private func unescape(from start: Int, to end: Int, latin1: Bool) throws(DecodeFailure) -> String {
        var failed: DecodeFailure?
        // Escapes only shrink (`\n` -> 1 byte, `\uFFFF` -> 3, a pair of 12 -> 4); Latin-1 at most doubles.
        let capacity = latin1 ? (end - start) * 2 : end - start
        let text = String(unsafeUninitializedCapacity: capacity) { out in
            var n = 0
            var i = start
            while i < end {
                let byte = bytes[i]
                if byte != UInt8(ascii: "\\") {
                    if latin1, byte >= 0x80 {
                        out[n] = 0xC0 | (byte >> 6)
                        out[n + 1] = 0x80 | (byte & 0x3F)
                        n += 2
                    } else {
                        out[n] = byte
                        n += 1
                    }
                    i += 1
                    continue
                }
                do throws(DecodeFailure) {
                    let scalar = try unescapeOne(at: &i)
                    n += Self.writeUTF8(scalar, into: out, at: n)
                } catch {
                    failed = error
                    return 0
                }
            }
            return n
        }
        if let failed { throw failed }
        return text
    }

    /// §7: one escape at `bytes[i]` (a backslash); moves `i` past it.
    private func unescapeOne(at i: inout Int) throws(DecodeFailure) -> UInt32 {
        let escape = bytes[i + 1]
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
            i += 2
            return UInt32(escape)
        case UInt8(ascii: "b"): i += 2; return 0x08
        case UInt8(ascii: "f"): i += 2; return 0x0C
        case UInt8(ascii: "n"): i += 2; return 0x0A
        case UInt8(ascii: "r"): i += 2; return 0x0D
        case UInt8(ascii: "t"): i += 2; return 0x09
        case UInt8(ascii: "u"):
            let unit = try hex4(at: i + 2)
            switch unit {
            case 0xD800...0xDBFF:
                // §7: a character outside the BMP is a surrogate pair; half a pair is not a character.
                guard i + 11 < bytes.count, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
                      case let low = try hex4(at: i + 8), (0xDC00...0xDFFF).contains(low) else {
                    throw failure("lone surrogate escape", at: i)
                }
                i += 12
                return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw failure("lone surrogate escape", at: i)
            default:
                i += 6
                return unit
            }
        default:
            throw failure("invalid escape", at: i)
        }
    }

    private func hex4(at position: Int) throws(DecodeFailure) -> UInt32 {
        var value: UInt32 = 0
        for k in position..<position + 4 {
            guard k < bytes.count else { throw failure("expected four hex digits after '\\u'", at: k) }
            let byte = bytes[k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("expected four hex digits after '\\u'", at: k)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Writes a scalar (never a surrogate) as UTF-8; returns the byte count.
    private static func writeUTF8(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at n: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            out[n] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[n] = UInt8(0xC0 | scalar >> 6)
            out[n + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[n] = UInt8(0xE0 | scalar >> 12)
            out[n + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[n + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[n] = UInt8(0xF0 | scalar >> 18)
            out[n + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[n + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[n + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
