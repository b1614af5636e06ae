import CallEvents

// `routes`: each entry's keys, and the rules across entries (unique names and paths).
extension ConfigurationLoader {
    static let routeKeys = ["name", "path", "vendor", "secret", "secrets", "allow", "verify", "public_url",
                            "public_key", "tolerance_seconds"]

    /// Paths answered by the server itself, never by a route.
    static let reservedPaths = ["/healthz", "/metrics"]

    static func readRoutes(_ value: JSONValue, vendors: VendorCatalog = .builtIn,
                           into reader: inout ConfigurationReader) -> [Configuration.Route] {
        let path = JSONPath.root.key("routes")
        guard case .array(let elements) = value else {
            reader.error(path, "expected an array of routes, got \(reader.describe(value))")
            return []
        }
        guard !elements.isEmpty else {
            reader.error(path, "expected at least one route")
            return []
        }
        var routes: [Configuration.Route] = []
        var firstWithName: [String: Int] = [:], firstWithPath: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let at = path.index(index)
            guard let route = readRoute(element, at: at, vendors: vendors, into: &reader) else { continue }
            if let first = firstWithName[route.name] {
                reader.error(at.key("name"), "\(quoted(route.name)) is already the name of \(path.index(first))")
            } else {
                firstWithName[route.name] = index
            }
            if let first = firstWithPath[route.path] {
                reader.error(at.key("path"), "\(quoted(route.path)) is already the path of \(path.index(first))")
            } else {
                firstWithPath[route.path] = index
            }
            if route.isOpen {
                reader.warning("route \(quoted(route.name)) is open: no secret and no allow list")
            }
            routes.append(route)
        }
        return routes
    }

    /// One route, or nil when a required key is missing or bad (each problem reported).
    private static func readRoute(_ value: JSONValue, at path: JSONPath, vendors: VendorCatalog,
                                  into reader: inout ConfigurationReader) -> Configuration.Route? {
        guard let fields = reader.object(value, at: path, known: routeKeys) else { return nil }
        var name: String?, routePath: String?, vendor: VendorChoice?
        for key in ["name", "path", "vendor"] where fields[key] == nil {
            reader.error(path.key(key), "missing (required)")
        }
        if let value = fields["name"], let text = reader.string(value, at: path.key("name")) {
            if let problem = routeNameProblem(text) { reader.error(path.key("name"), problem) } else { name = text }
        }
        if let value = fields["path"], let text = reader.string(value, at: path.key("path")) {
            if let problem = routePathProblem(text) { reader.error(path.key("path"), problem) } else { routePath = text }
        }
        if let value = fields["vendor"], let text = reader.string(value, at: path.key("vendor")) {
            vendor = vendorChoice(text, in: vendors)
            if vendor == nil {
                reader.error(path.key("vendor"), "unknown vendor \(quoted(text)) (expected one of "
                    + "\(vendors.names.joined(separator: ", ")) or auto)")
            }
        }
        var secrets: [Secret] = [], allow: [CIDR]?
        var valid = true
        if let value = fields["secret"] {
            // The value is never echoed, whatever it is.
            if case .string(let text) = value, !text.isEmpty {
                secrets = [Secret(text)]
            } else {
                reader.error(path.key("secret"), "expected a non-empty string (leave the key out for no secret)")
                valid = false
            }
        }
        if let value = fields["secrets"] {
            if fields["secret"] != nil {
                reader.error(path.key("secrets"), "give secret or secrets, not both (secret is the one-element form)")
                valid = false
            } else if case .array(let elements) = value, !elements.isEmpty {
                for (index, element) in elements.enumerated() {
                    if case .string(let text) = element, !text.isEmpty {
                        secrets.append(Secret(text))
                    } else {
                        reader.error(path.key("secrets").index(index), "expected a non-empty string")
                        valid = false
                    }
                }
            } else {
                reader.error(path.key("secrets"), "expected a non-empty array of strings (leave the key out for no secret)")
                valid = false
            }
        }
        if let value = fields["allow"] {
            allow = reader.cidrs(value, at: path.key("allow"), nonEmpty: true,
                                 emptyHint: " (leave the key out to allow any address)")
            valid = valid && allow != nil
        }
        var inputs = VerifyInputs(secrets: secrets)
        if let value = fields["public_key"] {
            inputs.publicKey = reader.string(value, at: path.key("public_key"))
            valid = valid && inputs.publicKey != nil
        }
        if let value = fields["public_url"], let url = reader.string(value, at: path.key("public_url")) {
            if let problem = publicURLProblem(url) { reader.error(path.key("public_url"), problem); valid = false } else { inputs.publicURL = url }
        } else if fields["public_url"] != nil {
            valid = false
        }
        if let value = fields["tolerance_seconds"] {
            inputs.toleranceSeconds = reader.integer(value, at: path.key("tolerance_seconds"), in: 0...86_400)
            valid = valid && inputs.toleranceSeconds != nil
        }
        var verify: Configuration.Verification?
        if let vendor, valid {
            verify = readVerify(own: fields["verify"], route: path, vendor: vendor, inputs: inputs, valid: &valid, into: &reader)
        }
        guard valid, let name, let routePath, let vendor else { return nil }
        return Configuration.Route(name: name, path: routePath, vendor: vendor, allow: allow, secrets: secrets,
                                   verify: verify, publicURL: inputs.publicURL, publicKey: inputs.publicKey,
                                   toleranceSeconds: inputs.toleranceSeconds)
    }

    /// `voipnow`, `urlnetworks`, `voipstudio`, `impactpbx`, a shipped or declared vendor of
    /// `vendors` (`twilio`, `acme`) or `auto`.
    static func vendorChoice(_ text: String, in vendors: VendorCatalog = .builtIn) -> VendorChoice? {
        if text == "auto" { return .auto }
        return vendors.vendor(named: text).map { .vendor($0) }
    }

    /// Names appear in log lines and metric labels, so they are kept to a plain alphabet.
    static func routeNameProblem(_ name: String) -> String? {
        let plain = name.utf8.count <= 64 && name.utf8.allSatisfy { byte in
            (byte | 0x20 >= 97 && byte | 0x20 <= 122) || (byte >= 48 && byte <= 57)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        return plain ? nil : "expected up to 64 letters, digits, \"-\", \"_\" or \".\", got \(quoted(name))"
    }

    /// A route path is an RFC 3986 §3.3 absolute path compared byte for byte with the request's:
    /// segments of `pchar` without `%` (so there is one spelling), no empty, `.` or `..`
    /// segments, and no trailing `/` except for the root `/` itself.
    static func routePathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "expected a path starting with \"/\", got \(quoted(path))" }
        if path.contains("?") || path.contains("#") {
            return "a route path has no query or fragment, got \(quoted(path))"
        }
        if path == "/" { return nil }
        if path.hasSuffix("/") { return "a route path does not end with \"/\", got \(quoted(path))" }
        if reservedPaths.contains(path) { return "\(quoted(path)) is reserved for the server's own endpoint" }
        for segment in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            if segment.isEmpty { return "a route path has no empty segments (\"//\"), got \(quoted(path))" }
            if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                return "a route path has no \".\" or \"..\" segments, got \(quoted(path))"
            }
            if !segment.allSatisfy(isPathCharacter) {
                return "a route path holds only letters, digits and -._~!$&'()*+,;=:@, got \(quoted(path))"
            }
        }
        return nil
    }

    /// RFC 3986 §3.3 `pchar` minus `%`: unreserved, sub-delims, `:` and `@`.
    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        if (byte | 0x20 >= 97 && byte | 0x20 <= 122) || (byte >= 48 && byte <= 57) { return true }
        return "-._~!$&'()*+,;=:@".utf8.contains(byte)
    }
}
