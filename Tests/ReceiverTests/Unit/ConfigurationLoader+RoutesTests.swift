import CallEvents
import XCTest
@testable import Receiver

/// `routes`: each entry's keys and the rules across entries.
final class ConfigurationLoaderRoutesTests: XCTestCase {
    private func routeErrors(_ routes: String) -> [String] { configurationErrors("{\"routes\": [\(routes)]}") }
    private func loaded(_ routes: String) -> ConfigurationLoader.Loaded? { loadedConfiguration("{\"routes\": [\(routes)]}") }

    func testRouteWithEveryKey() throws {
        let route = try XCTUnwrap(loaded("""
            {"name": "pbx-1.main", "path": "/hooks/pbx", "vendor": "urlnetworks", "secret": "k",
             "allow": ["203.0.113.0/24", "2001:db8::/32"]}
            """)).configuration.routes[0]
        XCTAssertEqual(route, Configuration.Route(name: "pbx-1.main", path: "/hooks/pbx", vendor: .vendor(.urlnetworks),
                                                  secret: Secret("k"),
                                                  allow: [try CIDR(parsing: "203.0.113.0/24"), try CIDR(parsing: "2001:db8::/32")]))
    }

    func testEveryVendorName() throws {
        let routes = try XCTUnwrap(loaded("""
            {"name": "a", "path": "/a", "vendor": "voipnow", "secret": "k"},
            {"name": "b", "path": "/b", "vendor": "urlnetworks", "secret": "k"},
            {"name": "c", "path": "/c", "vendor": "voipstudio", "secret": "k"},
            {"name": "d", "path": "/d", "vendor": "impactpbx", "secret": "k"},
            {"name": "e", "path": "/e", "vendor": "auto", "secret": "k"}
            """)).configuration.routes
        XCTAssertEqual(routes.map(\.vendor), Vendor.allCases.map { .vendor($0) } + [.auto])
    }

    func testRoutesMustBeANonEmptyArrayOfObjects() {
        XCTAssertEqual(configurationErrors(#"{"routes": {}}"#), ["$.routes: expected an array of routes, got an object"])
        XCTAssertEqual(configurationErrors(#"{"routes": []}"#), ["$.routes: expected at least one route"])
        XCTAssertEqual(routeErrors(#""/hooks""#), ["$.routes[0]: expected an object, got a string"])
    }

    func testRequiredKeys() {
        XCTAssertEqual(routeErrors(#"{"secret": "k"}"#), [
            "$.routes[0].name: missing (required)",
            "$.routes[0].path: missing (required)",
            "$.routes[0].vendor: missing (required)",
        ])
    }

    func testUnknownAndDuplicateKeysInARoute() {
        XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "auto", "secretz": "k", "Allow": [], "name": "b"}"#), [
            #"$.routes[0].secretz: unknown key (did you mean "secret"?)"#,
            #"$.routes[0].Allow: unknown key (did you mean "allow"?)"#,
            "$.routes[0].name: duplicate key",
        ])
    }

    func testUnknownVendor() {
        XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "foo", "secret": "k"}"#),
                       [#"$.routes[0].vendor: unknown vendor "foo" (expected one of voipnow, urlnetworks, voipstudio, impactpbx, twilio, zoom, ringcentral, aircall, telnyx, dialpad, vonage or auto)"#])
        XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "VoipNow", "secret": "k"}"#).count, 1)
    }

    func testNames() {
        XCTAssertEqual(routeErrors(#"{"name": "", "path": "/a", "vendor": "auto", "secret": "k"}"#),
                       ["$.routes[0].name: expected a non-empty string"])
        XCTAssertEqual(routeErrors(#"{"name": "my route", "path": "/a", "vendor": "auto", "secret": "k"}"#),
                       [#"$.routes[0].name: expected up to 64 letters, digits, "-", "_" or ".", got "my route""#])
        XCTAssertEqual(routeErrors(#"{"name": "\#(String(repeating: "n", count: 65))", "path": "/a", "vendor": "auto", "secret": "k"}"#).count, 1)
    }

    func testPathRules() {
        let cases: [(String, String)] = [
            ("hooks/a", #"expected a path starting with "/", got "hooks/a""#),
            ("/hooks/a?x=1", #"a route path has no query or fragment, got "/hooks/a?x=1""#),
            ("/hooks/a#top", #"a route path has no query or fragment, got "/hooks/a#top""#),
            ("/hooks/a/", #"a route path does not end with "/", got "/hooks/a/""#),
            ("/hooks//a", #"a route path has no empty segments ("//"), got "/hooks//a""#),
            ("/hooks/../a", #"a route path has no "." or ".." segments, got "/hooks/../a""#),
            ("/hooks/./a", #"a route path has no "." or ".." segments, got "/hooks/./a""#),
            ("/hooks/%61", #"a route path holds only letters, digits and -._~!$&'()*+,;=:@, got "/hooks/%61""#),
            ("/hooks/a b", #"a route path holds only letters, digits and -._~!$&'()*+,;=:@, got "/hooks/a b""#),
            ("/healthz", #""/healthz" is reserved for the server's own endpoint"#),
            ("/metrics", #""/metrics" is reserved for the server's own endpoint"#),
            ("", "expected a non-empty string"),
        ]
        for (path, message) in cases {
            XCTAssertEqual(routeErrors(#"{"name": "a", "path": "\#(path)", "vendor": "auto", "secret": "k"}"#),
                           ["$.routes[0].path: \(message)"], path)
        }
    }

    func testPathsThatAreAllowed() throws {
        for path in ["/", "/a", "/hooks/voip-now_1.x~", "/hooks/a:b@c", "/metrics/x", "/healthz2"] {
            XCTAssertNotNil(loaded(#"{"name": "a", "path": "\#(path)", "vendor": "auto", "secret": "k"}"#), path)
        }
    }

    func testNamesAndPathsAreUnique() {
        XCTAssertEqual(routeErrors("""
            {"name": "a", "path": "/a", "vendor": "auto", "secret": "k"},
            {"name": "b", "path": "/a", "vendor": "auto", "secret": "k"},
            {"name": "a", "path": "/c", "vendor": "auto", "secret": "k"},
            {"name": "a", "path": "/a", "vendor": "auto", "secret": "k"}
            """), [
            #"$.routes[1].path: "/a" is already the path of $.routes[0]"#,
            #"$.routes[2].name: "a" is already the name of $.routes[0]"#,
            #"$.routes[3].name: "a" is already the name of $.routes[0]"#,
            #"$.routes[3].path: "/a" is already the path of $.routes[0]"#,
        ])
    }

    func testSecretMustBeANonEmptyString() {
        let expected = ["$.routes[0].secret: expected a non-empty string (leave the key out for no secret)"]
        for value in [#""""#, "null", "42", #"["k"]"#] {
            XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "auto", "secret": \#(value)}"#), expected, value)
        }
    }

    func testAllowList() throws {
        XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "auto", "allow": []}"#),
                       ["$.routes[0].allow: expected at least one CIDR (leave the key out to allow any address)"])
        XCTAssertEqual(routeErrors(#"{"name": "a", "path": "/a", "vendor": "auto", "allow": ["10.0.0.0/8", "nope"]}"#),
                       [#"$.routes[0].allow[1]: "nope" is not a CIDR: not an IPv4 or IPv6 address"#])
        let route = try XCTUnwrap(loaded(#"{"name": "a", "path": "/a", "vendor": "auto", "allow": ["10.0.0.0/8"]}"#))
        XCTAssertEqual(route.warnings, [], "an allow list alone closes a route")
        XCTAssertNil(route.configuration.routes[0].secret)
    }

    func testOpenRouteIsAWarning() throws {
        let loaded = try XCTUnwrap(loaded("""
            {"name": "open", "path": "/open", "vendor": "auto"},
            {"name": "closed", "path": "/closed", "vendor": "auto", "secret": "k"}
            """))
        XCTAssertEqual(loaded.warnings, [#"route "open" is open: no secret and no allow list"#])
        XCTAssertTrue(loaded.configuration.routes[0].isOpen)
        XCTAssertFalse(loaded.configuration.routes[1].isOpen)
    }

    func testEveryRouteIsCheckedEvenAfterABadOne() {
        XCTAssertEqual(routeErrors("""
            {"name": "a", "path": "a", "vendor": "auto"},
            {"name": "b", "path": "/b", "vendor": "x"},
            {"name": "c", "path": "/c", "vendor": "auto", "secret": ""}
            """).count, 3)
    }
}
