/// A JSON value as received: object members keep their order (and duplicates), numbers keep
/// their literal text so `raw` is written back exactly as sent.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's literal text, already checked to be a finite JSON number.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The first member named `key` (exact match), for objects.
    public subscript(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The object without any member named `key`; any other value as it is.
    public func removingMember(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }
}

/// One `"key": value` pair of a JSON object, with its name's `FieldName` hash: the parser has
/// it anyway, and lookups (`Fields`, `DeclaredLookup`) compare hashes before names.
public struct JSONMember: Sendable, Equatable {
    public private(set) var key: String
    public var value: JSONValue
    /// `FieldName.hash(key)`, kept with the key.
    let nameHash: UInt64

    public init(_ key: String, _ value: JSONValue) {
        self.init(key: key, value: value, nameHash: FieldName.hash(key))
    }

    /// For the parser, which hashed the name as it read it.
    init(key: String, value: JSONValue, nameHash: UInt64) {
        self.key = key
        self.value = value
        self.nameHash = nameHash
    }
}
