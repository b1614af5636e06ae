import CallEvents

// `vendors`: declared vendor definitions (Documentation.docc/Vendors.md, "A definition"),
// compiled once here into lookups; every mistake is an error with its JSON path.
extension ConfigurationLoader {
    /// Names a route can never give a declared vendor: the coded four, and `auto`.
    static var reservedVendorNames: [String] { Vendor.allCases.map(\.rawValue) + ["auto"] }

    static func readVendors(_ value: JSONValue, into reader: inout ConfigurationReader) -> VendorCatalog {
        let path = JSONPath.root.key("vendors")
        guard case .object(let members) = value else {
            reader.error(path, "expected an object of vendor definitions by name, got \(reader.describe(value))")
            return .builtIn
        }
        var definitions: [DeclaredDefinition] = []
        var seen: Set<String> = []
        for member in members {
            let at = path.key(member.key)
            guard seen.insert(member.key).inserted else {
                reader.error(at, "duplicate key")
                continue
            }
            if let problem = vendorNameProblem(member.key) {
                reader.error(at, problem)
                continue
            }
            do {
                definitions.append(try DeclaredCompiler.compile(name: member.key, member.value, at: at.description))
            } catch {
                reader.errorLine(error.description)
            }
        }
        return VendorCatalog(declaring: definitions)
    }

    /// A vendor name is written in every line and metric label, and named by routes: a plain
    /// lowercase word, and none of the coded vendors' (their rules are code, not data).
    static func vendorNameProblem(_ name: String) -> String? {
        if reservedVendorNames.contains(name) {
            return "\(quoted(name)) is a coded vendor's name" + (name == "auto" ? " (auto detects)" : "")
                + "; choose another name"
        }
        let bytes = Array(name.utf8)
        let plain = !bytes.isEmpty && bytes.count <= 32 && bytes[0] >= 97 && bytes[0] <= 122
            && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        return plain ? nil : "a vendor name is up to 32 lowercase letters, digits, \"-\" or \"_\", starting with a letter"
    }

    /// What `check-config` says about each shipped vendor the config replaces.
    static func overrideNotes(_ catalog: VendorCatalog) -> [String] {
        catalog.overridden.map { "\(JSONPath.root.key("vendors").key($0)): overrides the shipped definition of \(quoted($0))" }
    }
}
