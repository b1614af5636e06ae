import CallEvents
import XCTest
@testable import Receiver

/// `verify`, `secrets`, `public_key`, `public_url` and `tolerance_seconds` on routes
/// (vendors.md, "Signatures"): compiled at load, every mistake an error with its JSON path.
final class ConfigurationLoaderVerificationTests: XCTestCase {
    private func routeErrors(_ routes: String) -> [String] { configurationErrors("{\"routes\": [\(routes)]}") }
    private func route(_ text: String) throws -> Configuration.Route {
        try XCTUnwrap(loadedConfiguration("{\"routes\": [\(text)]}"), text).configuration.routes[0]
    }
    /// RFC 8032 §7.1, test 1.
    static let publicKey = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="

    func testSecretsListForRotation() throws {
        let rotated = try route(#"{"name": "a", "path": "/a", "vendor": "voipnow", "secrets": ["new", "old"]}"#)
        XCTAssertEqual(rotated.secrets, [Secret("new"), Secret("old")])
        XCTAssertEqual(rotated.secret, Secret("new"))
        XCTAssertFalse(rotated.isOpen)
    }

    func testSecretsMistakes() {
        let cases: [(String, [String])] = [
            (#""secrets": []"#, ["$.routes[0].secrets: expected a non-empty array of strings (leave the key out for no secret)"]),
            (#""secrets": "k""#, ["$.routes[0].secrets: expected a non-empty array of strings (leave the key out for no secret)"]),
            (#""secrets": ["k", ""]"#, ["$.routes[0].secrets[1]: expected a non-empty string"]),
            (#""secrets": ["k", 7]"#, ["$.routes[0].secrets[1]: expected a non-empty string"]),
            (#""secret": "k", "secrets": ["j"]"#, ["$.routes[0].secrets: give secret or secrets, not both (secret is the one-element form)"]),
        ]
        for (members, expected) in cases {
            XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "voipnow", \#(members)}"#), expected, members)
        }
    }

    func testEverySchemeCompiles() throws {
        let cases: [(String, String)] = [
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X-Sig", "prefix": "sha256=", "encoding": "base64", "signed": "{header:X-Timestamp}.{body}", "timestamp_header": "X-Timestamp", "tolerance_seconds": 60}"#, "hmac-sha256"),
            (#""secret": "k", "verify": {"scheme": "hmac-sha1", "header": "X-Sig"}"#, "hmac-sha1"),
            (#""secret": "k", "verify": {"scheme": "hmac-sha512", "header": "X-Sig"}"#, "hmac-sha512"),
            (#""secret": "k", "public_url": "https://hooks.example.com/a", "verify": {"scheme": "twilio"}"#, "twilio"),
            (#""secret": "k", "verify": {"scheme": "jwt-hs256", "in": "authorization", "payload_hash": true}"#, "jwt-hs256"),
            (#""public_key": "\#(Self.publicKey)", "verify": {"scheme": "ed25519", "header": "X-Sig"}"#, "ed25519"),
            (#""secret": "k", "verify": {"scheme": "token-field", "field": "token"}"#, "token-field"),
            (#""secret": "k", "verify": {"scheme": "header-token", "header": "X-Token"}"#, "header-token"),
        ]
        for (members, scheme) in cases {
            let compiled = try route(#"{"name": "a", "path": "/a", "vendor": "voipnow", \#(members)}"#)
            XCTAssertEqual(compiled.verify?.scheme, scheme, members)
            XCTAssertEqual(compiled.verify?.isVendorDefault, false, members)
        }
    }

    func testVerifyMistakesNameTheirPath() {
        let cases: [(String, String)] = [
            (#""secret": "k", "verify": "hmac-sha256""#, #"$.routes[0].verify: expected an object with a "scheme", got a string"#),
            (#""secret": "k", "verify": {}"#, "$.routes[0].verify.scheme: missing (required)"),
            (#""secret": "k", "verify": {"scheme": "md5"}"#, #"$.routes[0].verify.scheme: unknown scheme "md5" (expected one of hmac-sha1, hmac-sha256, hmac-sha512, twilio, jwt-hs256, ed25519, token-field, header-token)"#),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256"}"#, "$.routes[0].verify.header: missing (required for hmac-sha256)"),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X", "encoding": "hexa"}"#, #"$.routes[0].verify.encoding: expected "hex" or "base64", got "hexa""#),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X", "signed": "{body"}"#, "$.routes[0].verify.signed: " + ConfigurationLoader.templateProblem),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X", "signed": "{query}"}"#, "$.routes[0].verify.signed: " + ConfigurationLoader.templateProblem),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X", "field": "t"}"#, "$.routes[0].verify.field: unknown key"),
            (#""secret": "k", "verify": {"scheme": "hmac-sha256", "header": "X", "tolerance_seconds": -1}"#, "$.routes[0].verify.tolerance_seconds: expected a non-negative integer up to 86400, got -1"),
            (#""verify": {"scheme": "hmac-sha256", "header": "X"}"#, "$.routes[0]: hmac-sha256 needs the route's secret or secrets"),
            (#""secret": "k", "verify": {"scheme": "jwt-hs256", "in": "query"}"#, #"$.routes[0].verify.in: expected "body" or "authorization", got "query""#),
            (#""secret": "k", "verify": {"scheme": "jwt-hs256", "payload_hash": "yes"}"#, #"$.routes[0].verify.payload_hash: expected true or false, got a string"#),
            (#""verify": {"scheme": "ed25519", "header": "X"}"#, "$.routes[0].public_key: missing (ed25519 checks signatures with the sender's public key)"),
            (#""public_key": "AAAA", "verify": {"scheme": "ed25519", "header": "X"}"#, "$.routes[0].public_key: expected a base64 Ed25519 public key of 32 bytes"),
            (#""secret": "k", "public_key": "\#(Self.publicKey)", "verify": {"scheme": "ed25519", "header": "X"}"#, "$.routes[0].secret: an ed25519 route is checked with public_key, not a secret"),
            (#""secret": "k", "public_key": "\#(Self.publicKey)""#, "$.routes[0].public_key: only an ed25519 verify reads public_key"),
            (#""secret": "k", "public_url": "https://x.example/a""#, "$.routes[0].public_url: only a twilio verify reads public_url"),
            (#""secret": "k", "public_url": "x.example/a", "verify": {"scheme": "twilio"}"#, #"$.routes[0].public_url: expected an absolute http:// or https:// URL, got "x.example/a""#),
            (#""secret": "k", "public_url": "https://x.example/a?b=1", "verify": {"scheme": "twilio"}"#, "$.routes[0].public_url: the request's query is appended: give the URL without one"),
            (#""secret": "k", "verify": {"scheme": "token-field"}"#, "$.routes[0].verify.field: missing (required for token-field)"),
            (#""secret": "k", "verify": {"scheme": "header-token", "header": ""}"#, "$.routes[0].verify.header: expected a non-empty string"),
            (#""secret": "k", "tolerance_seconds": "60", "verify": {"scheme": "header-token", "header": "X"}"#, "$.routes[0].tolerance_seconds: expected a non-negative integer, got a string (write numbers without quotes)"),
        ]
        for (members, expected) in cases {
            let errors = routeErrors(#"{"name": "a", "path": "/a", "vendor": "voipnow", \#(members)}"#)
            XCTAssertEqual(errors.count, 1, "\(members): \(errors)")
            XCTAssertTrue(errors.first?.hasPrefix(expected) == true, "\(members): \(errors) wanted \(expected)")
        }
    }

    /// vendors.md: a shipped vendor's default applies when its route has a secret (or a
    /// public_key); a route's own `verify` overrides it; a route with neither is unsigned.
    func testVendorDefaultAppliesOnlyWithASecretOrKey() throws {
        let zoom = try route(#"{"name": "z", "path": "/z", "vendor": "zoom", "secret": "k"}"#)
        XCTAssertEqual(zoom.verify?.scheme, "hmac-sha256")
        XCTAssertEqual(zoom.verify?.isVendorDefault, true)
        XCTAssertNil(try route(#"{"name": "z", "path": "/z", "vendor": "zoom"}"#).verify)
        let telnyx = try route(#"{"name": "t", "path": "/t", "vendor": "telnyx", "public_key": "\#(Self.publicKey)"}"#)
        XCTAssertEqual(telnyx.verify?.scheme, "ed25519")
        let own = try route(#"{"name": "z", "path": "/z", "vendor": "zoom", "secret": "k", "verify": {"scheme": "header-token", "header": "X"}}"#)
        XCTAssertEqual(own.verify?.scheme, "header-token")
        XCTAssertEqual(own.verify?.isVendorDefault, false)
        for vendor in ["twilio", "aircall", "dialpad", "vonage", "ringcentral"] {
            XCTAssertNotNil(try route(#"{"name": "v", "path": "/v", "vendor": "\#(vendor)", "secret": "k"}"#).verify, vendor)
        }
    }

    func testADeclaredVendorsDefaultIsReportedAtItsDefinition() {
        let errors = configurationErrors(#"""
            {"vendors": {"acme": {"verify": {"scheme": "hmac-sha256"}}},
             "routes": [{"name": "a", "path": "/a", "vendor": "acme", "secret": "k"}]}
            """#)
        XCTAssertEqual(errors, ["$.vendors.acme.verify.header: missing (required for hmac-sha256)"])
    }

    func testTwilioWithoutPublicURLWarns() throws {
        let loaded = try XCTUnwrap(loadedConfiguration(#"{"routes": [{"name": "t", "path": "/t", "vendor": "twilio", "secret": "k"}]}"#))
        XCTAssertEqual(loaded.warnings.count, 1)
        XCTAssertTrue(loaded.warnings[0].hasPrefix("$.routes[0].public_url: missing"), loaded.warnings[0])
    }

    func testRouteToleranceOverridesTheSchemes() throws {
        let zoom = try route(#"{"name": "z", "path": "/z", "vendor": "zoom", "secret": "k", "tolerance_seconds": 0}"#)
        guard case .hmac(let scheme) = zoom.verify?.check else { return XCTFail("expected hmac") }
        XCTAssertEqual(scheme.toleranceSeconds, 0)
        XCTAssertEqual(scheme.timestampHeader, "x-zm-request-timestamp")
    }

    func testVerifyReplacesTheTokenCheckAndNeverShowsSecrets() throws {
        let zoom = try route(#"{"name": "z", "path": "/z", "vendor": "zoom", "secrets": ["s3cret-one", "s3cret-two"]}"#)
        var dumped = ""
        dump(zoom, to: &dumped)
        for text in [zoom.description, String(reflecting: zoom), dumped] {
            XCTAssertFalse(text.contains("s3cret"), text)
        }
        XCTAssertTrue(zoom.description.contains("verify: hmac-sha256 (vendor default)"), zoom.description)
    }
}
