/// A value map compiled to a table (Documentation.docc/Vendors.md, "A definition"): keys match
/// case-insensitively, a key ending in `*` matches by prefix (longest first), `"*"` is the default.
///
/// ```swift
/// map.lookup("OUTBOUND-API")   // the value of "out*", else the default, else nil
/// ```
struct DeclaredValueMap<Value: Sendable>: Sendable {
    var exact: [String: Value] = [:]
    /// Lowercased prefixes, longest first.
    var prefixes: [(prefix: String, value: Value)] = []
    var fallback: Value?

    mutating func add(key: String, _ value: Value) {
        if key == "*" {
            fallback = value
        } else if key.hasSuffix("*") {
            prefixes.append((String(key.dropLast()).lowercased(), value))
            prefixes.sort { $0.prefix.utf8.count > $1.prefix.utf8.count }
        } else {
            exact[key.lowercased()] = value
        }
    }

    func lookup(_ text: String?) -> Value? {
        guard let text else { return fallback }
        let key = text.lowercased()
        if let found = exact[key] { return found }
        for entry in prefixes where key.hasPrefix(entry.prefix) { return entry.value }
        return fallback
    }
}
