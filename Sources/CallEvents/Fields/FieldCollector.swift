/// Gathers name/value pairs of a form, a query or multipart fields into one object
/// (Documentation.docc/EventSchema.md, "Raw"): a name seen once maps to a string, a repeated name
/// to an array of its values in order, at the place of its first occurrence.
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
        var ascii: Bool
    }

    /// The object's members as they are gathered: no second pass builds them.
    private(set) var members: [JSONMember] = []
    /// Two ASCII names with different hashes differ; once a name is not ASCII, names are only
    /// compared as strings (canonical equivalence), as `==` does.
    private var allASCII = true
    /// Built once there are enough names that a linear search stops being cheaper.
    private var positions: [String: Int]?

    private static let linearLimit = 32

    init(capacity: Int = 0) {
        members.reserveCapacity(capacity)
    }

    var isEmpty: Bool { members.isEmpty }

    var object: JSONValue { .object(members) }

    mutating func add(_ name: String, _ value: String) {
        let ascii = ASCII.withUTF8(of: name) { ByteScan.isASCII($0) }
        add(Name(text: name, hash: FieldName.hash(name), ascii: ascii), value)
    }

    mutating func add(_ name: Name, _ value: String) {
        allASCII = allASCII && name.ascii
        if let position = position(of: name) {
            // A repeated name: its values become an array, in order.
            let earlier = members[position].value
            members[position].value = .null   // `values` below is then the only reference: appending does not copy
            switch earlier {
            case .array(var values):
                values.append(.string(value))
                members[position].value = .array(values)
            default:
                members[position].value = .array([earlier, .string(value)])
            }
            return
        }
        members.append(JSONMember(key: name.text, value: .string(value), nameHash: name.hash))
        if positions != nil {
            positions![name.text] = members.count - 1
        } else if members.count > Self.linearLimit {
            var positions = [String: Int](minimumCapacity: members.count * 2)
            for (k, member) in members.enumerated() where positions[member.key] == nil { positions[member.key] = k }
            self.positions = positions
        }
    }

    private func position(of name: Name) -> Int? {
        if let positions { return positions[name.text] }
        return members.withUnsafeBufferPointer { members in
            for k in 0..<members.count {
                if allASCII, members[k].nameHash != name.hash { continue }
                if members[k].key == name.text { return k }
            }
            return nil
        }
    }
}
