/// Where compact JSON text goes: `JSONWriter` (a growable `[UInt8]`) or the line encoder's
/// `ByteBuffer`. The writing itself lives here once, generic, so each kind of output gets its
/// own specialized copy and nothing is dispatched per byte.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.appendString("say \"hi\"")   // "say \"hi\""
/// writer.appendValue(raw)
/// ```
protocol JSONSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    /// `"bytes"`, which need no escaping.
    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Exactly `count` bytes (a few), written by `write`.
    mutating func append(count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void)
}

extension JSONSink where Self: ~Copyable {
    mutating func append(count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { bytes in
            write(bytes.baseAddress!)
            append(UnsafeBufferPointer(bytes))
        }
    }

    mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        append(bytes)
        append(UInt8(ascii: "\""))
    }

    /// Text that is already JSON (punctuation, keys known to need no escaping).
    @inline(__always)
    mutating func appendRaw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `"text"`, escaped.
    @inline(__always)
    mutating func appendString(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ quoted($0) }) == nil {
            var copy = text
            copy.withUTF8 { quoted($0) }
        }
    }

    /// `"text"` or `null`.
    @inline(__always)
    mutating func appendString(_ text: String?) {
        if let text { appendString(text) } else { appendRaw("null") }
    }

    /// A whole number in decimal.
    mutating func appendInteger(_ number: Int) {
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 20 digits and a sign, no heap
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = 0
            repeat {
                buffer[23 - n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            if number < 0 {
                buffer[23 - n] = UInt8(ascii: "-")
                n += 1
            }
            let start = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + (24 - n)
            append(UnsafeBufferPointer(start: start, count: n))
        }
    }

    /// A whole number or `null`.
    mutating func appendInteger(_ number: Int?) {
        if let number { appendInteger(number) } else { appendRaw("null") }
    }

    /// A JSON value as received (numbers as their literal text).
    mutating func appendValue(_ value: JSONValue) {
        switch value {
        case .null:
            appendRaw("null")
        case .bool(let flag):
            if flag { appendRaw("true") } else { appendRaw("false") }
        case .number(let literal):
            if literal.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
                var copy = literal
                copy.withUTF8 { append($0) }
            }
        case .string(let text):
            appendString(text)
        case .array(let elements):
            append(UInt8(ascii: "["))
            // Through a buffer pointer: elements are borrowed, not copied (no retain and release each).
            elements.withUnsafeBufferPointer { elements in
                for i in 0..<elements.count {
                    if i > 0 { append(UInt8(ascii: ",")) }
                    appendValue(elements[i])
                }
            }
            append(UInt8(ascii: "]"))
        case .object(let members):
            append(UInt8(ascii: "{"))
            members.withUnsafeBufferPointer { members in
                for i in 0..<members.count {
                    if i > 0 { append(UInt8(ascii: ",")) }
                    appendString(members[i].key)
                    append(UInt8(ascii: ":"))
                    appendValue(members[i].value)
                }
            }
            append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8259 §7: `"`, `\` and U+0000-U+001F must be escaped; everything else is copied in runs.
    @inline(__always)
    private mutating func quoted(_ text: UnsafeBufferPointer<UInt8>) {
        let first = ByteScan.firstSpecial(text, from: 0, stopOnNonASCII: false)
        if first == text.count {
            appendQuoted(text)
        } else {
            append(UInt8(ascii: "\""))
            escaped(text, from: first)
            append(UInt8(ascii: "\""))
        }
    }

    /// The slow path of `quoted`: `text` holds something to escape at `first`.
    private mutating func escaped(_ text: UnsafeBufferPointer<UInt8>, from first: Int) {
        var runStart = 0
        var i = first
        while i < text.count {
            if runStart < i { append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
            let byte = text[i]
            var escape: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (UInt8(ascii: "\\"), 0, 0, 0, 0, 0)
            let length = withUnsafeMutableBytes(of: &escape) { out -> Int in
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[1] = byte
                case 0x08: out[1] = UInt8(ascii: "b")
                case 0x09: out[1] = UInt8(ascii: "t")
                case 0x0A: out[1] = UInt8(ascii: "n")
                case 0x0C: out[1] = UInt8(ascii: "f")
                case 0x0D: out[1] = UInt8(ascii: "r")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out[1] = UInt8(ascii: "u")
                    out[2] = UInt8(ascii: "0")
                    out[3] = UInt8(ascii: "0")
                    out[4] = hex.utf8Start[Int(byte >> 4)]
                    out[5] = hex.utf8Start[Int(byte & 0x0F)]
                    return 6
                }
                return 2
            }
            withUnsafeBytes(of: &escape) { out in
                append(UnsafeBufferPointer(start: out.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length))
            }
            runStart = i + 1
            i = ByteScan.firstSpecial(text, from: runStart, stopOnNonASCII: false)
        }
        if runStart < text.count { append(UnsafeBufferPointer(rebasing: text[runStart...])) }
    }
}
