/// CRC-32 as gzip uses it (RFC 1952 §8: ISO 3309, polynomial 0xEDB88320 reflected), to check a
/// member's trailer.
///
/// ```swift
/// var crc = CRC32(); crc.update(bytes); print(crc.value)   // "123456789" → 0xCBF43926
/// ```
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        var c = ~value
        Self.table.withUnsafeBufferPointer { t in
            for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        }
        value = ~c
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { update($0) } }
}
