import CallEvents

// A route's `verify` (vendors.md, "Signatures"), or its vendor's default, compiled with the
// route's secrets, `public_key`, `public_url` and `tolerance_seconds`; every mistake is an
// error with its JSON path.
extension ConfigurationLoader {
    static let hmacSchemes = ["hmac-sha1", "hmac-sha256", "hmac-sha512"]
    static let verifySchemes = hmacSchemes + ["twilio", "jwt-hs256", "ed25519", "token-field", "header-token"]

    /// The keys each scheme reads, besides `scheme` and `tolerance_seconds`.
    static func verifyKeys(_ scheme: String) -> [String] {
        switch scheme {
        case _ where hmacSchemes.contains(scheme): ["signed", "header", "prefix", "encoding", "timestamp_header"]
        case "jwt-hs256": ["in", "payload_hash"]
        case "ed25519": ["signed", "header", "timestamp_header"]
        case "token-field": ["field"]
        case "header-token": ["header"]
        default: []
        }
    }

    /// What a route brings to its check.
    struct VerifyInputs {
        var secrets: [Secret]
        var publicKey: String?
        var publicURL: String?
        var toleranceSeconds: Int?
    }

    /// The route's own `verify` (at `path`), else its vendor's default when the route has a
    /// secret or a `public_key` (reported at `vendors.NAME.verify`); nil when neither applies
    /// or the check does not compile (then `valid` is false).
    static func readVerify(own: JSONValue?, route path: JSONPath, vendor: VendorChoice, inputs: VerifyInputs,
                           valid: inout Bool, into reader: inout ConfigurationReader) -> Configuration.Verification? {
        var source = own, at = path.key("verify"), isDefault = false
        if source == nil, case .vendor(let chosen) = vendor, let fallback = chosen.definition?.verify,
           !inputs.secrets.isEmpty || inputs.publicKey != nil {
            source = fallback; at = JSONPath.root.key("vendors").key(chosen.name).key("verify"); isDefault = true
        }
        guard let source else {
            if inputs.publicKey != nil { reader.error(path.key("public_key"), "only an ed25519 verify reads public_key"); valid = false }
            if inputs.publicURL != nil { reader.error(path.key("public_url"), "only a twilio verify reads public_url"); valid = false }
            return nil
        }
        let compiled = compileVerify(source, at: at, route: path, inputs: inputs, into: &reader)
        if compiled == nil { valid = false }
        return compiled.map { Configuration.Verification(scheme: $0.scheme, check: $0.check, source: source, isVendorDefault: isDefault) }
    }

    private static func compileVerify(_ value: JSONValue, at path: JSONPath, route: JSONPath, inputs: VerifyInputs,
                                      into reader: inout ConfigurationReader) -> (scheme: String, check: Configuration.Verification.Check)? {
        guard case .object = value else {
            reader.error(path, "expected an object with a \"scheme\", got \(reader.describe(value))")
            return nil
        }
        guard let schemeValue = value["scheme"], let scheme = reader.string(schemeValue, at: path.key("scheme")) else {
            if value["scheme"] == nil { reader.error(path.key("scheme"), "missing (required)") }
            return nil
        }
        guard verifySchemes.contains(scheme) else {
            reader.error(path.key("scheme"), "unknown scheme \(quoted(scheme)) (expected one of \(verifySchemes.joined(separator: ", ")))")
            return nil
        }
        guard let fields = reader.object(value, at: path, known: ["scheme", "tolerance_seconds"] + verifyKeys(scheme)) else { return nil }
        let errorsBefore = reader.errors.count
        func text(_ key: String, required: Bool = false, nonEmpty: Bool = true) -> String? {
            guard let value = fields[key] else {
                if required { reader.error(path.key(key), "missing (required for \(scheme))") }
                return nil
            }
            return reader.string(value, at: path.key(key), nonEmpty: nonEmpty)
        }
        var tolerance = 300
        if let value = fields["tolerance_seconds"], let seconds = reader.integer(value, at: path.key("tolerance_seconds"), in: 0...86_400) {
            tolerance = seconds
        }
        if let routeTolerance = inputs.toleranceSeconds { tolerance = routeTolerance }
        let keys = inputs.secrets.map(\.bytes)
        if scheme == "ed25519" {
            if !inputs.secrets.isEmpty { reader.error(route.key("secret"), "an ed25519 route is checked with public_key, not a secret") }
        } else {
            if keys.isEmpty { reader.error(route, "\(scheme) needs the route's secret or secrets") }
            if inputs.publicKey != nil { reader.error(route.key("public_key"), "only an ed25519 verify reads public_key") }
        }
        if scheme != "twilio", inputs.publicURL != nil { reader.error(route.key("public_url"), "only a twilio verify reads public_url") }

        var check: Configuration.Verification.Check?
        switch scheme {
        case _ where hmacSchemes.contains(scheme):
            let header = text("header", required: true)
            let signed = text("signed") ?? "{body}"
            let prefix = text("prefix", nonEmpty: false) ?? ""
            var encoding = HMACScheme.Encoding.hex
            if let written = text("encoding") {
                if let known = HMACScheme.Encoding(rawValue: written) { encoding = known } else {
                    reader.error(path.key("encoding"), "expected \"hex\" or \"base64\", got \(quoted(written))")
                }
            }
            let stamp = text("timestamp_header")
            if let header {
                if let scheme = HMACScheme(hash: HMACScheme.Hash(rawValue: scheme)!, signed: signed, header: header, prefix: prefix,
                                           encoding: encoding, timestampHeader: stamp, toleranceSeconds: tolerance, secrets: keys) {
                    check = .hmac(scheme)
                } else {
                    reader.error(path.key("signed"), templateProblem)
                }
            }
        case "twilio":
            if inputs.publicURL == nil {
                reader.warning("\(route.key("public_url")): missing; twilio signatures are checked against "
                    + "https://<Host><path>, which is wrong behind a proxy that changes either")
            }
            check = .twilio(TwilioScheme(secrets: keys), publicURL: inputs.publicURL)
        case "jwt-hs256":
            var location = JWTScheme.Location.body
            if let written = text("in") {
                if let known = JWTScheme.Location(rawValue: written) { location = known } else {
                    reader.error(path.key("in"), "expected \"body\" or \"authorization\", got \(quoted(written))")
                }
            }
            var payloadHash = false
            if let value = fields["payload_hash"] {
                if case .bool(let flag) = value { payloadHash = flag } else {
                    reader.error(path.key("payload_hash"), "expected true or false, got \(reader.describe(value))")
                }
            }
            check = .jwt(JWTScheme(location: location, payloadHash: payloadHash, toleranceSeconds: tolerance, secrets: keys))
        case "ed25519":
            let header = text("header", required: true)
            let signed = text("signed") ?? "{body}"
            let stamp = text("timestamp_header")
            guard let written = inputs.publicKey else {
                reader.error(route.key("public_key"), "missing (ed25519 checks signatures with the sender's public key)")
                return nil
            }
            guard let bytes = Base64.decode(Array(written.utf8)), bytes.count == 32, let key = Ed25519.PublicKey(bytes) else {
                reader.error(route.key("public_key"), "expected a base64 Ed25519 public key of 32 bytes")
                return nil
            }
            if let header {
                if let scheme = Ed25519Scheme(publicKey: key, signed: signed, header: header, timestampHeader: stamp, toleranceSeconds: tolerance) {
                    check = .ed25519(scheme)
                } else {
                    reader.error(path.key("signed"), templateProblem)
                }
            }
        case "token-field":
            if let field = text("field", required: true) { check = .tokenField(TokenScheme(secrets: keys), field: field) }
        default: // header-token
            if let header = text("header", required: true) { check = .headerToken(TokenScheme(secrets: keys), header: header) }
        }
        guard reader.errors.count == errorsBefore, let check else { return nil }
        return (scheme, check)
    }

    static let templateProblem = "expected text with {body} and {header:NAME} placeholders only, each closed by \"}\""

    /// `public_url`: an absolute `http` or `https` URL without query or fragment (the request's
    /// query is appended to it).
    static func publicURLProblem(_ url: String) -> String? {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return "expected an absolute http:// or https:// URL, got \(quoted(url))"
        }
        if url.contains("?") || url.contains("#") { return "the request's query is appended: give the URL without one" }
        return nil
    }
}
