import Foundation
import HTTPServer
import XCTest
@testable import Receiver

final class AuthenticatorTests: XCTestCase {
    private let secretRoute = Configuration.Route(name: "r", path: "/r", vendor: .auto, secret: Secret("s3cret:x"))

    private func check(_ route: Configuration.Route, query: String? = nil, _ fields: [(String, String)] = [],
                       client: IPAddress? = IPAddress("203.0.113.9")) -> Authenticator.Decision {
        Authenticator.check(route: route, client: client, query: query.map { Substring($0) },
                            headers: HTTPHeaders(fields.map { (name: $0.0, value: $0.1) }))
    }

    private func basic(_ credentials: String) -> (String, String) {
        ("Authorization", "Basic " + base64(Array(credentials.utf8)))
    }

    // MARK: the three places a secret may be

    func testQueryToken() {
        XCTAssertEqual(check(secretRoute, query: "token=s3cret%3Ax"), .ok)
        XCTAssertEqual(check(secretRoute, query: "a=1&token=s3cret:x&b=2"), .ok)
        XCTAssertEqual(check(secretRoute, query: "%74oken=s3cret:x"), .ok, "the name is percent-decoded too")
    }

    func testQueryTokenIsDecodedWithPlusAsSpace() {
        let route = Configuration.Route(name: "r", path: "/r", vendor: .auto, secret: Secret("a b"))
        XCTAssertEqual(check(route, query: "token=a+b"), .ok)
        XCTAssertEqual(check(route, query: "token=a%20b"), .ok)
    }

    func testOnlyTheFirstTokenParameterCounts() {
        XCTAssertEqual(check(secretRoute, query: "token=wrong&token=s3cret:x"), .unauthorized)
    }

    func testBasicPasswordWithAnyUserName() {
        XCTAssertEqual(check(secretRoute, [basic("pbx:s3cret:x")]), .ok)
        XCTAssertEqual(check(secretRoute, [basic(":s3cret:x")]), .ok)
    }

    func testBasicPasswordMayHoldColons() {
        // RFC 7617 §2: the user-id ends at the first colon; the rest is the password.
        XCTAssertEqual(check(secretRoute, [basic("user:s3cret:x")]), .ok)
        XCTAssertEqual(check(secretRoute, [basic("user:s3cret")]), .unauthorized)
    }

    func testBasicWithoutPaddingIsAccepted() {
        let encoded = base64(Array("u:s3cret:x".utf8)).replacingOccurrences(of: "=", with: "")
        XCTAssertEqual(check(secretRoute, [("Authorization", "Basic \(encoded)")]), .ok)
    }

    func testBearer() {
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearer s3cret:x")]), .ok)
    }

    func testSchemesAreCaseInsensitive() {
        // RFC 9110 §11.1: auth-scheme is case-insensitive.
        XCTAssertEqual(check(secretRoute, [("Authorization", "bearer s3cret:x")]), .ok)
        XCTAssertEqual(check(secretRoute, [("authorization", "BEARER  s3cret:x ")]), .ok)
        XCTAssertEqual(check(secretRoute, [("Authorization", "bAsIc " + base64(Array("u:s3cret:x".utf8)))]), .ok)
    }

    func testAnyOneMatchingFormIsEnough() {
        XCTAssertEqual(check(secretRoute, query: "token=wrong", [("Authorization", "Bearer s3cret:x")]), .ok)
        XCTAssertEqual(check(secretRoute, query: "token=s3cret:x", [("Authorization", "Bearer wrong")]), .ok)
    }

    // MARK: refusals

    func testMissingSecretIsUnauthorized() {
        XCTAssertEqual(check(secretRoute), .unauthorized)
        XCTAssertEqual(check(secretRoute, query: "a=1"), .unauthorized)
        XCTAssertEqual(check(secretRoute, query: "token"), .unauthorized)
        XCTAssertEqual(check(secretRoute, query: "token="), .unauthorized)
    }

    func testWrongSecretIsUnauthorized() {
        XCTAssertEqual(check(secretRoute, query: "token=s3cret"), .unauthorized)
        XCTAssertEqual(check(secretRoute, query: "token=s3cret:xs3cret:x"), .unauthorized)
        XCTAssertEqual(check(secretRoute, query: "token=S3CRET:X"), .unauthorized)
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearer s3cret:y")]), .unauthorized)
        XCTAssertEqual(check(secretRoute, [basic("u:nope")]), .unauthorized)
    }

    func testMalformedAuthorizationIsUnauthorized() {
        XCTAssertEqual(check(secretRoute, [("Authorization", "Basic !!!")]), .unauthorized, "not base64")
        XCTAssertEqual(check(secretRoute, [("Authorization", "Basic " + base64(Array("no-colon".utf8)))]), .unauthorized)
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearer")]), .unauthorized)
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearer ")]), .unauthorized)
        XCTAssertEqual(check(secretRoute, [("Authorization", "s3cret:x")]), .unauthorized, "no scheme")
        XCTAssertEqual(check(secretRoute, [("Authorization", "Token s3cret:x")]), .unauthorized, "unknown scheme")
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearers3cret:x")]), .unauthorized)
    }

    func testOnlyTheFirstAuthorizationFieldCounts() {
        XCTAssertEqual(check(secretRoute, [("Authorization", "Bearer wrong"), ("Authorization", "Bearer s3cret:x")]), .unauthorized)
    }

    func testUnauthorizedCarriesABasicChallenge() {
        XCTAssertEqual(Authenticator.Decision.unauthorized.status, 401)
        XCTAssertEqual(Authenticator.Decision.unauthorized.headers.map(\.name), ["WWW-Authenticate"])
        XCTAssertEqual(Authenticator.Decision.unauthorized.headers.map(\.value), ["Basic realm=\"callhook\""])
        XCTAssertEqual(Authenticator.Decision.forbidden.status, 403)
        XCTAssertTrue(Authenticator.Decision.forbidden.headers.isEmpty)
        XCTAssertEqual(Authenticator.Decision.ok.status, 200)
    }

    // MARK: allow-lists

    func testAllowListRefusesOtherAddressesWithForbidden() {
        let route = Configuration.Route(name: "r", path: "/r", vendor: .auto, allow: [try! CIDR(parsing: "10.0.0.0/8")])
        XCTAssertEqual(check(route, client: IPAddress("10.1.2.3")), .ok)
        XCTAssertEqual(check(route, client: IPAddress("203.0.113.9")), .forbidden)
        XCTAssertEqual(check(route, client: nil), .forbidden, "an unknown address is never allowed")
    }

    func testAddressIsCheckedBeforeTheSecret() {
        var route = secretRoute
        route.allow = [try! CIDR(parsing: "10.0.0.0/8")]
        XCTAssertEqual(check(route, query: "token=s3cret:x", client: IPAddress("203.0.113.9")), .forbidden)
        XCTAssertEqual(check(route, query: "token=wrong", client: IPAddress("203.0.113.9")), .forbidden)
        XCTAssertEqual(check(route, query: "token=wrong", client: IPAddress("10.0.0.1")), .unauthorized)
        XCTAssertEqual(check(route, query: "token=s3cret:x", client: IPAddress("10.0.0.1")), .ok)
    }

    func testOpenRouteAllowsAnyone() {
        XCTAssertEqual(check(Configuration.Route(name: "r", path: "/r", vendor: .auto), client: nil), .ok)
    }

    // MARK: admin endpoints

    func testAdminFromLoopback() {
        XCTAssertTrue(Authenticator.isAdmin(client: IPAddress("127.0.0.1"), headers: HTTPHeaders(), adminToken: nil))
        XCTAssertTrue(Authenticator.isAdmin(client: IPAddress("::1"), headers: HTTPHeaders(), adminToken: nil))
        XCTAssertFalse(Authenticator.isAdmin(client: IPAddress("203.0.113.9"), headers: HTTPHeaders(), adminToken: nil))
        XCTAssertFalse(Authenticator.isAdmin(client: nil, headers: HTTPHeaders(), adminToken: nil))
    }

    func testAdminWithTheToken() {
        let token = Secret("adm1n")
        let remote = IPAddress("203.0.113.9")
        XCTAssertTrue(Authenticator.isAdmin(client: remote, headers: HTTPHeaders([("Authorization", "Bearer adm1n")]), adminToken: token))
        XCTAssertFalse(Authenticator.isAdmin(client: remote, headers: HTTPHeaders([("Authorization", "Bearer adm1")]), adminToken: token))
        XCTAssertFalse(Authenticator.isAdmin(client: remote, headers: HTTPHeaders([("Authorization", "Basic " + base64(Array("u:adm1n".utf8)))]),
                                             adminToken: token), "only Bearer opens the admin endpoints")
        XCTAssertFalse(Authenticator.isAdmin(client: remote, headers: HTTPHeaders([("Authorization", "Bearer adm1n")]), adminToken: nil))
    }

    /// Standard base64 with padding, written independently of the decoder under test.
    private func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
