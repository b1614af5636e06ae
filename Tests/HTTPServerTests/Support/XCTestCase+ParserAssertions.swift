import XCTest
@testable import HTTPServer

/// Assertions that a request is accepted or refused, checked every way by `ParserVerifier`.
extension XCTestCase {
    /// The head and body of the one request in `input`, checked every way.
    @discardableResult
    func assertAccepted(_ input: [UInt8], limits: HTTPLimits = HTTPLimits(),
                        file: StaticString = #filePath, line: UInt = #line) -> (head: HTTPRequestHead, body: [UInt8])? {
        let events = ParserVerifier.events(input, limits: limits, file: file, line: line)
        guard events.count == 2, case .head(let head) = events[0], case .body(let body) = events[1] else {
            XCTFail("expected a head and a body, got \(events)", file: file, line: line)
            return nil
        }
        return (head, body)
    }

    @discardableResult
    func assertAccepted(_ input: String, limits: HTTPLimits = HTTPLimits(),
                        file: StaticString = #filePath, line: UInt = #line) -> (head: HTTPRequestHead, body: [UInt8])? {
        assertAccepted(Array(input.utf8), limits: limits, file: file, line: line)
    }

    /// Checks `input` ends in an error answered with `status`, checked every way. `afterHead`:
    /// whether the head is returned first (a body error) or not (a head or framing error).
    func assertRefused(_ input: [UInt8], status: Int, afterHead: Bool = false, limits: HTTPLimits = HTTPLimits(),
                       file: StaticString = #filePath, line: UInt = #line) {
        let events = ParserVerifier.events(input, limits: limits, file: file, line: line)
        guard case .error(let error) = events.last else {
            return XCTFail("expected an error \(status), got \(events)", file: file, line: line)
        }
        XCTAssertEqual(error.status, status, "\(error)", file: file, line: line)
        XCTAssertEqual(events.count, afterHead ? 2 : 1, "events before the error: \(events)", file: file, line: line)
        if afterHead, case .head = events.first {} else if afterHead {
            XCTFail("expected the head before the error", file: file, line: line)
        }
    }

    func assertRefused(_ input: String, status: Int, afterHead: Bool = false, limits: HTTPLimits = HTTPLimits(),
                       file: StaticString = #filePath, line: UInt = #line) {
        assertRefused(Array(input.utf8), status: status, afterHead: afterHead, limits: limits, file: file, line: line)
    }
}
