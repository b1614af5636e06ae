/// Gathers name/value pairs of a form, a query or multipart fields into one object
/// (call-event.md, "Raw"): a name seen once maps to a string, a repeated name to an array of its
/// values in order, at the place of its first occurrence.
///
/// ```swift
/// var fields = FieldCollector()
/// fields.add("a", "1"); fields.add("b", "2"); fields.add("a", "3")
/// fields.object   // {"a": ["1", "3"], "b": "2"}
/// ```
struct FieldCollector {
    /// A field name and its `FieldName.hash`.
    struct Name {
        var text: String
        var hash: UInt64
        /// Two ASCII names with different hashes differ; any other pair is compared as strings
        /// (canonical equivalence), as `==` does.
        var ascii: Bool
    }

    private struct Field {
        var name: Name
        var first: String
        /// Values after the first; empty (no allocation) for the usual name seen once.
        var more: [String] = []
    }

    private var fields: [Field] = []
    /// Built once there are enough names that a linear search stops being cheaper.
    private var positions: [String: Int]?

    private static let linearLimit = 32

    init(capacity: Int = 0) {
        fields.reserveCapacity(capacity)
    }

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ name: String, _ value: String) {
        let ascii = ASCII.withUTF8(of: name) { ByteScan.isASCII($0) }
        add(Name(text: name, hash: FieldName.hash(name), ascii: ascii), value)
    }

    mutating func add(_ name: Name, _ value: String) {
        if let position = position(of: name) {
            fields[position].more.append(value)
            return
        }
        fields.append(Field(name: name, first: value))
        if positions != nil {
            positions![name.text] = fields.count - 1
        } else if fields.count > Self.linearLimit {
            var positions = [String: Int](minimumCapacity: fields.count * 2)
            for (k, field) in fields.enumerated() { positions[field.name.text] = k }
            self.positions = positions
        }
    }

    private func position(of name: Name) -> Int? {
        if let positions { return positions[name.text] }
        return fields.withUnsafeBufferPointer { fields in
            for k in 0..<fields.count {
                let other = fields[k].name
                if name.ascii, other.ascii, name.hash != other.hash { continue }
                if other.text == name.text { return k }
            }
            return nil
        }
    }

    var object: JSONValue {
        var members: [JSONMember] = []
        members.reserveCapacity(fields.count)
        for field in fields {
            if field.more.isEmpty {
                members.append(JSONMember(field.name.text, .string(field.first)))
            } else {
                var values: [JSONValue] = [.string(field.first)]
                values.reserveCapacity(field.more.count + 1)
                for value in field.more { values.append(.string(value)) }
                members.append(JSONMember(field.name.text, .array(values)))
            }
        }
        return .object(members)
    }

    /// `FieldName.hash` of each member name of `object`, in order.
    var nameHashes: [UInt64] {
        fields.map { $0.name.hash }
    }
}
