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
    private struct Field {
        var name: String
        var first: String
        /// Values after the first; empty (no allocation) for the usual name seen once.
        var more: [String] = []
    }

    private var fields: [Field] = []
    /// Built once there are enough names that a linear search stops being cheaper.
    private var positions: [String: Int]?

    private static let linearLimit = 32

    var isEmpty: Bool { fields.isEmpty }

    mutating func add(_ name: String, _ value: String) {
        if let position = position(of: name) {
            fields[position].more.append(value)
            return
        }
        fields.append(Field(name: name, first: value))
        if positions != nil {
            positions![name] = fields.count - 1
        } else if fields.count > Self.linearLimit {
            var positions = [String: Int](minimumCapacity: fields.count * 2)
            for (k, field) in fields.enumerated() { positions[field.name] = k }
            self.positions = positions
        }
    }

    private func position(of name: String) -> Int? {
        if let positions { return positions[name] }
        return fields.firstIndex { $0.name == name }
    }

    var object: JSONValue {
        var members: [JSONMember] = []
        members.reserveCapacity(fields.count)
        for field in fields {
            if field.more.isEmpty {
                members.append(JSONMember(field.name, .string(field.first)))
            } else {
                var values: [JSONValue] = [.string(field.first)]
                values.reserveCapacity(field.more.count + 1)
                for value in field.more { values.append(.string(value)) }
                members.append(JSONMember(field.name, .array(values)))
            }
        }
        return .object(members)
    }
}
