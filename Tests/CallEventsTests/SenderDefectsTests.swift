@testable import CallEvents
import XCTest

/// Deliveries as real senders write them, each of which was once lost, doubled or misread:
/// keys of ring-group legs, keys of deliveries whose fields are all in the URL, and times in
/// the units and "no time" spellings senders use (Documentation.docc/EventSchema.md "Times as
/// senders write them", "Keys").
final class SenderDefectsTests: XCTestCase {
    private func json(_ text: String) -> JSONValue { Mock.json(text) }

    // MARK: - Keys

    /// Two extensions of a ring group ring in the same whole second: two events, two keys.
    func testImpactPBXLegsOfOneCallInOneSecondHaveTheirOwnKeys() {
        let ring = #"{"ref":"r1","action":"ring","direction":"inbound","timestamp":"2020-01-29T07:45:26.000+00:00","#
        let a = Mock.decode(json(ring + #""channel_uuid":"leg-a","dialed_user":"1001"}"#), as: .vendor(.impactpbx))
        let b = Mock.decode(json(ring + #""channel_uuid":"leg-b","dialed_user":"1002"}"#), as: .vendor(.impactpbx))
        XCTAssertEqual(a?.key, "impactpbx:r1:ring:leg-a:2020-01-29T07:45:26.000+00:00")
        XCTAssertEqual(b?.key, "impactpbx:r1:ring:leg-b:2020-01-29T07:45:26.000+00:00")
        // Without a channel, the dialled extension tells the legs apart.
        let c = Mock.decode(json(ring + #""dialed_user":"1001"}"#), as: .vendor(.impactpbx))
        let d = Mock.decode(json(ring + #""dialed_user":"1002"}"#), as: .vendor(.impactpbx))
        XCTAssertEqual(c?.key, "impactpbx:r1:ring:1001:2020-01-29T07:45:26.000+00:00")
        XCTAssertNotEqual(c?.key, d?.key)
        // A retry of one leg is the same key.
        XCTAssertEqual(Mock.decode(json(ring + #""channel_uuid":"leg-a","dialed_user":"1001"}"#), as: .vendor(.impactpbx))?.key, a?.key)
    }

    /// Every vendor's key from the spec's table.
    func testEachVendorsKeyParts() {
        XCTAssertEqual(Mock.decode(Mock.form("CallID=c1&CallFlow=IN&CalledExtension=0003*002&CallStatus=ANSWER"),
                                   as: .vendor(.voipnow))?.key, "voipnow:c1:call.hangup:0003*002:ANSWER")
        XCTAssertEqual(Mock.decode(Mock.form("call_event_uuid=u1&method=extension_ringing&extension_user_id=e7"),
                                   as: .vendor(.urlnetworks))?.key, "urlnetworks:u1:call.ringing:e7")
        XCTAssertEqual(Mock.decode(json(#"{"id":"uk003.1","event_name":"call.hangup"}"#), as: .vendor(.voipstudio))?.key,
                       "voipstudio:uk003.1")
    }

    /// Fields sent in the URL of a POST with an empty body: different events, different keys.
    func testFallbackKeysOfQueryOnlyDeliveriesDiffer() {
        let a = Mock.decode(.object([]), query: Mock.form("CallAPIID=1&CallStatus=ANSWER"), as: .vendor(.voipnow))
        let b = Mock.decode(.object([]), query: Mock.form("CallAPIID=2&CallStatus=ANSWER"), as: .vendor(.voipnow))
        XCTAssertNotNil(a?.key)
        XCTAssertNotEqual(a?.key, b?.key)
    }

    // MARK: - Times

    /// URL Networks writes epochs in seconds; some accounts send milliseconds.
    func testURLNetworksEpochsInSecondsOrMilliseconds() {
        for (start, end) in [("1573865518", "1573977089"), ("1573865518000", "1573977089000")] {
            let event = Mock.decode(Mock.form("call_event_uuid=u&method=extension_hangup&start_time=\(start)&end_time=\(end)"),
                                    as: .vendor(.urlnetworks))
            XCTAssertEqual(event?.startedAt.map(Timestamps.format), "2019-11-16T00:51:58.000Z", start)
            XCTAssertEqual(event?.endedAt.map(Timestamps.format), "2019-11-17T07:51:29.000Z", end)
            XCTAssertEqual(event?.durationSeconds, 111_571, start)
        }
    }

    /// `call_start_uepoch` in microseconds, seconds (a float) or milliseconds: one time, never 1970.
    func testImpactPBXUepochInAnyUnit() {
        for twin in ["1580283919489709", "1580283919.489709", "1580283919489", "\"1580283919489709\""] {
            let event = Mock.decode(json(#"{"ref":"r","action":"hangup","call_start":"2020-01-29T07:45:19.000+00:00","call_start_uepoch":\#(twin),"call_end":"2020-01-29T07:45:39.000+00:00","call_end_uepoch":1580283939549758}"#),
                                    as: .vendor(.impactpbx))
            XCTAssertEqual(event?.startedAt.map(Timestamps.format), "2020-01-29T07:45:19.489Z", twin)
            XCTAssertEqual(event?.durationSeconds, 20, twin)
        }
    }

    /// A twin that names another second than its text time (a wrong unit or clock) loses to the text.
    func testImpactPBXTwinThatDisagreesLosesToTheText() {
        let event = Mock.decode(json(#"{"ref":"r","action":"hangup","call_start":"2020-01-29T07:45:19.000+00:00","call_start_uepoch":1580283,"call_end":"2020-01-29T07:45:39.000+00:00"}"#),
                                as: .vendor(.impactpbx))
        XCTAssertEqual(event?.startedAt.map(Timestamps.format), "2020-01-29T07:45:19.000Z")
        XCTAssertEqual(event?.durationSeconds, 20)
        // The twin alone still counts, and a zero twin is no time.
        let alone = Mock.decode(json(#"{"ref":"r","action":"answer","answer_start_uepoch":1580283935169797}"#), as: .vendor(.impactpbx))
        XCTAssertEqual(alone?.answeredAt.map(Timestamps.format), "2020-01-29T07:45:35.169Z")
        let zero = Mock.decode(json(#"{"ref":"r","action":"hangup","answer_start":"","answer_start_uepoch":0,"cause":"NO_ANSWER"}"#),
                               as: .vendor(.impactpbx))
        XCTAssertNil(zero?.answeredAt)
        XCTAssertEqual(zero?.outcome, .noAnswer)
    }

    /// PHP writes an unanswered call's `connected_at` as its zero date, or `false`.
    func testVoIPstudioZeroDateIsNotAnswered() {
        for connected in [#""0000-00-00 00:00:00""#, "false", #""""#, "null", #""0000-00-00""#, "0"] {
            let event = Mock.decode(json(#"{"id":"x","event_name":"call.hangup","start_time":"2021-04-28 08:45:55","connected_at":\#(connected),"event_time":"2021-04-28 08:46:13"}"#),
                                    as: .vendor(.voipstudio))
            XCTAssertNil(event?.answeredAt, connected)
            XCTAssertEqual(event?.outcome, .missed, connected)
            XCTAssertNil(event?.talkSeconds, connected)
        }
        let answered = Mock.decode(json(#"{"id":"x","event_name":"call.hangup","connected_at":"2021-04-28 08:46:02","event_time":"2021-04-28 08:46:13"}"#),
                                   as: .vendor(.voipstudio))
        XCTAssertEqual(answered?.outcome, .answered)
        XCTAssertEqual(answered?.talkSeconds, 11)
    }

    /// URL Networks: a hangup `method` stays a hangup even when the payload carries `agent_uuid`
    /// (Documentation.docc/EventSchema.md "URL Networks"); only `extension_ringing` is the vendor's
    /// mistake.
    func testURLNetworksHangupMethodWithAgentStaysAHangup() {
        for method in ["extension_hangup", "incoming_hangup_success", "incoming_hangup_missed"] {
            let event = Mock.decode(Mock.form("call_event_uuid=u&method=\(method)&agent_uuid=a1"), as: .vendor(.urlnetworks))
            XCTAssertEqual(event?.type, .hangup, method)
        }
        let ringing = Mock.decode(Mock.form("call_event_uuid=u&method=extension_ringing&agent_uuid=a1"), as: .vendor(.urlnetworks))
        XCTAssertEqual(ringing?.type, .answered)
    }

    // MARK: - Probes

    func testEmptyDeliveriesAreProbes() {
        func delivery(_ method: String, body: String, query: String?) -> Delivery {
            Delivery(method: method, contentType: nil, body: Array(body.utf8), query: query.map { Array($0.utf8) },
                     id: "i", receivedAt: Timestamp(milliseconds: 0), route: "r", source: EventSource(addr: "a", userAgent: nil))
        }
        XCTAssertTrue(delivery("POST", body: "", query: nil).isProbe)
        XCTAssertTrue(delivery("POST", body: " \r\n", query: "token=s").isProbe)
        XCTAssertTrue(delivery("GET", body: "", query: "token=s").isProbe)
        XCTAssertTrue(delivery("GET", body: "", query: "").isProbe)
        XCTAssertFalse(delivery("POST", body: "a=1", query: nil).isProbe)
        XCTAssertFalse(delivery("POST", body: "", query: "token=s&CallID=1").isProbe)
        XCTAssertFalse(delivery("GET", body: "", query: "CallID=1").isProbe)
        XCTAssertFalse(delivery("POST", body: "{}", query: nil).isProbe, "an empty object is a payload")
    }
}
