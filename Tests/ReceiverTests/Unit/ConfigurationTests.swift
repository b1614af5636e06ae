import CallEvents
import XCTest
@testable import Receiver

final class ConfigurationTests: XCTestCase {
    private func configuration() -> Configuration {
        var configuration = Configuration(routes: [
            Configuration.Route(name: "voipnow", path: "/hooks/voipnow", vendor: .vendor(.voipnow), secret: Secret("route-secret-1")),
            Configuration.Route(name: "lan", path: "/hooks/lan", vendor: .auto, allow: [try! CIDR(parsing: "10.0.0.0/8")]),
        ])
        configuration.adminToken = Secret("admin-secret-2")
        return configuration
    }

    func testPrintingNeverShowsASecret() {
        let configuration = configuration()
        var dumped = ""
        dump(configuration, to: &dumped)
        var dumpedRoute = ""
        dump(configuration.routes[0], to: &dumpedRoute)
        let forms = ["\(configuration)", String(reflecting: configuration), dumped, dumpedRoute,
                     "\(configuration.routes)", String(reflecting: configuration.routes[0]), String(describing: Optional(configuration))]
        for form in forms {
            XCTAssertFalse(form.contains("route-secret-1"), form)
            XCTAssertFalse(form.contains("admin-secret-2"), form)
        }
        XCTAssertTrue("\(configuration)".contains("admin_token: <redacted>"))
        XCTAssertTrue("\(configuration.routes[0])".contains("secret: <redacted>"))
    }

    func testRouteDescriptionSaysWhatItIs() {
        let routes = configuration().routes
        XCTAssertEqual(routes[0].description, "voipnow /hooks/voipnow voipnow secret: <redacted>")
        XCTAssertEqual(routes[1].description, "lan /hooks/lan auto allow: [10.0.0.0/8]")
        XCTAssertEqual(Configuration.Route(name: "x", path: "/x", vendor: .auto).description, "x /x auto (open)")
    }

    func testListenIsWrittenBackWithBracketsForIPv6() {
        var configuration = configuration()
        XCTAssertEqual(configuration.listen, "127.0.0.1:8080")
        configuration.listenHost = "::1"
        configuration.listenPort = 0
        XCTAssertEqual(configuration.listen, "[::1]:0")
    }

    func testIsOpenOnlyWithNeitherSecretNorAllowList() {
        XCTAssertTrue(Configuration.Route(name: "x", path: "/x", vendor: .auto).isOpen)
        XCTAssertFalse(Configuration.Route(name: "x", path: "/x", vendor: .auto, secret: Secret("s")).isOpen)
        XCTAssertFalse(Configuration.Route(name: "x", path: "/x", vendor: .auto, allow: []).isOpen)
    }
}
