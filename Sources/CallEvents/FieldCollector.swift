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
        /// `FieldName.hash` of an ASCII name, compared before the names themselves; nil for
        /// other names, which are only compared as strings (canonical equivalence).
        var hash: UInt64?
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
        let hash = ASCII.withUTF8(of: name) { ByteScan.isASCII($0) ? FieldName.hash($0) : nil }
        if let position = position(of: name, hash: hash) {
            fields[position].more.append(value)
            return
        }
        fields.append(Field(name: name, hash: hash, first: value))
        if positions != nil {
            positions![name] = fields.count - 1
        } else if fields.count > Self.linearLimit {
            var positions = [String: Int](minimumCapacity: fields.count * 2)
            for (k, field) in fields.enumerated() { positions[field.name] = k }
            self.positions = positions
        }
    }

    private func position(of name: String, hash: UInt64?) -> Int? {
        if let positions { return positions[name] }
        return fields.withUnsafeBufferPointer { fields in
            for k in 0..<fields.count {
                // Two ASCII names with different hashes differ; any other pair is compared as strings.
                if let hash, let other = fields[k].hash, hash != other { continue }
                if fields[k].name == name { return k }
            }
            return nil
        }
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
