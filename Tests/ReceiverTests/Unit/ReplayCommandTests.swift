import CallEvents
import XCTest
@testable import Receiver

final class ReplayCommandTests: XCTestCase {
    func replayed(_ event: LoggedEvent) throws -> String {
        String(decoding: try ReplayCommand.replay(event).get().jsonLine(), as: UTF8.self)
    }

    func testALineComesBackAsItWas() throws {
        for vendor in OpsPayloads.Vendor.allCases {
            for payload in OpsPayloads.call(vendor, id: "77", start: 1_700_000_000, answered: true) {
                let event = LoggedEvent.make(payload, receivedAt: 1_700_000_040)
                XCTAssertEqual(try replayed(event), String(decoding: event.line, as: UTF8.self))
            }
        }
    }

    func testWhatTodaysDecodersSayReplacesWhatTheLineSaid() throws {
        // As if an older decoder had not known ImpactPBX's `answer`.
        let event = LoggedEvent.make(OpsPayloads.call(.impactpbx, id: "i1", start: 1_700_000_000, answered: true)[1], receivedAt: 1_700_000_005)
        let old = String(decoding: event.line, as: UTF8.self).replacingOccurrences(of: #""type":"call.answered""#, with: #""type":"unknown""#)
        XCTAssertNotEqual(old, String(decoding: event.line, as: UTF8.self))
        XCTAssertEqual(try replayed(.make(json: old)), String(decoding: event.line, as: UTF8.self))
    }

    func testURLNetworksRouteHintIsRecoveredFromTheLoggedType() throws {
        var payload = OpsPayloads.call(.urlnetworks, id: "u1", start: 1_700_000_000, answered: true)[0]
        payload.path = "/hooks/urlnetworks/hangup"
        let event = LoggedEvent.make(payload, receivedAt: 1_700_000_035)
        XCTAssertEqual(event.type, "call.hangup", "the hint decided")
        XCTAssertEqual(try replayed(event), String(decoding: event.line, as: UTF8.self))
    }

    func testLinesWithoutAnEnvelopeOrPayloadAreRefused() {
        for json in [#"{"id":"1","vendor":"nobody","raw":{}}"#,
                     #"{"id":"1","vendor":"voipnow","route":"r","received_at":"2023-11-14T22:13:20.000Z","raw":null}"#,
                     #"{"id":"1","vendor":"voipnow","route":"r","raw":{"CallID":"1"}}"#] {
            guard case .failure = ReplayCommand.replay(.make(json: json)) else { return XCTFail("replayed \(json)") }
        }
    }
}
