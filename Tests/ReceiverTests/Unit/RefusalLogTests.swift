import System
import XCTest
@testable import HTTPServer
@testable import Receiver

/// Sources/Receiver/Runtime/RefusalLog.swift and Sources/Receiver/Auth/RefusalReason.swift.
final class RefusalLogTests: XCTestCase {
    private final class Captured: Sendable {
        let lines = Locked<[String]>([])
        let now = Locked(10_000)
        var all: [String] { lines.withLock { $0 } }
    }

    private func makeLog(_ captured: Captured, perSecond: Int = 3) -> RefusalLog {
        RefusalLog(linesPerSecond: perSecond, clock: { captured.now.withLock { $0 } },
                   write: { line in captured.lines.withLock { $0.append(line) } })
    }

    func testOneLinePerRefusalWithRouteClientAndReason() {
        let captured = Captured()
        let log = makeLog(captured)
        log.refused(route: "impactpbx", client: "203.0.113.9", reason: .wrongSecret)
        log.refused(route: "odd name", client: "::1", reason: .addressNotAllowed)
        XCTAssertEqual(captured.all, [
            #"refused route=impactpbx client=203.0.113.9 reason="wrong secret""#,
            #"refused route="odd name" client=::1 reason="address not allowed""#,
        ])
    }

    func testPerReasonLimitHoldsLinesBackAndCountsThemOnTheNextLine() {
        let captured = Captured()
        let log = makeLog(captured)
        for _ in 0..<10 { log.refused(route: "r", client: "192.0.2.1", reason: .wrongSecret) }
        // Another reason has a budget of its own.
        log.refused(route: "r", client: "192.0.2.1", reason: .missingSecret)
        XCTAssertEqual(captured.all.count, 4)
        captured.now.withLock { $0 += 999 }
        log.refused(route: "r", client: "192.0.2.1", reason: .wrongSecret)
        XCTAssertEqual(captured.all.count, 4, "still the same one-second window")
        captured.now.withLock { $0 += 1 }
        log.refused(route: "r", client: "192.0.2.1", reason: .wrongSecret)
        XCTAssertEqual(captured.all.last, #"refused route=r client=192.0.2.1 reason="wrong secret" (8 more held back)"#)
        log.refused(route: "r", client: "192.0.2.1", reason: .wrongSecret)
        XCTAssertEqual(captured.all.last, #"refused route=r client=192.0.2.1 reason="wrong secret""#, "the count is said once")
    }

    func testReasonTellsAMissingSecretFromAWrongOne() {
        let none = HTTPHeaders()
        XCTAssertEqual(RefusalReason(.unauthorized, query: "a=1", headers: none), .missingSecret)
        XCTAssertEqual(RefusalReason(.unauthorized, query: nil, headers: none), .missingSecret)
        XCTAssertEqual(RefusalReason(.unauthorized, query: "token=x", headers: none), .wrongSecret)
        let bearer = HTTPHeaders([(name: "Authorization", value: "Bearer nope")])
        XCTAssertEqual(RefusalReason(.unauthorized, query: nil, headers: bearer), .wrongSecret)
        let other = HTTPHeaders([(name: "Authorization", value: "Digest x")])
        XCTAssertEqual(RefusalReason(.unauthorized, query: nil, headers: other), .missingSecret)
        XCTAssertEqual(RefusalReason(.forbidden, query: "token=x", headers: none), .addressNotAllowed)
    }
}
