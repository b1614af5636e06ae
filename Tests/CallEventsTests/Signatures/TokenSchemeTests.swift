import XCTest
@testable import CallEvents

final class TokenSchemeTests: XCTestCase {
    private let scheme = TokenScheme(secrets: [Array("old-token".utf8), Array("new-token".utf8)])

    func testEqualTokenFromAnyListedSecretIsAccepted() {
        XCTAssertEqual(scheme.check(presented: Array("new-token".utf8)), .accepted)
        XCTAssertEqual(scheme.check(presented: Array("old-token".utf8)), .accepted)
    }

    func testOtherTokensAreRefused() {
        XCTAssertEqual(scheme.check(presented: Array("new-tokeN".utf8)), .refused(.bad))
        XCTAssertEqual(scheme.check(presented: Array("new-token ".utf8)), .refused(.bad))
        XCTAssertEqual(scheme.check(presented: Array("Xew-token".utf8)), .refused(.bad))
        XCTAssertEqual(scheme.check(presented: nil), .refused(.missing))
        XCTAssertEqual(scheme.check(presented: []), .refused(.missing))
        XCTAssertEqual(TokenScheme(secrets: []).check(presented: Array("x".utf8)), .refused(.bad))
    }
}
