/// Where a value sits in the config file, written the way `jq` and JSONPath do:
/// `$.routes[2].vendor`, and `$["odd key"]` for keys that are not identifiers.
struct JSONPath: CustomStringConvertible {
    private(set) var description: String

    static let root = JSONPath(description: "$")

    func key(_ key: String) -> JSONPath {
        let isIdentifier = !key.isEmpty && key.utf8.enumerated().allSatisfy { offset, byte in
            byte == UInt8(ascii: "_") || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
                || (offset > 0 && byte >= 48 && byte <= 57)
        }
        return JSONPath(description: isIdentifier ? "\(description).\(key)" : "\(description)[\(quoted(key))]")
    }

    func index(_ index: Int) -> JSONPath {
        JSONPath(description: "\(description)[\(index)]")
    }
}
