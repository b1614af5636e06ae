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
    private var names: [String] = []
    private var values: [[String]] = []
    /// Built once there are enough names that a linear search stops being cheaper.
    private var positions: [String: Int]?

    private static let linearLimit = 16

    var isEmpty: Bool { names.isEmpty }

    mutating func add(_ name: String, _ value: String) {
        if let position = position(of: name) {
            values[position].append(value)
            return
        }
        names.append(name)
        values.append([value])
        if positions != nil {
            positions![name] = names.count - 1
        } else if names.count > Self.linearLimit {
            positions = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        }
    }

    private func position(of name: String) -> Int? {
        if let positions { return positions[name] }
        return names.firstIndex(of: name)
    }

    var object: JSONValue {
        var members: [JSONMember] = []
        members.reserveCapacity(names.count)
        for (name, values) in zip(names, values) {
            members.append(JSONMember(name, values.count == 1 ? .string(values[0]) : .array(values.map { .string($0) })))
        }
        return .object(members)
    }
}
