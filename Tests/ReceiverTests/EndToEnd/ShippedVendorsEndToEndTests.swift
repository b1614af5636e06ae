import Foundation
import XCTest

/// The seven shipped vendors through the real server (Documentation.docc/Vendors.md): each
/// documented delivery of `Tests/CallEventsTests/Declared/Fixtures/<vendor>/` posted to a route
/// of that vendor, and the line it wrote checked field by field against the fixture's line.
final class ShippedVendorsEndToEndTests: ServerTestCase {
    static let vendors = ["twilio", "zoom", "ringcentral", "aircall", "telnyx", "dialpad", "vonage"]

    /// `Tests/CallEventsTests/Declared/Fixtures`, found from this file.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("CallEventsTests/Declared/Fixtures", isDirectory: true)

    struct Fixture {
        var name: String
        var body: [UInt8]
        var contentType: String
        var line: [String: Any]
    }

    static func fixtures(_ vendor: String) throws -> [Fixture] {
        let folder = fixtures.appendingPathComponent(vendor, isDirectory: true)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().compactMap { file in
            guard !file.hasSuffix(".line.json") else { return nil }
            let url = folder.appendingPathComponent(file)
            let base = url.deletingPathExtension().lastPathComponent
            var body = try [UInt8](Data(contentsOf: url))
            while body.last == 0x0A { body.removeLast() }
            let line = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(base + ".line.json")))
            let contentType = url.pathExtension == "form" ? "application/x-www-form-urlencoded"
                : url.pathExtension == "jwt" ? "application/jwt" : "application/json"
            return Fixture(name: base, body: body, contentType: contentType, line: try XCTUnwrap(line as? [String: Any]))
        }
    }

    func testEveryDocumentedEventOfEveryShippedVendor() throws {
        var config = TestConfiguration()
        // Open routes: the vendors' default `verify` applies only with a secret.
        config.routes = Self.vendors.map { ["name": $0, "path": "/hooks/\($0)", "vendor": $0] }
        let server = try startServer(config)
        var sent: [(vendor: String, fixture: Fixture)] = []
        for vendor in Self.vendors {
            // The signed Dialpad delivery is the plain one's twin (same key): see the test below.
            for fixture in try Self.fixtures(vendor) where fixture.name != "hangup-signed" {
                let response = try deliver(server, Requests.post("/hooks/\(vendor)", body: fixture.body, contentType: fixture.contentType))
                XCTAssertEqual(response.status, 200, "\(vendor)/\(fixture.name): \(response.text)")
                sent.append((vendor, fixture))
            }
        }
        XCTAssertGreaterThanOrEqual(sent.count, 60)
        let lines = try eventLines()
        XCTAssertEqual(lines.count, sent.count)
        for ((vendor, fixture), line) in zip(sent, lines) {
            let label = "\(vendor)/\(fixture.name)"
            XCTAssertEqual(Set(line.keys), Set(fixture.line.keys), "\(label): the fields")
            // The envelope is the server's own: checked for what it must be, not against the fixture.
            XCTAssertEqual(line["route"] as? String, vendor, "\(label): route")
            XCTAssertEqual((line["source"] as? [String: Any])?["addr"] as? String, "127.0.0.1", "\(label): source.addr")
            XCTAssertEqual((line["source"] as? [String: Any])?["user_agent"] as? String, "callhook-e2e/1", "\(label): source.user_agent")
            XCTAssertNotNil((line["id"] as? String).flatMap(UUID.init(uuidString:)), "\(label): id")
            XCTAssertNotNil(line["received_at"] as? String, "\(label): received_at")
            for (key, want) in fixture.line.sorted(by: { $0.key < $1.key })
            where !["id", "received_at", "route", "source"].contains(key) {
                XCTAssertEqual(line[key] as? NSObject ?? NSNull(), want as? NSObject ?? NSNull(), "\(label): \(key)")
            }
        }
    }

    /// Documentation.docc/Vendors.md: a `jwt` body is decoded unverified only on a route without
    /// a secret. With a secret the route verifies it (`jwt-hs256`, Dialpad's default): a token
    /// signed with another key is `401 bad signature`, never stored, not a reject.
    func testSignedDialpadBodyOnlyWithoutASecret() throws {
        var config = TestConfiguration()
        config.routes = [
            ["name": "open", "path": "/hooks/dialpad", "vendor": "dialpad"],
            ["name": "locked", "path": "/hooks/dialpad-locked", "vendor": "dialpad", "secret": TestConfiguration.secret],
        ]
        let server = try startServer(config)
        let signed = try XCTUnwrap(Self.fixtures("dialpad").first { $0.name == "hangup-signed" })

        let refused = try deliver(server, Requests.post("/hooks/dialpad-locked",
                                                        body: signed.body, contentType: signed.contentType))
        XCTAssertEqual(refused.status, 401, refused.text)
        XCTAssertEqual(refused.json["error"] as? String, "bad signature", refused.text)
        XCTAssertEqual(try eventLines().count, 0, "a refused delivery is never stored")
        XCTAssertEqual(try rejectLines().count, 0, "nor kept as a reject")

        let accepted = try deliver(server, Requests.post("/hooks/dialpad", body: signed.body, contentType: signed.contentType))
        XCTAssertEqual(accepted.status, 200, accepted.text)
        let lines = try eventLines()
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.first?["raw"] as? NSObject, signed.line["raw"] as? NSObject, "raw is the token's payload")
        XCTAssertEqual(lines.first?["type"] as? String, "call.hangup")
    }
}
