/// Header fields in the order received. Names keep their case; lookups ignore it.
/// Values are the bytes as sent, read as UTF-8, or as ISO-8859-1 where not valid UTF-8.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init(_ fields: [(name: String, value: String)] = []) { self.fields = fields }

    public mutating func add(name: String, value: String) { fields.append((name, value)) }

    /// The first value of `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        for field in fields where field.name.utf8.count == name.utf8.count && asciiEqualsIgnoringCase(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { asciiEqualsIgnoringCase($0.name, name) }.map(\.value)
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// ASCII case-insensitive comparison; header names are tokens, so ASCII is enough.
@inlinable
public func asciiEqualsIgnoringCase(_ a: String, _ b: String) -> Bool {
    var ia = a.utf8.makeIterator(), ib = b.utf8.makeIterator()
    while true {
        let ca = ia.next(), cb = ib.next()
        guard let x = ca, let y = cb else { return ca == nil && cb == nil }
        if x == y { continue }
        let lx = (x >= 65 && x <= 90) ? x | 0x20 : x
        let ly = (y >= 65 && y <= 90) ? y | 0x20 : y
        if lx != ly { return false }
    }
}
