/// A compiled path into a payload (Documentation.docc/Vendors.md, "A definition"): dotted segments,
/// pre-split and pre-hashed at compile time; a segment of digits also indexes an array; `a\.b` is
/// one key.
///
/// ```swift
/// let path = try DeclaredPath.parse("body.parties.0.status.code")
/// lookup.value(path)   // the member, or nil (DeclaredLookup)
/// ```
///
/// Names match as `Fields` matches them (ASCII case folded, spaces ignored, `FieldName.hash`
/// first), in JSON as in form payloads: one rule for every vendor.
///
/// A class, so that the sources holding a definition's paths retain one reference a copy, not
/// the three arrays and the string of its fields: a delivery reads some twenty paths.
final class DeclaredPath: Sendable, Equatable {
    /// Plain values only, so walking a path retains nothing: its name is a range of `names`.
    struct Segment: Sendable, Equatable {
        var hash: UInt64
        /// Where the name is in `names`.
        var range: Range<Int>
        /// The array index, when the segment is all digits.
        var index: Int?
    }

    let segments: [Segment]
    /// Every segment's name, lowercase and without spaces (what `FieldName.matches` wants), one after another.
    let names: [UInt8]
    /// The text as written in the definition.
    let text: String

    private init(segments: [Segment], names: [UInt8], text: String) {
        self.segments = segments
        self.names = names
        self.text = text
    }

    static func == (a: DeclaredPath, b: DeclaredPath) -> Bool {
        a.segments == b.segments && a.names == b.names && a.text == b.text
    }

    static func parse(_ text: String) -> DeclaredPath? {
        var segments: [Segment] = []
        var names: [UInt8] = []
        var current: [UInt8] = []
        var escaped = false
        func close() -> Bool {
            guard !current.isEmpty else { return false }
            let name = current.compactMap { $0 == 0x20 ? nil : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }
            guard !name.isEmpty else { return false }
            let hash = name.withUnsafeBufferPointer { FieldName.hash($0) }
            let index = name.count <= 9 && name.allSatisfy(ASCII.isDigit) ? Int(String(decoding: name, as: UTF8.self)) : nil
            segments.append(Segment(hash: hash, range: names.count..<(names.count + name.count), index: index))
            names += name
            current = []
            return true
        }
        for byte in text.utf8 {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: ".") {
                guard close() else { return nil }
            } else {
                current.append(byte)
            }
        }
        guard !escaped, close() else { return nil }
        return DeclaredPath(segments: segments, names: names, text: text)
    }
}
