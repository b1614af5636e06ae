/// One payload as a declared vendor's paths see it (Documentation.docc/Vendors.md, "A
/// definition"): `raw` first, then the query. A definition resolves some twenty paths, most
/// into the same few objects; every member carries its name's hash from the parser
/// (`JSONMember.nameHash`), so each lookup compares hashes before it compares names, as
/// `Fields` does for the coded vendors.
///
/// ```swift
/// let lookup = DeclaredLookup(fields)
/// lookup.value(path)          // data.payload.to, or nil
/// ```
final class DeclaredLookup {
    let raw: JSONValue
    let query: JSONValue?

    init(raw: JSONValue, query: JSONValue?) {
        self.raw = raw
        self.query = query
    }

    convenience init(_ fields: Fields) {
        self.init(raw: fields.raw, query: fields.query)
    }

    /// The value at `path`: in `raw`, else in the query.
    func value(_ path: DeclaredPath) -> JSONValue? {
        if let found = value(path, from: raw) { return found }
        if let query { return value(path, from: query) }
        return nil
    }

    private func value(_ path: DeclaredPath, from root: JSONValue) -> JSONValue? {
        var current = root
        for segment in path.segments {
            switch current {
            case .object(let members):
                guard let found = member(segment, in: members) else { return nil }
                current = found
            case .array(let elements):
                guard let index = segment.index, index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    private func member(_ segment: DeclaredPath.Segment, in members: [JSONMember]) -> JSONValue? {
        // Borrowed through buffer pointers: no retain and release per member looked at.
        let found = members.withUnsafeBufferPointer { members -> Int? in
            segment.name.withUnsafeBufferPointer { want in
                for i in 0..<members.count where members[i].nameHash == segment.hash && FieldName.matches(members[i].key, want) {
                    return i
                }
                return nil
            }
        }
        return found.map { members[$0].value }
    }
}
