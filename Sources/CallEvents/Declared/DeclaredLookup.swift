/// One payload as a declared vendor's paths see it (Documentation.docc/Vendors.md, "A
/// definition"): `raw` first, then the query. A definition resolves some twenty paths, most
/// into the same few objects; every member carries its name's hash from the parser
/// (`JSONMember.nameHash`, or the name's token in a `JSONTape`), so each lookup compares
/// hashes before it compares names, as `Fields` does for the coded vendors.
///
/// ```swift
/// let lookup = DeclaredLookup(fields)                              // a parsed payload
/// let lookup = DeclaredLookup(tape: tape, bytes: body, query: nil) // a payload's tokens
/// lookup.value(path)          // data.payload.to, or nil
/// ```
final class DeclaredLookup {
    /// `raw`: a value, or the tokens of the bytes it was read from. Those bytes are the
    /// caller's for as long as the lookup is used (`CallEventDecoder` decodes inside them).
    private enum Root {
        case value(JSONValue)
        case tape(JSONTape, UnsafeBufferPointer<UInt8>)
    }

    private let raw: Root
    let query: JSONValue?

    init(raw: JSONValue, query: JSONValue?) {
        self.raw = .value(raw)
        self.query = query
    }

    convenience init(_ fields: Fields) {
        self.init(raw: fields.raw, query: fields.query)
    }

    init(tape: JSONTape, bytes: UnsafeBufferPointer<UInt8>, query: JSONValue?) {
        raw = .tape(tape, bytes)
        self.query = query
    }

    /// The value at `path`: in `raw`, else in the query.
    func value(_ path: DeclaredPath) -> JSONValue? {
        switch raw {
        case .value(let root):
            if let found = value(path, from: root) { return found }
        case .tape(let tape, let bytes):
            if let token = token(path, in: tape, bytes) {
                return tape.value(token, bytes)
            }
        }
        if let query { return value(path, from: query) }
        return nil
    }

    /// The token of the value at `path`, as `value(_:from:)` walks a parsed one.
    private func token(_ path: DeclaredPath, in tape: JSONTape, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        path.names.withUnsafeBufferPointer { names in
            var current = 0
            for segment in path.segments {
                let name = UnsafeBufferPointer(rebasing: names[segment.range])
                guard let next = tape.member(in: current, hash: segment.hash, named: name, bytes)
                    ?? segment.index.flatMap({ tape.element(in: current, at: $0) }) else { return nil }
                current = next
            }
            return current
        }
    }

    private func value(_ path: DeclaredPath, from root: JSONValue) -> JSONValue? {
        path.names.withUnsafeBufferPointer { names in
            var current = root
            for segment in path.segments {
                switch current {
                case .object(let members):
                    guard let found = member(segment.hash, UnsafeBufferPointer(rebasing: names[segment.range]), in: members) else { return nil }
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
    }

    private func member(_ hash: UInt64, _ want: UnsafeBufferPointer<UInt8>, in members: [JSONMember]) -> JSONValue? {
        // Borrowed through buffer pointers: no retain and release per member looked at.
        let found = members.withUnsafeBufferPointer { members -> Int? in
            for i in 0..<members.count where members[i].nameHash == hash && FieldName.matches(members[i].key, want) {
                return i
            }
            return nil
        }
        return found.map { members[$0].value }
    }
}
