/// 64-bit FNV-1a (http://www.isthe.com/chongo/tech/comp/fnv/): a small, fixed, unseeded hash
/// for keys that must come out the same in every process.
///
/// ```swift
/// var hash = FNV1a64()
/// hash.add(raw)        // a JSONValue, walked with type tags and length prefixes
/// hash.hex             // "28e0a11f7c87a64a"
/// ```
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ text: String) {
        addLength(text.utf8.count)
        for b in text.utf8 { add(b) }
    }

    private mutating func addLength(_ n: Int) {
        var n = UInt64(n)
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: n)); n >>= 8 }
    }

    mutating func add(_ json: JSONValue) {
        switch json {
        case .null: add(0)
        case .bool(let b): add(b ? 2 : 1)
        case .number(let n): add(3); add(n)
        case .string(let s): add(4); add(s)
        case .array(let values):
            add(5); addLength(values.count)
            for v in values { add(v) }
        case .object(let members):
            add(6); addLength(members.count)
            for m in members { add(m.key); add(m.value) }
        }
    }

    var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        var v = value
        for i in stride(from: 15, through: 0, by: -1) {
            out[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }
}
