import XCTest
@testable import HTTPServer

/// The connection's decisions with a fake clock and no socket.
final class ConnectionStateTests: XCTestCase {
    private var now = 1_000
    private var limits: HTTPLimits = {
        var limits = HTTPLimits()
        limits.headerTimeoutMilliseconds = 100
        limits.bodyTimeoutMilliseconds = 200
        limits.idleTimeoutMilliseconds = 500
        return limits
    }()

    private func head(_ method: String = "POST", version: HTTPVersion = .http1_1, framing: HTTPBodyFraming = .contentLength(3),
                      keepAlive: Bool = true, expectsContinue: Bool = false, path: String = "/x") -> HTTPRequestHead {
        HTTPRequestHead(method: method, target: path, version: version, headers: HTTPHeaders([("Host", "a")]),
                        framing: framing, keepAlive: keepAlive, expectsContinue: expectsContinue)
    }

    /// Runs a request up to the handler and returns the state there.
    private func handled(_ head: HTTPRequestHead, _ state: inout ConnectionState) {
        XCTAssertEqual(state.receivedHead(head, now: now), .screen(head))
        _ = state.screened(refusal: nil, now: now)
        XCTAssertEqual(state.receivedBody([1, 2, 3], now: now), .handle(HTTPRequest(head: head, body: [1, 2, 3])))
    }

    func testAKeepAliveRequestGoesBackToIdleWithTheIdleDeadline() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head(), &state)
        XCTAssertNil(state.deadline, "no deadline while the handler holds the request")
        now += 10_000
        let response = HTTPResponse(status: 200)
        XCTAssertEqual(state.responded(response, now: now), .send(response, ResponseFraming(keepAlive: true)))
        XCTAssertEqual(state.phase, .idle(since: now))
        XCTAssertEqual(state.deadline, now + 500)
        XCTAssertEqual(state.outputFlushed(now: now), .none)
    }

    func testAFreshConnectionWaitsNoLongerThanTheHeaderTimeoutForItsFirstByte() {
        let state = ConnectionState(limits: limits, now: now)
        XCTAssertEqual(state.deadline, now + 100)
    }

    func testIdlePastTheDeadlineClosesQuietly() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head(), &state)
        _ = state.responded(HTTPResponse(status: 200), now: now)
        XCTAssertEqual(state.timedOut(now: now + 499), .none)
        XCTAssertEqual(state.timedOut(now: now + 500), .close)
    }

    func testHeaderDeadlineIsATotalFromTheFirstByteNotPerRead() {
        var state = ConnectionState(limits: limits, now: now)
        state.needsMoreData(parserPhase: .head, now: now)
        for _ in 0..<5 {
            now += 30
            state.needsMoreData(parserPhase: .head, now: now)   // a byte trickles in
        }
        XCTAssertEqual(state.deadline, 1_000 + 100)
        let action = state.timedOut(now: 1_100)
        guard case .send(let response, let framing) = action else { return XCTFail("\(action)") }
        XCTAssertEqual(response.status, 408)
        XCTAssertFalse(framing.keepAlive)
    }

    func testBodyDeadlineRunsFromTheEndOfTheHead() {
        var state = ConnectionState(limits: limits, now: now)
        state.needsMoreData(parserPhase: .head, now: now)
        now += 90
        _ = state.receivedHead(head(), now: now)
        _ = state.screened(refusal: nil, now: now)
        state.needsMoreData(parserPhase: .body, now: now + 50)
        XCTAssertEqual(state.deadline, 1_090 + 200)
        guard case .send(let response, _) = state.timedOut(now: 1_290) else { return XCTFail() }
        XCTAssertEqual(response.status, 408)
    }

    func testContinueIsSentOnlyToHTTP11WithABodyToCome() {
        var state = ConnectionState(limits: limits, now: now)
        _ = state.receivedHead(head(expectsContinue: true), now: now)
        XCTAssertEqual(state.screened(refusal: nil, now: now), .sendContinue)

        // RFC 9110 §15.2: no 1xx to an HTTP/1.0 client.
        var old = ConnectionState(limits: limits, now: now)
        _ = old.receivedHead(head(version: .http1_0, expectsContinue: true), now: now)
        XCTAssertEqual(old.screened(refusal: nil, now: now), .none)

        var empty = ConnectionState(limits: limits, now: now)
        _ = empty.receivedHead(head(framing: .contentLength(0), expectsContinue: true), now: now)
        XCTAssertEqual(empty.screened(refusal: nil, now: now), .none)
    }

    func testARefusedHeadWithABodyIsAnsweredAtOnceAndCloses() {
        var state = ConnectionState(limits: limits, now: now)
        let refusal = HTTPResponse(status: 401)
        _ = state.receivedHead(head(framing: .chunked, expectsContinue: true), now: now)
        XCTAssertEqual(state.screened(refusal: refusal, now: now), .send(refusal, ResponseFraming(keepAlive: false)))
        XCTAssertFalse(state.readsRequests)
        XCTAssertEqual(state.outputFlushed(now: now), .shutdownWrite)
    }

    func testARefusedHeadWithoutABodyIsAnsweredAtItsEmptyBodyAndKeepsTheConnection() {
        var state = ConnectionState(limits: limits, now: now)
        let refusal = HTTPResponse(status: 404)
        _ = state.receivedHead(head("GET", framing: .none), now: now)
        XCTAssertEqual(state.screened(refusal: refusal, now: now), .none)
        XCTAssertEqual(state.receivedBody([], now: now), .send(refusal, ResponseFraming(keepAlive: true)))
        XCTAssertTrue(state.readsRequests)
    }

    func testAParserErrorIsAnsweredWithItsStatusAndCloses() {
        var state = ConnectionState(limits: limits, now: now)
        let action = state.receivedError(.headerTooLarge, now: now)
        guard case .send(let response, let framing) = action else { return XCTFail("\(action)") }
        XCTAssertEqual(response.status, 431)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"ok":false,"error":"header section too large"}"#)
        XCTAssertFalse(framing.keepAlive)
        XCTAssertEqual(state.outputFlushed(now: now), .shutdownWrite)
    }

    func testLingeringAfterTheLastResponseIsBoundedInTimeAndBytes() {
        var state = ConnectionState(limits: limits, now: now)
        _ = state.receivedError(.badRequest(.bareLF), now: now)
        _ = state.outputFlushed(now: now)
        XCTAssertTrue(state.isLingering)
        XCTAssertEqual(state.deadline, now + ConnectionState.lingerMilliseconds)
        XCTAssertEqual(state.discarded(ConnectionState.lingerBytes - 1, now: now), .none)
        XCTAssertEqual(state.discarded(1, now: now), .close)

        var slow = ConnectionState(limits: limits, now: now)
        _ = slow.receivedError(.badRequest(.bareLF), now: now)
        _ = slow.outputFlushed(now: now)
        XCTAssertEqual(slow.timedOut(now: now + ConnectionState.lingerMilliseconds), .close)
    }

    func testConnectionCloseAndHTTP10AreClosedAfterTheResponse() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head(keepAlive: false), &state)
        XCTAssertEqual(state.responded(HTTPResponse(status: 200), now: now), .send(HTTPResponse(status: 200), ResponseFraming(keepAlive: false)))
        XCTAssertFalse(state.readsRequests)

        var old = ConnectionState(limits: limits, now: now)
        handled(head(version: .http1_0, keepAlive: true), &old)
        XCTAssertEqual(old.responded(HTTPResponse(status: 200), now: now),
                       .send(HTTPResponse(status: 200), ResponseFraming(keepAlive: true, version: .http1_0)))
    }

    func testAHandlerResponseThatClosesClosesTheConnection() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head(), &state)
        let response = HTTPResponse(status: 200, closesConnection: true)
        XCTAssertEqual(state.responded(response, now: now), .send(response, ResponseFraming(keepAlive: false)))
    }

    func testAHEADRequestsResponseOmitsTheBody() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head("HEAD", framing: .contentLength(3)), &state)
        XCTAssertEqual(state.responded(HTTPResponse(status: 200), now: now),
                       .send(HTTPResponse(status: 200), ResponseFraming(keepAlive: true, omitsBody: true)))
    }

    func testAResponseNobodyWaitsForIsDropped() {
        var state = ConnectionState(limits: limits, now: now)
        XCTAssertEqual(state.responded(HTTPResponse(status: 200), now: now), .none)
        handled(head(), &state)
        _ = state.responded(HTTPResponse(status: 200), now: now)
        XCTAssertEqual(state.responded(HTTPResponse(status: 500), now: now), .none)
    }

    func testEndOfStreamMidRequestClosesWithoutAResponse() {
        var state = ConnectionState(limits: limits, now: now)
        _ = state.receivedHead(head(), now: now)
        _ = state.screened(refusal: nil, now: now)
        XCTAssertEqual(state.peerClosed(), .close)
        XCTAssertTrue(state.isClosed)
    }

    func testStoppingClosesIdleConnectionsAtOnce() {
        var state = ConnectionState(limits: limits, now: now)
        XCTAssertEqual(state.stop(now: now), .close)
    }

    func testStoppingAnswersRequestsThatCompleteDuringTheDrainWith503() {
        var state = ConnectionState(limits: limits, now: now)
        _ = state.receivedHead(head(), now: now)
        _ = state.screened(refusal: nil, now: now)
        XCTAssertEqual(state.stop(now: now), .none)
        let action = state.receivedBody([1, 2, 3], now: now)
        guard case .send(let response, let framing) = action else { return XCTFail("\(action)") }
        XCTAssertEqual(response.status, 503)
        XCTAssertFalse(framing.keepAlive)
    }

    func testStoppingLetsTheRequestInFlightFinishThenCloses() {
        var state = ConnectionState(limits: limits, now: now)
        handled(head(), &state)
        XCTAssertEqual(state.stop(now: now), .none)
        XCTAssertEqual(state.responded(HTTPResponse(status: 200), now: now), .send(HTTPResponse(status: 200), ResponseFraming(keepAlive: false)))
    }

    func testAHeadStartedWhileStoppingWithABodyIsRefusedAt503WithoutReadingIt() {
        var state = ConnectionState(limits: limits, now: now)
        state.needsMoreData(parserPhase: .head, now: now)
        _ = state.stop(now: now)
        let action = state.receivedHead(head(expectsContinue: true), now: now)
        guard case .send(let response, let framing) = action else { return XCTFail("\(action)") }
        XCTAssertEqual(response.status, 503)
        XCTAssertFalse(framing.keepAlive)
    }
}
