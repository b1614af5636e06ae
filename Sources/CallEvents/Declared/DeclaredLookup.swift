/// One payload as a declared vendor's paths see it (Documentation.docc/Vendors.md, "A
/// definition"): `raw` first, then the query. A definition resolves some twenty paths, most
/// into the same few objects, so each object's member names are hashed once, the first time a
/// path looks into it (the top level's come from the parser), and every lookup after that
/// compares hashes before it compares names, as `Fields` does for the coded vendors.
///
/// ```swift
/// let lookup = DeclaredLookup(fields)
/// lookup.value(path)          // data.payload.to, or nil
/// ```
final class DeclaredLookup {
    let raw: JSONValue
    let query: JSONValue?
    /// The objects looked into so far, by their members' storage, and their names' hashes.
    /// A payload's arrays are not changed while it is decoded, so their storage is their identity.
    private var objects: [(storage: UnsafeRawPointer?, hashes: [UInt64])] = []

    init(raw: JSONValue, query: JSONValue?) {
        self.raw = raw
        self.query = query
    }

    convenience init(_ fields: Fields) {
        self.init(raw: fields.raw, query: fields.query)
        if case .object(let members) = raw {
            objects.append((members.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }, fields.memberHashes))
        }
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
            let hashes = hashes(of: members)
            return hashes.withUnsafeBufferPointer { hashes in
                segment.name.withUnsafeBufferPointer { want in
                    for i in 0..<hashes.count where hashes[i] == segment.hash && FieldName.matches(members[i].key, want) { return i }
                    return nil
                }
            }
        }
        return found.map { members[$0].value }
    }

    private func hashes(of members: UnsafeBufferPointer<JSONMember>) -> [UInt64] {
        let storage = UnsafeRawPointer(members.baseAddress)
        for object in objects where object.storage == storage && object.hashes.count == members.count { return object.hashes }
        let hashes = [UInt64](unsafeUninitializedCapacity: members.count) { out, initialized in
            for i in 0..<members.count { out[i] = FieldName.hash(members[i].key) }
            initialized = members.count
        }
        objects.append((storage, hashes))
        return hashes
    }
}
