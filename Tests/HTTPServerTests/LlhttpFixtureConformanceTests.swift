import TestSupport
import XCTest
@testable import HTTPServer

/// llhttp's request fixtures (Tests/TestSupport/LlhttpRequestFixtures.swift) through the parser,
/// each checked every way `ParserVerifier` knows (whole, byte by byte, split, pipelined): every
/// ambiguous framing refused with its status, every valid message framed. Where we differ from
/// llhttp the fixture says why (Documentation.docc/HTTPConformance.md).
final class LlhttpFixtureConformanceTests: XCTestCase {
    func testEveryFixtureIsFramedOrRefusedAsExpected() {
        for fixture in LlhttpRequestFixtures.all {
            let events = ParserVerifier.events(fixture.bytes)
            switch fixture.expected {
            case .answered, .answeredThenClosed:
                guard events.count == 2, case .head = events[0], case .body = events[1] else {
                    XCTFail("\(fixture.name): expected a head and a body, got \(events)")
                    continue
                }
            case .refused(let statuses):
                guard case .error(let error) = events.last else {
                    XCTFail("\(fixture.name): expected one of \(statuses), got \(events)")
                    continue
                }
                XCTAssertTrue(statuses.contains(error.status), "\(fixture.name): \(error.status) \(error)")
            }
        }
    }

    // RFC 9112 §7.1.1: the quoted-string of a chunk extension may hold `;` and quoted-pairs;
    // the body is the chunk data only.
    func testQuotedChunkExtensionsLeaveTheBodyAlone() {
        let fixture = LlhttpRequestFixtures.all.first { $0.name == "Chunk extensions quoting" }!
        let events = ParserVerifier.events(fixture.bytes)
        guard case .body(let body) = events.last else { return XCTFail("\(events)") }
        XCTAssertEqual(body, Array("hello world".utf8))
    }
}
