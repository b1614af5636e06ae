import CallEvents
import Foundation
import XCTest

/// vendors.md "Signatures" through the running server, one route per scheme with the vendors'
/// own header names: a signed delivery is stored, the same delivery with one byte changed is
/// `401` with the reason, never stored, and counted per route and reason in `/metrics`.
final class SignedDeliveryEndToEndTests: ServerTestCase {
    /// RFC 8032 §7.1, test 1: the key pair the Telnyx route is given.
    static let telnyxPublicKey = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    /// Ed25519 (RFC 8032 test 1 secret key) of `1700000000|` + telnyx/call.hangup.json, made
    /// with Python's `cryptography` (our own code only verifies).
    static let telnyxSignature = "CZKsVPs3gqzdMFbBY16Vr6uvMDAwvck5wgYFsUg5WyzozS4CZwX/yQd0vuMqQ/HLsl0aabpxgC5uKlXMPdXnDA=="
    static let twilioURL = "https://hooks.example.com/hooks/twilio"

    static var routes: [[String: Any]] { [
        ["name": "zoom", "path": "/hooks/zoom", "vendor": "zoom", "secret": "zoom-secret"],
        ["name": "twilio", "path": "/hooks/twilio", "vendor": "twilio", "secret": "twilio-token", "public_url": twilioURL],
        ["name": "vonage", "path": "/hooks/vonage", "vendor": "vonage", "secret": "vonage-secret"],
        ["name": "dialpad", "path": "/hooks/dialpad", "vendor": "dialpad", "secret": "dialpad-secret"],
        ["name": "telnyx", "path": "/hooks/telnyx", "vendor": "telnyx", "public_key": telnyxPublicKey, "tolerance_seconds": 0],
        ["name": "aircall", "path": "/hooks/aircall", "vendor": "aircall", "secret": "45XXYYZZa08"],
        ["name": "ringcentral", "path": "/hooks/ringcentral", "vendor": "ringcentral", "secret": "rc-verification"],
    ] }

    private func fixture(_ vendor: String, _ name: String) throws -> ShippedVendorsEndToEndTests.Fixture {
        try XCTUnwrap(ShippedVendorsEndToEndTests.fixtures(vendor).first { $0.name == name }, "\(vendor)/\(name)")
    }

    /// A signed request and the same request with one byte changed, per route.
    private func pairs(now: Int) throws -> [(route: String, signed: [UInt8], tampered: [UInt8])] {
        var out: [(String, [UInt8], [UInt8])] = []

        let zoom = try fixture("zoom", "callee_answered").body
        func zoomRequest(_ body: [UInt8]) -> [UInt8] {
            let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(now):".utf8) + body, key: Array("zoom-secret".utf8))
            return Requests.post("/hooks/zoom", body: body, headers: ["x-zm-request-timestamp: \(now)", "x-zm-signature: v0=\(Hex.encode(mac))"])
        }
        out.append(("zoom", zoomRequest(zoom), Self.replacingBody(of: zoomRequest(zoom), with: Self.flipped(zoom))))

        let form = try fixture("twilio", "busy").body
        let signature = Self.twilioSignature(url: Self.twilioURL, form: form, token: "twilio-token")
        func twilioRequest(_ body: [UInt8]) -> [UInt8] {
            Requests.post("/hooks/twilio", body: body, contentType: "application/x-www-form-urlencoded",
                          headers: ["X-Twilio-Signature: \(signature)"])
        }
        out.append(("twilio", twilioRequest(form), twilioRequest(Self.flipped(form))))

        let vonage = try fixture("vonage", "answered").body
        let bearer = Self.jwt(["iat": now, "payload_hash": Hex.encode(SHA256.hash(vonage))], key: "vonage-secret")
        func vonageRequest(_ body: [UInt8]) -> [UInt8] {
            Requests.post("/hooks/vonage", body: body, headers: ["Authorization: Bearer \(bearer)"])
        }
        out.append(("vonage", vonageRequest(vonage), vonageRequest(Self.flipped(vonage))))

        let dialpadPayload = try JSONSerialization.jsonObject(with: Data(try fixture("dialpad", "hangup").body)) as? [String: Any]
        let token = Array(Self.jwt(try XCTUnwrap(dialpadPayload), key: "dialpad-secret").utf8)
        out.append(("dialpad", Requests.post("/hooks/dialpad", body: token, contentType: "application/jwt"),
                    Requests.post("/hooks/dialpad", body: Self.flipped(token), contentType: "application/jwt")))

        let telnyx = try fixture("telnyx", "call.hangup").body
        func telnyxRequest(_ body: [UInt8]) -> [UInt8] {
            Requests.post("/hooks/telnyx", body: body, headers: ["telnyx-timestamp: 1700000000",
                                                                 "telnyx-signature-ed25519: \(Self.telnyxSignature)"])
        }
        out.append(("telnyx", telnyxRequest(telnyx), telnyxRequest(Self.flipped(telnyx))))

        let aircall = try fixture("aircall", "call.ended").body
        let wrongToken = Array(String(decoding: aircall, as: UTF8.self).replacingOccurrences(of: "45XXYYZZa08", with: "45XXYYZZa09").utf8)
        out.append(("aircall", Requests.post("/hooks/aircall", body: aircall), Requests.post("/hooks/aircall", body: wrongToken)))

        let ringcentral = try fixture("ringcentral", "Answered").body
        out.append(("ringcentral", Requests.post("/hooks/ringcentral", body: ringcentral, headers: ["Verification-Token: rc-verification"]),
                    Requests.post("/hooks/ringcentral", body: ringcentral, headers: ["Verification-Token: rc-verificatioN"])))
        return out
    }

    func testEachSchemeAcceptsItsSignatureAndRefusesOneByteChanged() throws {
        var config = TestConfiguration()
        config.routes = Self.routes
        let server = try startServer(config)
        let cases = try pairs(now: Int(Date().timeIntervalSince1970))
        for (route, signed, tampered) in cases {
            let refused = try deliver(server, tampered)
            XCTAssertEqual(refused.status, 401, "\(route): \(refused.text)")
            XCTAssertEqual(refused.json["error"] as? String, "bad signature", route)
            let accepted = try deliver(server, signed)
            XCTAssertEqual(accepted.status, 200, "\(route): \(accepted.text)")
        }
        let lines = try eventLines()
        XCTAssertEqual(lines.compactMap { $0["route"] as? String }.sorted(), cases.map(\.route).sorted(), "only the signed ones are stored")
        XCTAssertEqual(try rejectLines().count, 0, "a refusal is not a reject")
        let metrics = try deliver(server, Requests.get("/metrics")).text
        for (route, _, _) in cases {
            XCTAssertTrue(metrics.contains(#"callhook_signature_refusals_total{route="\#(route)",reason="bad signature"} 1"#), route)
        }
        let log = try String(contentsOfFile: path(config.eventLog), encoding: .utf8)
        XCTAssertFalse(log.contains("dialpad-secret") || log.contains("45XXYYZZa08"), "no secret is written")
        let dialpad = try XCTUnwrap(lines.first { $0["route"] as? String == "dialpad" })
        XCTAssertEqual(dialpad["type"] as? String, "call.hangup", "a verified jwt body is decoded")
        // vendors.md: a `token-field` field is removed from `raw`, not masked in it.
        let aircall = try XCTUnwrap(lines.first { $0["route"] as? String == "aircall" })
        let raw = try XCTUnwrap(aircall["raw"] as? [String: Any])
        XCTAssertNil(raw["token"], "the token field is gone from raw")
        XCTAssertNotNil(raw["data"], "the rest of raw is kept")
        XCTAssertFalse(log.contains("[redacted]"), "nothing left to mask")
    }

    func testMissingAndStaleSignatures() throws {
        var config = TestConfiguration()
        config.routes = Self.routes
        let server = try startServer(config)
        let body = try fixture("zoom", "callee_answered").body
        let missing = try deliver(server, Requests.post("/hooks/zoom", body: body))
        XCTAssertEqual(missing.status, 401)
        XCTAssertEqual(missing.json["error"] as? String, "missing signature")
        let old = Int(Date().timeIntervalSince1970) - 301
        let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(old):".utf8) + body, key: Array("zoom-secret".utf8))
        let stale = try deliver(server, Requests.post("/hooks/zoom", body: body, headers: [
            "x-zm-request-timestamp: \(old)", "x-zm-signature: v0=\(Hex.encode(mac))"]))
        XCTAssertEqual(stale.status, 401)
        XCTAssertEqual(stale.json["error"] as? String, "stale signature")
        // The secret as a token opens nothing on a signed route (vendors.md: the two are exclusive).
        let token = try deliver(server, Requests.post("/hooks/zoom?token=zoom-secret", body: body))
        XCTAssertEqual(token.status, 401)
        XCTAssertEqual(try eventLines().count, 0)
        let stderr = server.stderr
        XCTAssertFalse(stderr.contains("zoom-secret"), "refusals never log the secret")
    }

    /// An old key is accepted while it is in `secrets` and refused after a reload without it.
    func testAnOldKeyWorksUntilAReloadDropsIt() throws {
        var config = TestConfiguration()
        config.routes = [["name": "zoom", "path": "/hooks/zoom", "vendor": "zoom", "secrets": ["new-key", "old-key"]]]
        let server = try startServer(config)
        let body = try fixture("zoom", "callee_answered").body
        func signed(_ key: String) -> [UInt8] {
            let now = Int(Date().timeIntervalSince1970)
            let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:\(now):".utf8) + body, key: Array(key.utf8))
            return Requests.post("/hooks/zoom", body: body, headers: ["x-zm-request-timestamp: \(now)", "x-zm-signature: v0=\(Hex.encode(mac))"])
        }
        XCTAssertEqual(try deliver(server, signed("old-key")).status, 200)
        config.routes = [["name": "zoom", "path": "/hooks/zoom", "vendor": "zoom", "secrets": ["new-key"]]]
        try config.write(to: directory.appendingPathComponent("config.json"))
        server.signal(SIGHUP)
        let deadline = Date().addingTimeInterval(5)
        while try metric(server, #"callhook_config_reloads_total{result="ok"}"#) != 1, Date() < deadline { usleep(5_000) }
        XCTAssertEqual(try metric(server, #"callhook_config_reloads_total{result="ok"}"#), 1)
        let refused = try deliver(server, signed("old-key"))
        XCTAssertEqual(refused.status, 401)
        XCTAssertEqual(refused.json["error"] as? String, "bad signature")
        XCTAssertEqual(try deliver(server, signed("new-key")).status, 200, "the same delivery under the new key")
    }

    // MARK: - Signing as the vendors do

    /// `request` with its body (after the blank line) replaced, `Content-Length` unchanged
    /// because `body` has the same length.
    static func replacingBody(of request: [UInt8], with body: [UInt8]) -> [UInt8] {
        Array(request.prefix(request.count - body.count)) + body
    }

    /// The body with its middle byte changed (a letter or digit, so it stays valid text).
    static func flipped(_ body: [UInt8]) -> [UInt8] {
        var copy = body
        var index = copy.count / 2
        func changeable(_ byte: UInt8) -> Bool { (0x61...0x79).contains(byte) || (0x30...0x38).contains(byte) }
        while !changeable(copy[index]) { index += 1 }
        copy[index] += 1
        return copy
    }

    /// A compact JWT, HS256, with `claims` as its payload.
    static func jwt(_ claims: [String: Any], key: String) -> String {
        let header = Base64.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8), alphabet: .url, padded: false)
        let payload = Base64.encode([UInt8]((try? JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys])) ?? Data()),
                                    alphabet: .url, padded: false)
        let input = Array("\(header).\(payload)".utf8)
        return "\(header).\(payload)." + Base64.encode(HMAC<SHA256>.authenticationCode(for: input, key: Array(key.utf8)), alphabet: .url, padded: false)
    }

    /// Twilio's documented scheme, written from its description: the URL, then each field's
    /// name and value sorted by name, base64 HMAC-SHA1 under the auth token.
    static func twilioSignature(url: String, form: [UInt8], token: String) -> String {
        func decode(_ text: Substring) -> String { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
        var fields: [(name: String, value: String)] = []
        for pair in String(decoding: form, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
        fields.sort { (a: (name: String, value: String), b: (name: String, value: String)) -> Bool in
            a.name == b.name ? a.value < b.value : a.name < b.name
        }
        let message = url + fields.map { $0.name + $0.value }.joined()
        return Base64.encode(HMAC<SHA1>.authenticationCode(for: Array(message.utf8), key: Array(token.utf8)))
    }
}
